import { describe, expect, it } from 'vitest';
import type { Hover, MarkupContent } from 'vscode-languageserver';
import { bank, openAtCursor, SMALL } from './lsp-helpers.js';

async function hoverAt(source: string, ...others: string[]): Promise<string> {
    const { ws, document, at } = await openAtCursor(source, ...others);
    const hover = await ws.services.lsp.HoverProvider!.getHoverContent(document, at) as Hover | undefined;
    return (hover?.contents as MarkupContent | undefined)?.value ?? '';
}

describe('hover', () => {
    it("shows a moment's place in the cycle, its phase, its critical data and its missing mitigation", async () => {
        const text = await hoverAt(bank.replace('  moment told-take-number', '  moment told-take-<|>number'));
        expect(text).toContain('step 6 of 15');
        expect(text).toContain('In the branch');
        expect(text).toContain('Critical');
        expect(text).toMatch(/no prevent mitigation/);
        expect(text).toContain('The employee answers as if it were obvious what to do');
    });

    it('counts a cycle\'s moments and a survey\'s questions in good English', async () => {
        const one = 'cycle c "x"\n  moment m "M"\n  survey s "S"\n    question q "Q?"\n';
        expect(await hoverAt(one.replace('cycle c', 'cycle <|>c'))).toContain('1 moment · 0 critical · 0 unmitigated');
        expect(await hoverAt(one.replace('survey s', 'survey <|>s'))).toMatch(/\n1 question$/);
        expect(await hoverAt(SMALL.replace('cycle c', 'cycle <|>c'))).toContain('2 moments · ');
    });

    it('works on a reference to a moment too', async () => {
        expect(await hoverAt(bank.replace('      about wait-turn', '      about wait-<|>turn'))).toContain('step 7 of 15');
    });

    it("explains a quality component", async () => {
        expect(await hoverAt(bank.replace('    quality courtesy', '    quality cour<|>tesy'))).toMatch(/Politeness/);
    });

    it("lists a role's uses, across files for a top-level role", async () => {
        const text = await hoverAt(bank.replace('    by teller\n    channel in-person', '    by tel<|>ler\n    channel in-person'));
        expect(text).toMatch(/Carries 5 moments: `hand-over`, `verify`, `ask-notes`, `receive-cash`, `leave`/);
        expect(text).toMatch(/recover of `wait-turn`/);
        const top = await hoverAt('role audi<|>tor "Auditor"\n', SMALL.replace('    by clerk\n', '    by auditor\n'));
        expect(top).toMatch(/top-level role/);
        expect(top).toMatch(/Carries 1 moment: `first`/);
    });

    it('never renders a label as markup', async () => {
        const text = await hoverAt('cycle c "x"\n  moment m<|>m "<script>alert(1)</script> **bold**"\n');
        expect(text).not.toContain('<script>');
        expect(text).toContain('&lt;script&gt;');
    });
});
