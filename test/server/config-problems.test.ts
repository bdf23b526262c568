import { SMALL } from './lsp-helpers.js';
import { describe, expect, it } from 'vitest';
import { EmptyFileSystemProvider, URI, type FileSystemNode } from 'langium';
import { createCycleServices } from '../../src/server/services.js';
import { reportConfigProblems } from '../../src/server/config-problems.js';

describe('a broken cycle.config.json', () => {
    class OneConfig extends EmptyFileSystemProvider {
        text = '{ "rules": { "critical-without-recovery": "off", "no-such-rule": "off", "feels-out-of-range": "loud" } }';
        override existsSync(uri?: URI): boolean { return uri?.path === '/ws/cycle.config.json'; }
        override statSync(uri: URI): FileSystemNode { return { isFile: this.existsSync(uri), isDirectory: false, uri }; }
        override readFileSync(): string { return this.text; }
        override async readFile(): Promise<string> { return SMALL; }
    }

    it('is shown to the designer once per change of the file, not per keystroke, and logged', async () => {
        const files = new OneConfig();
        const { shared, Cycle } = createCycleServices({ fileSystemProvider: () => files });
        const shown: string[] = [];
        const logged: string[] = [];
        reportConfigProblems(shared, () => Cycle.config.RuleConfigProvider, { show: m => shown.push(m), log: m => logged.push(m) });
        const document = shared.workspace.LangiumDocumentFactory.fromString(SMALL, URI.file('/ws/a.cycle'));
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        expect(shown).toHaveLength(1);
        expect(shown[0]).toMatch(/^cycle\.config\.json \(.*\): unknown rule "no-such-rule".* rule "feels-out-of-range" is set to "loud".* valid entries still apply/);
        expect(logged.join('\n')).toContain('no-such-rule');
        // Typing re-validates with the cached config: no second notice.
        await shared.workspace.DocumentBuilder.update([document.uri], []);
        expect(shown).toHaveLength(1);
        // The file changes (still broken): the server clears its cache and says so again.
        files.text = '{ "rules": ';
        Cycle.config.RuleConfigProvider.clear();
        await shared.workspace.DocumentBuilder.update([document.uri], []);
        expect(shown).toHaveLength(2);
        expect(shown[1]).toMatch(/not valid JSON.*not applied/);
    });
});
