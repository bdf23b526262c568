import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { SemanticTokensDecoder } from 'langium/lsp';
import type { CompletionItem, CompletionList, DocumentSymbol, FoldingRange, Hover, Location, MarkupContent, Range, TextEdit } from 'vscode-languageserver';
import { EmptyFileSystemProvider, URI, type FileSystemNode } from 'langium';
import { createCycleServices } from '../../src/server/services.js';
import { reportConfigProblems } from '../../src/server/config-problems.js';
import { applyAction, cursor, fixesFor, lspWorkspace, params, position } from './lsp-helpers.js';

const bank = readFileSync(new URL('../../examples/bank-check-cashing.cycle', import.meta.url), 'utf8');

async function completionAt(source: string, ...others: string[]): Promise<string[]> {
    const ws = lspWorkspace();
    const { text, offset } = cursor(source);
    const [document] = await ws.open(text, ...others);
    const list = await ws.services.lsp.CompletionProvider!.getCompletion(document, { ...params(document), position: position(document, offset) }) as CompletionList;
    return (list?.items ?? []).map((item: CompletionItem) => item.label);
}

async function hoverAt(source: string, ...others: string[]): Promise<string> {
    const ws = lspWorkspace();
    const { text, offset } = cursor(source);
    const [document] = await ws.open(text, ...others);
    const hover = await ws.services.lsp.HoverProvider!.getHoverContent(document, { ...params(document), position: position(document, offset) }) as Hover | undefined;
    return (hover?.contents as MarkupContent | undefined)?.value ?? '';
}

const SMALL = `cycle c "x"
  goal "g"
  role clerk "Clerk"
  moment first "First"
    by clerk
  moment second "Second"
`;

describe('completion', () => {
    it('offers the ten quality components after `quality `', async () => {
        const labels = await completionAt(SMALL.replace('    by clerk\n', '    by clerk\n    quality <|>\n'));
        expect(labels).toEqual(expect.arrayContaining(['security', 'credibility', 'communication', 'understanding', 'accessibility', 'courtesy', 'professionalism', 'responsiveness', 'reliability', 'tangibles']));
        expect(labels).toHaveLength(10);
    });

    it('offers the channels after `channel `', async () => {
        const labels = await completionAt(SMALL.replace('    by clerk\n', '    channel <|>\n'));
        expect(labels).toEqual(['in-person', 'phone', 'correspondence', 'web', 'app', 'chat', 'facility', 'product', 'none']);
    });

    it('offers what a moment holds on a line indented under a moment', async () => {
        const labels = await completionAt(SMALL.replace('    by clerk\n', '    by clerk\n    <|>\n'));
        expect(labels).toEqual(expect.arrayContaining(['channel', 'feels', 'quality', 'critical', 'wait']));
        expect(labels).not.toContain('moment');
        expect(labels).not.toContain('cycle');
    });

    it('reads lone \\r line ends as line ends', async () => {
        const labels = await completionAt(SMALL.replace('    by clerk\n', '    by clerk\n    <|>\n').replace(/\n/g, '\r'));
        expect(labels).toEqual(expect.arrayContaining(['channel', 'feels', 'quality', 'critical', 'wait']));
    });

    it('offers what a cycle holds on a line at the cycle\'s block level', async () => {
        const labels = await completionAt(SMALL.replace('    by clerk\n', '    by clerk\n  <|>\n'));
        expect(labels).toEqual(expect.arrayContaining(['moment', 'requirement', 'survey', 'goal', 'role']));
        expect(labels).not.toContain('feels');
    });

    it('offers top-level lines at column 0', async () => {
        const labels = await completionAt(SMALL + '<|>');
        expect(labels).toEqual(expect.arrayContaining(['cycle', 'role']));
        expect(labels).not.toContain('feels');
    });

    it('offers the roles visible from `by `, including top-level roles of other files, and no moments', async () => {
        const labels = await completionAt(SMALL.replace('    by clerk\n', '    by <|>\n'), 'role auditor "Auditor"\n');
        expect(labels).toEqual(expect.arrayContaining(['clerk', 'auditor']));
        expect(labels).not.toContain('first');
    });

    it('offers the moments of the cycle after `about `', async () => {
        const labels = await completionAt(SMALL + '  survey s "S"\n    question q "Q?"\n      about <|>\n');
        expect(labels).toEqual(expect.arrayContaining(['first', 'second']));
        expect(labels).not.toContain('clerk');
    });

    it('offers the enumeration values after `stage ` and `severity `', async () => {
        expect(await completionAt(SMALL.replace('  goal "g"\n', '  goal "g"\n  stage <|>\n'))).toEqual(expect.arrayContaining(['introduction', 'growth', 'maturity', 'decline']));
    });

    it('offers no fact-starting keyword past the first fact of a line (one fact per line)', async () => {
        const starters = ['cycle', 'customer', 'goal', 'stage', 'role', 'moment', 'by', 'channel', 'feels', 'quality', 'wait', 'critical',
            'risk', 'prevent', 'recover', 'owner', 'requirement', 'about', 'answer', 'question', 'survey', 'priorities', 'achieves'];
        const noStarter = (labels: string[]) => expect(labels.filter(l => starters.includes(l))).toEqual([]);
        noStarter(await completionAt(SMALL.replace('  goal "g"\n', '  goal "g" <|>\n')));
        noStarter(await completionAt(SMALL.replace('  moment second "Second"\n', '  moment second "Second" <|>\n')));
        noStarter(await completionAt(SMALL.replace('    by clerk\n', '    by clerk\n    feels 3 <|>\n')));
        noStarter(await completionAt(SMALL.replace('    by clerk\n', '    by clerk\n    achieves goal <|>\n')));
        noStarter(await completionAt(SMALL.replace('    by clerk\n', '    by clerk\n    critical <|>\n')));
        noStarter(await completionAt(SMALL.replace('    by clerk\n', '    by clerk\n    critical\n      risk "r" <|>\n')));
        noStarter(await completionAt(SMALL + '  priorities <|>\n'));
        noStarter(await completionAt(SMALL + '  survey s "S"\n    question q "Q?"\n      answer scale 1..5 <|>\n'));
        noStarter(await completionAt(SMALL + '  survey s "S"\n    question q "Q?"\n      answer number <|>\n'));
        // `role r ` can still take its label; nothing else.
        expect(await completionAt(SMALL.replace('  role clerk "Clerk"\n', '  role clerk "Clerk"\n  role r <|>\n'))).toEqual(['"label"']);
        // What may still follow is offered: a unit, `goal` after `achieves`; a partial first word still completes.
        expect(await completionAt(SMALL.replace('    by clerk\n', '    by clerk\n    wait target 5 <|>\n'))).toEqual(['sec', 'secs', 'second', 'seconds', 'min', 'mins', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks']);
        expect(await completionAt(SMALL.replace('    by clerk\n', '    by clerk\n    achieves <|>\n'))).toEqual(['goal']);
        expect(await completionAt(SMALL.replace('    by clerk\n', '    by clerk\n    fe<|>\n'))).toContain('feels');
    });
});

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

describe('navigation', () => {
    it('goes to the definition of a top-level role in another file', async () => {
        const ws = lspWorkspace();
        const { text, offset } = cursor(SMALL.replace('    by clerk\n', '    by audi<|>tor\n'));
        const [document, team] = await ws.open(text, '# team\nrole auditor "Auditor"\n');
        const links = await ws.services.lsp.DefinitionProvider!.getDefinition(document, { ...params(document), position: position(document, offset) });
        expect(links?.[0].targetUri).toBe(team.uri.toString());
        expect(links?.[0].targetSelectionRange.start).toEqual({ line: 1, character: 5 });
    });

    it('finds every reference to a role, across files', async () => {
        const ws = lspWorkspace();
        const [team, a, b] = await ws.open('role auditor "Auditor"\n', SMALL.replace('    by clerk\n', '    by auditor\n'), SMALL.replace('by clerk', 'by auditor').replace('cycle c', 'cycle d'));
        const refs = await ws.services.lsp.ReferencesProvider!.findReferences(team, { ...params(team), position: { line: 0, character: 6 }, context: { includeDeclaration: false } }) as Location[];
        expect(new Set(refs.map(r => r.uri))).toEqual(new Set([a.uri.toString(), b.uri.toString()]));
    });

    it('renames a role everywhere, across files', async () => {
        const ws = lspWorkspace();
        const [team, a] = await ws.open('role auditor "Auditor"\n', SMALL.replace('    by clerk\n', '    by auditor\n'));
        const edit = await ws.services.lsp.RenameProvider!.rename(team, { ...params(team), position: { line: 0, character: 6 }, newName: 'inspector' });
        expect(edit?.changes?.[team.uri.toString()]?.map(e => e.newText)).toEqual(['inspector']);
        expect(edit?.changes?.[a.uri.toString()]?.map(e => e.newText)).toEqual(['inspector']);
    });

    it('renames a moment and its references within the cycle', async () => {
        const ws = lspWorkspace();
        const [document] = await ws.open(bank);
        const line = bank.split('\n').findIndex(l => l.startsWith('  moment wait-turn'));
        const edit = await ws.services.lsp.RenameProvider!.rename(document, { ...params(document), position: { line, character: 10 }, newName: 'wait-in-line' }); // (`queue` is an area's id)
        expect(edit?.changes?.[document.uri.toString()]).toHaveLength(4); // its declaration, `for`, `covers` and `about`
    });

    it('refuses a new name that is not an id, or that collides or would be captured', async () => {
        const ws = lspWorkspace();
        const team = 'role shift-manager "Shift manager"\nrole auditor "Auditor"\n';
        const cycle = 'cycle c "x"\n  role waiter "Waiter"\n  role clerk "Clerk"\n  moment first "First"\n    by shift-manager\n  moment second "Second"\n    by auditor\n';
        const [top, doc] = await ws.open(team, cycle);
        const rename = (document: typeof top, line: number, character: number, newName: string) =>
            ws.services.lsp.RenameProvider!.rename(document, { ...params(document), position: { line, character }, newName });
        await expect(rename(top, 0, 6, '1 bad name')).rejects.toThrow(/not a valid id/);
        await expect(rename(top, 0, 6, 'has space')).rejects.toThrow(/not a valid id/);
        await expect(rename(top, 0, 6, 'auditor')).rejects.toThrow(/already has a role `auditor`/);
        await expect(rename(top, 0, 6, 'waiter')).rejects.toThrow(/declares its own role `waiter`/);
        await expect(rename(doc, 3, 10, 'second')).rejects.toThrow(/already `second`/);
        await expect(rename(doc, 2, 8, 'auditor')).rejects.toThrow(/top-level role `auditor`/);
        // A fine new name, Unicode included, still renames.
        const edit = await rename(top, 0, 6, 'gérant_de-service2');
        expect(edit?.changes?.[doc.uri.toString()]?.map(e => e.newText)).toEqual(['gérant_de-service2']);
    });

    it('highlights every occurrence of an id in the document', async () => {
        const ws = lspWorkspace();
        const [document] = await ws.open(bank);
        const line = bank.split('\n').findIndex(l => l.startsWith('  moment receive-cash'));
        const highlights = await ws.services.lsp.DocumentHighlightProvider!.getDocumentHighlight(document, { ...params(document), position: { line, character: 10 } });
        expect(highlights?.length).toBe(4);
    });
});

describe('outline and symbols', () => {
    it('shows cycle → phases → moments, with critical moments marked', async () => {
        const ws = lspWorkspace();
        const [document] = await ws.open(bank);
        const symbols = await ws.services.lsp.DocumentSymbolProvider!.getSymbols(document, params(document)) as DocumentSymbol[];
        expect(symbols.map(s => s.name)).toEqual(['branch-manager', 'bank-check-cashing']);
        const cycle = symbols[1];
        const phases = cycle.children!.filter(c => c.kind === 3 /* Namespace */);
        expect(phases.map(p => [p.name, p.children!.length])).toEqual([['Getting there', 2], ['In the branch', 5], ['At the window', 6], ['Going home', 2]]);
        const told = phases[1].children!.find(m => m.name === 'told-take-number')!;
        expect(told.detail).toMatch(/critical, unmitigated/);
        const wait = phases[1].children!.find(m => m.name === 'wait-turn')!;
        expect(wait.detail).toMatch(/^7\. critical — /);
    });

    it('finds moments, cycles and roles of every file by name', async () => {
        const ws = lspWorkspace();
        await ws.open(bank, SMALL);
        const symbols = await ws.services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'cash' });
        expect(symbols.map(s => s.name)).toEqual(expect.arrayContaining(['bank-check-cashing', 'receive-cash', 'check-cash']));
    });

    it('folds blocks: a moment with its lines, a cycle with its moments', async () => {
        const ws = lspWorkspace();
        const [document] = await ws.open(bank);
        const folds = await ws.services.lsp.FoldingRangeProvider!.getFoldingRanges(document, params(document));
        const lines = bank.split('\n');
        const cycleLine = lines.findIndex(l => l.startsWith('cycle '));
        const criticalMoment = lines.findIndex(l => l.startsWith('  moment receive-cash'));
        expect(folds.some(f => f.startLine === cycleLine && f.endLine >= lines.length - 3)).toBe(true);
        expect(folds.some(f => f.startLine === criticalMoment)).toBe(true);
    });

    it("shows each moment's step as an inlay hint", async () => {
        const ws = lspWorkspace();
        const [document] = await ws.open(bank);
        const hints = await ws.services.lsp.InlayHintProvider!.getInlayHints(document, { ...params(document), range: { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } } });
        expect(hints?.map(h => h.label)).toEqual(Array.from({ length: 15 }, (_, i) => `${i + 1}/15`));
        const told = bank.split('\n').findIndex(l => l.startsWith('  moment told-take-number'));
        expect(hints?.[5].position).toEqual({ line: told, character: 9 });
    });

    it('puts a code lens with the counts over each cycle', async () => {
        const ws = lspWorkspace();
        const [document] = await ws.open(bank);
        const lenses = await ws.services.lsp.CodeLensProvider!.provideCodeLens(document, params(document));
        expect(lenses?.map(l => l.command?.title)).toEqual(['15 moments · 3 critical · 1 unmitigated']);
        expect(lenses?.[0].range.start.line).toBe(bank.split('\n').findIndex(l => l.startsWith('cycle ')));
    });
});

describe('semantic tokens', () => {
    it('mark critical moments, and unmitigated ones, with their own modifiers', async () => {
        const ws = lspWorkspace();
        const [document] = await ws.open(bank);
        const provider = ws.services.lsp.SemanticTokenProvider!;
        const tokens = await provider.semanticHighlight(document, params(document));
        const decoded = SemanticTokensDecoder.decode(tokens, provider.tokenTypes, document);
        const modifiers = provider.tokenModifiers;
        const byText = (text: string) => decoded.filter(t => document.textDocument.getText({ start: document.textDocument.positionAt(t.offset), end: document.textDocument.positionAt(t.offset + t.text.length) }) === text);
        const has = (token: { tokenModifiers: number }, name: string) => (token.tokenModifiers & modifiers[name]) !== 0;
        const told = byText('told-take-number');
        expect(told.length).toBeGreaterThanOrEqual(2); // the declaration and its references
        expect(told.every(t => has(t, 'critical') && has(t, 'unmitigated'))).toBe(true);
        const cash = byText('receive-cash');
        expect(cash.every(t => has(t, 'critical') && !has(t, 'unmitigated'))).toBe(true);
        const enter = byText('enter');
        expect(enter.every(t => !has(t, 'critical'))).toBe(true);
        expect(Object.keys(modifiers)).toEqual(expect.arrayContaining(['critical', 'unmitigated']));
    });
});

describe('formatting', () => {
    const messy = [
        '# a team',
        'role   manager    "Manager"',
        '',
        '',
        '',
        'cycle  c "x"   ',
        '    goal "g"',
        '    # the first moment',
        '    moment m1   "First"  # trailing comment',
        '          feels   4',
        '          critical',
        '              risk "r"',
        '    survey s "S"',
        '      question q "Q?"',
        '         answer   scale 1 .. 5   "lo"  "hi"',
        ''
    ].join('\n');
    const canonical = [
        '# a team',
        'role manager "Manager"',
        '',
        'cycle c "x"',
        '  goal "g"',
        '  # the first moment',
        '  moment m1 "First" # trailing comment',
        '    feels 4',
        '    critical',
        '      risk "r"',
        '  survey s "S"',
        '    question q "Q?"',
        '      answer scale 1..5 "lo" "hi"',
        ''
    ].join('\n');

    async function format(text: string): Promise<string> {
        const ws = lspWorkspace();
        const [document] = await ws.open(text);
        const edits = await ws.services.lsp.Formatter!.formatDocument(document, { ...params(document), options: { tabSize: 2, insertSpaces: true } });
        return applyAction(document, { title: 'format', edit: { changes: { [document.textDocument.uri]: edits } } });
    }

    it('gives canonical two-space indentation, single spaces, comments and blank-line groups kept', async () => {
        expect(await format(messy)).toBe(canonical);
    });

    it('is idempotent', async () => {
        expect(await format(canonical)).toBe(canonical);
        expect(await format(bank)).toBe(bank);
    });

    it('leaves a file with syntax errors untouched', async () => {
        const broken = messy.replace('feels   4', 'feels   four');
        expect(await format(broken)).toBe(broken);
    });
});

describe('quick fixes', () => {
    async function fix(text: string, code: string, title: RegExp, ...others: string[]): Promise<{ after: string; codesAfter: string[] }> {
        const ws = lspWorkspace();
        const [document] = await ws.open(text, ...others);
        const [found] = await fixesFor(ws.services, document, code);
        expect(found, `a ${code} diagnostic`).toBeDefined();
        const action = found.actions.find(a => title.test(a.title));
        expect(action, `a fix titled ${title} among ${found.actions.map(a => a.title).join(', ')}`).toBeDefined();
        const after = applyAction(document, action!);
        const again = lspWorkspace();
        const [fixed] = await again.open(after, ...others);
        return { after, codesAfter: (fixed.diagnostics ?? []).map(d => String(d.code)) };
    }

    it('an unresolved reference offers the nearest visible name first, then creating the role', async () => {
        const { after, codesAfter } = await fix(SMALL.replace('    by clerk\n', '    by clrek\n'), 'unresolved-reference', /^Change to `clerk`$/);
        expect(after).toContain('    by clerk\n');
        expect(codesAfter).not.toContain('unresolved-reference');
        const ws = lspWorkspace();
        const [document] = await ws.open(SMALL.replace('    by clerk\n', '    by clrek\n'));
        const [found] = await fixesFor(ws.services, document, 'unresolved-reference');
        expect(found.actions.map(a => [a.title, Boolean(a.isPreferred)])).toEqual([['Change to `clerk`', true], ['Create role `clrek` in cycle `c`', false], ['Create role `clrek` at the top level (visible in every file)', false]]);
    });

    it('"Add a prevent mitigation" inserts indented lines with an owner, and the warning goes', async () => {
        const { after, codesAfter } = await fix(bank, 'critical-unmitigated', /^Add a prevent mitigation$/);
        expect(after).toContain([
            '      risk "The employee answers as if it were obvious what to do"',
            '      prevent "Say how this incident is prevented"',
            '        owner greeter',
            '  moment wait-turn'
        ].join('\n'));
        expect(codesAfter).not.toContain('critical-unmitigated');
        expect(codesAfter).not.toContain('syntax-error');
    });

    it('"Add prevent and recover mitigations" inserts both', async () => {
        const { after, codesAfter } = await fix(bank, 'critical-unmitigated', /prevent and recover/);
        expect(after).toMatch(/      prevent "[^"]+"\n        owner greeter\n      recover "[^"]+"\n        owner greeter\n  moment wait-turn/);
        expect(codesAfter).not.toContain('critical-unmitigated');
        expect(codesAfter).not.toContain('critical-without-recovery');
    });

    it('follows the file\'s own indentation step', async () => {
        const fourSpaces = 'cycle c "x"\n    goal "g"\n    moment m "M"\n        critical\n            risk "r"\n';
        const { after } = await fix(fourSpaces, 'critical-unmitigated', /^Add a prevent mitigation$/);
        expect(after).toContain('            risk "r"\n            prevent "Say how this incident is prevented"\n                owner owner-to-name');
    });

    it('gives a new mitigation or owner a role that exists: the moment\'s `by`, a role of the cycle, else a top-level role', async () => {
        const bare = 'cycle c "x"\n  goal "g"\n  moment m "M"\n    critical\n      risk "r"\n';
        const team = 'role auditor "Auditor"\n';
        for (const title of [/^Add a prevent mitigation$/, /prevent and recover/]) {
            const { after, codesAfter } = await fix(bare, 'critical-unmitigated', title, team);
            expect(after).toContain('      prevent "Say how this incident is prevented"\n        owner auditor');
            expect(codesAfter).not.toContain('unresolved-reference');
        }
        const sameFile = await fix('role host "Host"\n\n' + bare, 'critical-unmitigated', /^Add a prevent mitigation$/, team);
        expect(sameFile.after).toContain('        owner host');
        const withRole = await fix(bare.replace('  goal "g"\n', '  goal "g"\n  role clerk "Clerk"\n'), 'critical-unmitigated', /^Add a prevent mitigation$/, team);
        expect(withRole.after).toContain('        owner clerk');
        const withBy = await fix(bare.replace('    critical\n', '    by auditor\n    critical\n').replace('  goal "g"\n', '  goal "g"\n  role clerk "Clerk"\n'), 'critical-unmitigated', /^Add a prevent mitigation$/, team);
        expect(withBy.after).toContain('        owner auditor');
        const ownerless = await fix(bare + '      prevent "p"\n', 'mitigation-without-owner', /Add an owner/, team);
        expect(ownerless.after).toContain('      prevent "p"\n        owner auditor\n');
        expect(ownerless.codesAfter).not.toContain('unresolved-reference');
        expect(ownerless.codesAfter).not.toContain('mitigation-without-owner');
    });

    it('corrects a quality and a channel to the nearest name', async () => {
        const quality = await fix(SMALL.replace('    by clerk\n', '    by clerk\n    quality curtesy\n'), 'unknown-quality', /courtesy/);
        expect(quality.after).toContain('    quality courtesy\n');
        expect(quality.codesAfter).not.toContain('unknown-quality');
        const channel = await fix(SMALL.replace('    by clerk\n', '    by clerk\n    channel phnoe\n'), 'unknown-channel', /phone/);
        expect(channel.after).toContain('    channel phone\n');
    });

    it('offers each close name as its own fix, the one that sounds alike first and preferred', async () => {
        const ws = lspWorkspace();
        const [document] = await ws.open(SMALL.replace('    by clerk\n', '    by clerk\n    channel fone\n'));
        const [found] = await fixesFor(ws.services, document, 'unknown-channel');
        expect(found.actions.map(a => [a.title, a.isPreferred])).toEqual([['Change to `phone`', true], ['Change to `none`', false]]);
    });

    it('corrects a misspelt code in an ignore comment', async () => {
        const ws = lspWorkspace();
        const [document] = await ws.open(SMALL.replace('  moment ', '  # ignore: critical-without-recovry\n  moment '));
        const [found] = await fixesFor(ws.services, document, 'unknown-ignore-code');
        expect(String(found.diagnostic.message)).toMatch(/silences nothing: did you mean `critical-without-recovery`/);
        expect(found.actions.map(a => [a.title, a.isPreferred])[0]).toEqual(['Change to `critical-without-recovery`', true]);
    });

    it('offers no wait limit, and does not fail, while the target is half typed', async () => {
        const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        try {
            const ws = lspWorkspace();
            const [document] = await ws.open(SMALL.replace('    by clerk\n', '    by clerk\n    wait target 5\n'));
            const found = await fixesFor(ws.services, document, 'wait-without-limit');
            expect(found.flatMap(f => f.actions)).toEqual([]);
            expect(errors).not.toHaveBeenCalled();
        } finally {
            errors.mockRestore();
        }
    });

    it('creates a missing role in the cycle or at the top level', async () => {
        const text = SMALL.replace('    by clerk\n', '    by cashier\n');
        const inCycle = await fix(text, 'unresolved-reference', /in cycle/);
        expect(inCycle.after).toContain('  role clerk "Clerk"\n  role cashier "Cashier"\n');
        expect(inCycle.codesAfter).not.toContain('unresolved-reference');
        const topLevel = await fix(text, 'unresolved-reference', /top level/);
        expect(topLevel.after.startsWith('role cashier "Cashier"\n\ncycle c')).toBe(true);
        expect(topLevel.codesAfter).not.toContain('unresolved-reference');
    });

    it('adds `achieves goal`, an area to priorities, a wait limit', async () => {
        const goal = await fix(SMALL, 'goal-never-achieved', /achieving the goal/);
        expect(goal.after).toContain('  moment second "Second"\n    achieves goal\n');
        expect(goal.codesAfter).not.toContain('goal-never-achieved');

        const areas = SMALL + '  area a1 "A1"\n    because importance\n  area a2 "A2"\n    because importance\n  priorities\n    - a1\n';
        const ranked = await fix(areas, 'area-not-prioritized', /Rank `a2`/);
        expect(ranked.after).toContain('  priorities\n    - a1\n    - a2\n');
        expect(ranked.codesAfter).not.toContain('area-not-prioritized');
        const noBlock = await fix(SMALL + '  area a1 "A1"\n    because importance\n', 'area-not-prioritized', /Add priorities/);
        expect(noBlock.after).toContain('  area a1 "A1"\n    because importance\n  priorities\n    - a1\n');

        const waits = await fix(SMALL.replace('    by clerk\n', '    by clerk\n    wait target 10 min\n'), 'wait-without-limit', /wait limit/);
        expect(waits.after).toContain('    wait target 10 min\n    wait limit 20 min\n');
        expect(waits.codesAfter).not.toContain('wait-without-limit');
        const hours = await fix(SMALL.replace('    by clerk\n', '    by clerk\n    wait target 1 hour\n'), 'wait-without-limit', /wait limit/);
        expect(hours.after).toContain('    wait target 1 hour\n    wait limit 2 hours\n');
        const days = await fix(SMALL.replace('    by clerk\n', '    by clerk\n    wait target 3 days\n'), 'wait-without-limit', /wait limit \(6 days/);
        expect(days.after).toContain('    wait limit 6 days\n');
        // Whole words follow the number; abbreviations stay as written.
        const minute = await fix(SMALL.replace('    by clerk\n', '    by clerk\n    wait target 1 minute\n'), 'wait-without-limit', /wait limit/);
        expect(minute.after).toContain('    wait target 1 minute\n    wait limit 2 minutes\n');
        const second = await fix(SMALL.replace('    by clerk\n', '    by clerk\n    wait target 1 second\n'), 'wait-without-limit', /wait limit/);
        expect(second.after).toContain('    wait limit 2 seconds\n');
        const secs = await fix(SMALL.replace('    by clerk\n', '    by clerk\n    wait target 30 secs\n'), 'wait-without-limit', /wait limit/);
        expect(secs.after).toContain('    wait limit 60 secs\n');
    });
});

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

describe('folding and range formatting in an indentation language', () => {
    async function foldsOf(text: string): Promise<FoldingRange[]> {
        const ws = lspWorkspace();
        const [document] = await ws.open(text);
        return await ws.services.lsp.FoldingRangeProvider!.getFoldingRanges(document, params(document));
    }
    const lineOf = (text: string, start: string) => text.split('\n').findIndex(l => l.startsWith(start));
    const fold = (folds: FoldingRange[], startLine: number) => folds.filter(f => f.startLine === startLine).map(f => [f.startLine, f.endLine, f.kind]);

    it('folds a block of two lines: a moment with one line, a question with one answer', async () => {
        const folds = await foldsOf(bank);
        const decide = lineOf(bank, '  moment decide');
        expect(fold(folds, decide)).toEqual([[decide, decide + 1, undefined]]);
        const text = 'cycle c "x"\n  survey s "S"\n    question q "How long did you wait?"\n      answer number "minutes"\n';
        expect(fold(await foldsOf(text), 2)).toEqual([[2, 3, undefined]]);
        // A mitigation with its owner, a critical block with its lines.
        const prevent = lineOf(bank, '      prevent "Open a floating');
        expect(fold(folds, prevent)).toEqual([[prevent, prevent + 1, undefined]]);
    });

    it('ends a block at its last line with content: not at blank lines or the comments of what follows', async () => {
        const text = [
            'cycle c "x"',              // 0
            '  moment a "A"',           // 1
            '    channel none',         // 2
            '',                         // 3
            '    # about b',            // 4
            '  moment b "B"',           // 5
            '  moment c "C"',           // 6
            ''
        ].join('\n');
        const folds = await foldsOf(text);
        expect(fold(folds, 1)).toEqual([[1, 2, undefined]]);
        expect(fold(folds, 0)).toEqual([[0, 6, undefined]]);
        expect(fold(folds, 5)).toEqual([]); // a moment without lines under it
        expect(fold(folds, 4)).toEqual([]); // a single comment line
    });

    it('folds phases, up to the last moment before the next phase or the end of the moments', async () => {
        const folds = await foldsOf(bank);
        const lines = bank.split('\n');
        const phase = (label: string) => lineOf(bank, `  phase "${label}"`);
        expect(fold(folds, phase('Getting there'))).toEqual([[phase('Getting there'), lineOf(bank, '  moment ride-in') + 1, undefined]]);
        expect(fold(folds, phase('In the branch'))).toEqual([[phase('In the branch'), phase('At the window') - 2, undefined]]);
        // The last phase ends with the last moment, not with the requirements after it.
        const rideHome = lineOf(bank, '  moment ride-home');
        expect(lines[rideHome + 1]).toMatch(/^ {4}channel/);
        expect(fold(folds, phase('Going home'))).toEqual([[phase('Going home'), rideHome + 1, undefined]]);
    });

    it('folds runs of two or more comment lines as comments', async () => {
        const text = '# one\n#   two\n  # three\ncycle c "x"\n  # alone\n  goal "g"\n\n# a\n# b\n';
        const comments = (await foldsOf(text)).filter(f => f.kind === 'comment').map(f => [f.startLine, f.endLine]);
        expect(comments).toEqual([[0, 2], [7, 8]]);
        // With CRLF line ends and at the end of a text without a final line end.
        const crlf = (await foldsOf('cycle c "x"\r\n  goal "g"\r\n# a\r\n# b')).filter(f => f.kind === 'comment').map(f => [f.startLine, f.endLine]);
        expect(crlf).toEqual([[2, 3]]);
    });

    it('folds every two-line moment of a document of 10,000 moments', async () => {
        const lines = ['cycle big "Big"', '  goal "g"'];
        for (let i = 0; i < 10_000; i++) lines.push(i % 100 === 0 ? `  phase "p${i}"` : '  # note', `  moment m${i} "M ${i}"`, '    channel none');
        const ws = lspWorkspace();
        const [document] = await ws.open(lines.join('\n') + '\n');
        const folds = await ws.services.lsp.FoldingRangeProvider!.getFoldingRanges(document, params(document));
        expect(folds.filter(f => f.endLine === f.startLine + 1).length).toBe(10_000);
    });

    const messy = [
        '# a team',                                         // 0
        'role   manager    "Manager"',                      // 1
        '',                                                 // 2
        '  ',                                               // 3
        '',                                                 // 4
        'cycle  c "x"   ',                                  // 5
        '    goal "g"',                                     // 6
        '    # the first moment',                           // 7
        '    moment m1   "First"  # trailing comment',      // 8
        '          feels   4',                              // 9
        '          critical',                               // 10
        '              risk "r"',                           // 11
        '    survey s "S"',                                 // 12
        '      question q "Q?"',                            // 13
        '         answer   scale 1 .. 5   "lo"  "hi"'       // 14 (no final line end)
    ].join('\n');

    async function formatRange(text: string, range: Range): Promise<{ edits: TextEdit[]; after: string; canonical: string }> {
        const ws = lspWorkspace();
        const [document] = await ws.open(text);
        const options = { tabSize: 2, insertSpaces: true };
        const edits = await ws.services.lsp.Formatter!.formatDocumentRange(document, { ...params(document), range, options });
        const whole = await ws.services.lsp.Formatter!.formatDocument(document, { ...params(document), options });
        const apply = (e: TextEdit[]) => applyAction(document, { title: 'format', edit: { changes: { [document.textDocument.uri]: e } } });
        return { edits, after: apply(edits), canonical: apply(whole) };
    }
    const lines = (from: number, to: number): Range => ({ start: { line: from, character: 0 }, end: { line: to, character: 3 } });

    it('formats the lines of the top-level elements the range touches, and no others', async () => {
        const { edits, after, canonical } = await formatRange(messy, lines(8, 11));
        // Lines 8 to 11 are inside the cycle of lines 5 to 14: the whole cycle, and only it.
        expect(edits.every(e => e.range.start.line >= 5 && e.range.end.line <= 14)).toBe(true);
        const got = after.split('\n');
        const want = canonical.split('\n');
        expect(got.slice(0, 5)).toEqual(messy.split('\n').slice(0, 5));
        expect(got.slice(5)).toEqual(want.slice(3)); // canonical has two blank lines fewer above
        // A range that ends at the start of a line does not reach into that line.
        const role = await formatRange(messy, { start: { line: 1, character: 4 }, end: { line: 5, character: 0 } });
        const afterRole = role.after.split('\n');
        expect(afterRole[1]).toBe('role manager "Manager"');
        expect(afterRole.slice(afterRole.indexOf('cycle  c "x"   '))).toEqual(messy.split('\n').slice(5));
    });

    it('never re-indents a line without its siblings, so the result always parses', async () => {
        // Four-space blocks: formatting line 2 alone would put it at two spaces beside four.
        const fourSpaces = 'cycle c "C"\n    goal "G"\n    moment a "A"\n        channel phone\n    moment b "B"\n';
        const one = await formatRange(fourSpaces, lines(2, 2));
        expect(one.after).toBe('cycle c "C"\n  goal "G"\n  moment a "A"\n    channel phone\n  moment b "B"\n');
        // A file whose top level is itself indented: the selection cannot be formatted
        // alone, so the whole file is.
        const indented = '  role r "R"\n  cycle c "C"\n    goal "G"\n';
        const whole = await formatRange(indented, lines(0, 0));
        expect(whole.after).toBe(whole.canonical);
        const ws = lspWorkspace();
        const [document] = await ws.open(whole.after);
        expect(document.parseResult.parserErrors).toEqual([]);
    });

    it('collapses a blank-line group only as far as the range reaches', async () => {
        // All of the group in the range: one blank line stays.
        const full = await formatRange(messy, lines(1, 4));
        expect(full.after.split('\n').slice(0, 4)).toEqual(['# a team', 'role manager "Manager"', '', 'cycle  c "x"   ']);
        // Part of it: the blank line outside stays as it is, the ones inside go.
        const part = await formatRange(messy, lines(3, 4));
        expect(part.after.split('\n').slice(0, 4)).toEqual(['# a team', 'role   manager    "Manager"', '', 'cycle  c "x"   ']);
        expect(part.edits.every(e => e.range.start.line >= 3 && e.range.end.line <= 5)).toBe(true);
    });

    it('gives the whole canonical text for a range over the whole document, with its BOM and line ends', async () => {
        const all = { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } };
        const plain = await formatRange(messy, all);
        expect(plain.after).toBe(plain.canonical);
        expect(plain.after.endsWith('"lo" "hi"\n')).toBe(true);
        const bom = await formatRange('\uFEFF\n\n' + messy + '\n\n\n', all);
        expect(bom.after).toBe(bom.canonical);
        expect(bom.after.startsWith('\uFEFF# a team\n')).toBe(true);
        const crlf = await formatRange(messy.replace(/\n/g, '\r\n') + '\r\n  \r\n', all);
        expect(crlf.after).toBe(crlf.canonical);
        expect(await formatRange(bank, all)).toMatchObject({ edits: [] });
    });

    it('leaves a file with syntax errors untouched, whatever the range', async () => {
        const broken = messy.replace('feels   4', 'feels   four');
        expect((await formatRange(broken, lines(0, 20))).edits).toEqual([]);
        expect((await formatRange(broken, lines(8, 9))).edits).toEqual([]);
    });
});
