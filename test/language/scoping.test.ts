import { describe, expect, it } from 'vitest';
import type { By, Cycle, Moment } from '../../src/language/generated/ast.js';
import { check } from '../helpers.js';

function firstBy(checked: Awaited<ReturnType<typeof check>>): By {
    const cycle = checked.document.parseResult.value.elements.find(e => e.$type === 'Cycle') as Cycle;
    const moment = cycle.items.find(i => i.$type === 'Moment') as Moment;
    return moment.items.find(i => i.$type === 'By') as By;
}

describe('names and scope', () => {
    it('resolves a top-level role declared in another file of the workspace', async () => {
        const checked = await check('cycle c "x"\n  goal "g"\n  moment m "M"\n    by manager\n', ['role manager "Manager"\n']);
        expect(checked.found.filter(f => f.startsWith('unresolved'))).toEqual([]);
        expect(firstBy(checked).role.ref?.label).toBe('Manager');
    });

    it("lets a cycle's own role shadow a top-level one of the same name", async () => {
        const checked = await check('role clerk "Top-level clerk"\ncycle c "x"\n  goal "g"\n  role clerk "Cycle clerk"\n  moment m "M"\n    by clerk\n');
        expect(firstBy(checked).role.ref?.label).toBe('Cycle clerk');
        expect(checked.found.filter(f => f.startsWith('duplicate-id'))).toEqual([]);
    });

    it("never lets a reference see another cycle's elements", async () => {
        const text = 'cycle a "A"\n  goal "g"\n  role clerk "Clerk"\n  moment m "M"\ncycle b "B"\n  goal "g"\n  moment n "N"\n    by clerk\n  requirement r "R"\n    for m\n';
        const checked = await check(text);
        expect(checked.found).toContain('unresolved-reference@clerk');
        expect(checked.found).toContain('unresolved-reference@m');
    });

    it('resolves each kind of reference to its own kind only', async () => {
        const text = 'cycle c "x"\n  goal "g"\n  moment same "M"\n  area same2 "A"\n  requirement req "R"\n    for same2\n';
        const checked = await check(text);
        expect(checked.found).toContain('unresolved-reference@same2');
    });

    it('is case-sensitive', async () => {
        const checked = await check('cycle c "x"\n  goal "g"\n  role Clerk "Clerk"\n  moment m "M"\n    by clerk\n');
        expect(checked.found).toContain('unresolved-reference@clerk');
    });

    it('names what kind of element is missing, and how to fix it', async () => {
        const checked = await check('cycle c "x"\n  goal "g"\n  moment m "M"\n    by nobody\n  priorities\n    - nowhere\n');
        const messages = checked.diagnostics.filter(d => d.code === 'unresolved-reference').map(d => d.message);
        expect(messages[0]).toMatch(/No role named `nobody`.*role nobody/);
        expect(messages[1]).toMatch(/No area named `nowhere`/);
    });
});
