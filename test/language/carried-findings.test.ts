import { URI } from 'langium';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { freshServices } from '../helpers.js';

/**
 * While typing only the fast checks run; what the workspace-wide checks found at the
 * last full validation is carried over. It must follow the line it is about.
 */
describe('workspace-wide findings while typing', () => {
    const services = freshServices();
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents = services.shared.workspace.LangiumDocuments;
    const builder = services.shared.workspace.DocumentBuilder;
    const uri = URI.file('/workspace/extra-team.cycle');

    async function validate(text: string, fast: boolean): Promise<Diagnostic[]> {
        if (documents.hasDocument(uri)) documents.deleteDocument(uri);
        const document = factory.fromString(text, uri);
        documents.addDocument(document);
        await builder.build([document], { validation: fast ? { categories: ['built-in', 'fast'] } : true });
        return document.diagnostics ?? [];
    }

    const unusedRoleLines = (diagnostics: Diagnostic[]) => diagnostics.filter(d => d.code === 'unused-role').map(d => d.range.start.line);

    it('moves with its line when lines are inserted above, and goes when the line is edited', async () => {
        expect(unusedRoleLines(await validate('role head-chef "Head chef"\n', false))).toEqual([0]);
        expect(unusedRoleLines(await validate('\n\n\nrole head-chef "Head chef"\n', true))).toEqual([3]);
        expect(unusedRoleLines(await validate('# team\nrole head-chef "Head chef"\n', true))).toEqual([1]);
        expect(unusedRoleLines(await validate('role head-cook "Head chef"\n', true))).toEqual([]);
        // The next full validation says it again, on the role as it now is.
        expect(unusedRoleLines(await validate('\nrole head-cook "Head chef"\n', false))).toEqual([1]);
    });
});
