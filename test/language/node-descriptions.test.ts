import { DefaultAstNodeDescriptionProvider, EmptyFileSystem, type AstNode } from 'langium';
import { describe, expect, it } from 'vitest';
import type { Cycle } from '../../src/language/generated/ast.js';
import { createCycleCoreServices } from '../../src/model/services.js';
import { check } from '../helpers.js';

/*
 * The descriptions of named elements work out their path and ranges when first asked
 * (to keep big files' heaps small): what they answer must be what Langium's own
 * provider answers at once, and stay right when asked late, after the build.
 */
describe('descriptions of named elements', () => {
    it("give the same name, type, path and ranges as Langium's, worked out when asked", async () => {
        const checked = await check('role manager "Manager"\ncycle c "x"\n  goal "g"\n  role clerk "Clerk"\n  moment m "M"\n    by clerk\n  moment n "N"\n    by manager\n');
        const services = createCycleCoreServices(EmptyFileSystem).Cycle;
        const ours = services.workspace.AstNodeDescriptionProvider;
        const langiums = new DefaultAstNodeDescriptionProvider(services);
        const cycle = checked.document.parseResult.value.elements.find(e => e.$type === 'Cycle') as Cycle;
        const named: AstNode[] = [checked.document.parseResult.value.elements[0], cycle, ...cycle.items.filter(i => i.$type === 'Moment' || i.$type === 'Role')];
        expect(named).toHaveLength(5);
        for (const node of named) {
            const expected = langiums.createDescription(node, undefined, checked.document);
            const actual = ours.createDescription(node, undefined, checked.document);
            expect({ name: actual.name, type: actual.type, path: actual.path, uri: actual.documentUri.toString(), node: actual.node })
                .toEqual({ name: expected.name, type: expected.type, path: expected.path, uri: expected.documentUri.toString(), node: expected.node });
            expect(actual.selectionSegment).toEqual(expected.selectionSegment);
            expect(actual.nameSegment).toEqual(expected.nameSegment);
            // The name segment is the id's own range: `m` of `moment m "M"`.
            const text = checked.document.textDocument.getText();
            expect(text.substring(actual.nameSegment!.offset, actual.nameSegment!.end)).toBe((node as AstNode & { name: string }).name);
        }
    });

    it('refuse an element with no name, naming its path', async () => {
        const checked = await check('cycle c "x"\n  goal "g"\n');
        const ours = createCycleCoreServices(EmptyFileSystem).Cycle.workspace.AstNodeDescriptionProvider;
        const goal = (checked.document.parseResult.value.elements[0] as Cycle).items[0];
        expect(() => ours.createDescription(goal, undefined, checked.document)).toThrow(/has no name/);
    });
});
