import { readFileSync } from 'node:fs';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { diffFiles, type Change } from '../../src/diff/diff-cycles.js';
import { diagnosticChanges, renamesOf } from '../../src/diff/file-diff.js';
import { formatDiffMarkdown, formatDiffText } from '../../src/diff/format-diff.js';
import { longestCommonSubsequence } from '../../src/diff/lcs.js';
import { riskChanges } from '../../src/diff/risk-changes.js';
import { PLAIN_DIFF_COLORS } from '../../src/cli/diff-command.js';
import { createCycleCoreServices } from '../../src/model/services.js';
import type { Document } from '../../src/language/generated/ast.js';
import { buildFileModel } from '../../src/model/build-model.js';
import type { FileModel } from '../../src/model/cycle-model.js';
import { mergeForVisualDiff, renderVisualDiffSvg } from '../../src/diagram/diff-overlay.js';

const services = createCycleCoreServices(EmptyFileSystem).Cycle;
let counter = 0;
function model(text: string): FileModel {
    const document = services.shared.workspace.LangiumDocumentFactory.fromString<Document>(text, URI.file(`/diff/${++counter}.cycle`));
    return buildFileModel(document.parseResult.value, document.uri.toString());
}

const BASE = `role auditor "Auditor"

cycle c "A cycle"
  goal "Get it"
  stage growth
  role clerk "Clerk"
  phase "One"
  moment a "Arrives"
    by clerk
    wait target 5 min
    wait limit 10 min
  moment b "Is served"
    feels 3
    critical
      severity medium
      risk "Served cold"
      prevent "Warm plates"
        owner clerk
      recover "Replace the dish"
        owner clerk
  moment d "Pays"
  moment e "Leaves"
  requirement r1 "Hot food"
    for b
  action a1 "Buy warmers"
    meets r1
    owner clerk
  area ar1 "Kitchen"
    because importance
  area ar2 "Till"
    because deterioration
  priorities
    - ar1
    - ar2
  survey s "Card"
    question q1 "Was it hot?"
      about b
      answer yes-no
`;

function changes(after: string, before = BASE): Change[] {
    return diffFiles(model(before), model(after));
}

function edit(from: string, to: string): string {
    if (!BASE.includes(from)) throw new Error(`test setup: ${from} not in BASE`);
    return BASE.replace(from, to);
}

describe('the semantic diff', () => {
    it('finds nothing when nothing changed, whatever the formatting', () => {
        expect(changes(BASE.replace('  goal "Get it"', '  goal   "Get it"  # same'))).toEqual([]);
    });

    it('added moment', () => {
        expect(changes(edit('  moment d "Pays"', '  moment c2 "Orders"\n  moment d "Pays"'))).toEqual([
            { change: 'added', kind: 'moment', cycle: 'c', id: 'c2', moment: 'c2', before: null, after: expect.objectContaining({ label: 'Orders', position: 3, critical: null }) }
        ]);
    });

    it('removed moment', () => {
        expect(changes(edit('  moment d "Pays"\n', ''))).toEqual([
            { change: 'removed', kind: 'moment', cycle: 'c', id: 'd', moment: 'd', before: expect.objectContaining({ label: 'Pays', position: 3 }), after: null }
        ]);
    });

    it('renamed moment: its id vanished while one with the same label appeared', () => {
        expect(changes(edit('  moment e "Leaves"', '  moment leave "Leaves"'))).toEqual([
            { change: 'changed', kind: 'moment', cycle: 'c', id: 'leave', moment: 'leave', before: { id: 'e' }, after: { id: 'leave' } }
        ]);
    });

    it('renamed moment with an edited label: same place, similar label; an unrelated one is remove + add', () => {
        expect(changes(edit('  moment e "Leaves"', '  moment leave "Leaves happy"'))).toEqual([
            { change: 'changed', kind: 'moment', cycle: 'c', id: 'leave', moment: 'leave', before: { id: 'e', label: 'Leaves' }, after: { id: 'leave', label: 'Leaves happy' } }
        ]);
        expect(changes(edit('  moment e "Leaves"', '  moment tip "Tips the waiter"')).map(c => `${c.change} ${c.id}`)).toEqual(['removed e', 'added tip']);
        // Not in the same place: not guessed.
        expect(changes(edit('  moment d "Pays"\n  moment e "Leaves"', '  moment leave "Leaves happy"\n  moment d "Pays"')).map(c => `${c.change} ${c.id}`)).toEqual(['removed e', 'added leave']);
    });

    it('moved moments: the fewest moves, and an insertion moves nothing', () => {
        expect(changes(edit('  moment d "Pays"\n  moment e "Leaves"\n', '  moment e "Leaves"\n  moment d "Pays"\n'))).toEqual([
            { change: 'moved', kind: 'moment', cycle: 'c', id: 'e', moment: 'e', before: { position: 4 }, after: { position: 3 } }
        ]);
        const inserted = changes(edit('  moment a "Arrives"', '  moment first "Decides to go"\n  moment a "Arrives"'));
        expect(inserted.map(c => c.change)).toEqual(['added']);
        const rotated = changes(edit('  moment e "Leaves"\n', '').replace('  phase "One"\n', '  phase "One"\n  moment e "Leaves"\n'));
        expect(rotated.filter(c => c.change === 'moved').map(c => c.id)).toEqual(['e']);
    });

    it('changed attribute: only what differs, before and after', () => {
        expect(changes(edit('    feels 3', '    feels 4'))).toEqual([
            { change: 'changed', kind: 'moment', cycle: 'c', id: 'b', moment: 'b', before: { feels: 3 }, after: { feels: 4 } }
        ]);
        expect(changes(edit('    wait limit 10 min', '    wait limit 1 hour'))[0]).toMatchObject({ before: { waitLimit: '10 min' }, after: { waitLimit: '1 hour' } });
        expect(changes(edit('  goal "Get it"', '  goal "Get it fast"'))).toEqual([
            { change: 'changed', kind: 'cycle', cycle: 'c', id: 'c', moment: null, before: { goal: 'Get it' }, after: { goal: 'Get it fast' } }
        ]);
    });

    it('mitigation removed, added, and its owner changed, identified by moment and text', () => {
        expect(changes(edit('      prevent "Warm plates"\n        owner clerk\n', ''))).toEqual([
            { change: 'removed', kind: 'prevent', cycle: 'c', id: null, moment: 'b', before: { text: 'Warm plates', owner: 'clerk' }, after: null }
        ]);
        expect(changes(edit('      recover "Replace the dish"\n        owner clerk\n', '      recover "Replace the dish"\n        owner clerk\n      recover "Free dessert"\n        owner clerk\n'))).toEqual([
            { change: 'added', kind: 'recover', cycle: 'c', id: null, moment: 'b', before: null, after: { text: 'Free dessert', owner: 'clerk' } }
        ]);
        expect(changes(edit('      prevent "Warm plates"\n        owner clerk', '      prevent "Warm plates"\n        owner auditor'))).toEqual([
            { change: 'changed', kind: 'prevent', cycle: 'c', id: null, moment: 'b', before: { text: 'Warm plates', owner: 'clerk' }, after: { text: 'Warm plates', owner: 'auditor' } }
        ]);
    });

    it('severity raised, risk added, critical block added and removed', () => {
        expect(changes(edit('      severity medium', '      severity high'))).toEqual([
            { change: 'changed', kind: 'critical', cycle: 'c', id: null, moment: 'b', before: { severity: 'medium' }, after: { severity: 'high' } }
        ]);
        expect(changes(edit('      risk "Served cold"', '      risk "Served cold"\n      risk "Wrong dish"'))).toEqual([
            { change: 'added', kind: 'risk', cycle: 'c', id: null, moment: 'b', before: null, after: { text: 'Wrong dish' } }
        ]);
        expect(changes(edit('  moment d "Pays"', '  moment d "Pays"\n    critical\n      risk "Overcharged"'))).toEqual([
            { change: 'added', kind: 'critical', cycle: 'c', id: null, moment: 'd', before: null, after: { severity: 'medium', risks: ['Overcharged'], prevent: [], recover: [] } }
        ]);
        const removed = changes(BASE.replace(/    critical\n(      .*\n|        .*\n)*/, ''));
        expect(removed).toEqual([expect.objectContaining({ change: 'removed', kind: 'critical', moment: 'b' })]);
    });

    it('roles, requirements, actions, areas, priorities, surveys and questions', () => {
        expect(changes(edit('role auditor "Auditor"', 'role auditor "Internal auditor"'))).toEqual([
            { change: 'changed', kind: 'role', cycle: null, id: 'auditor', moment: null, before: { label: 'Auditor' }, after: { label: 'Internal auditor' } }
        ]);
        expect(changes(edit('  role clerk "Clerk"', '  role clerk "Clerk"\n  role cook "Cook"'))).toEqual([
            { change: 'added', kind: 'role', cycle: 'c', id: 'cook', moment: null, before: null, after: { label: 'Cook' } }
        ]);
        expect(changes(edit('    for b', '    for a'))[0]).toMatchObject({ change: 'changed', kind: 'requirement', id: 'r1', before: { for: ['b'] }, after: { for: ['a'] } });
        expect(changes(edit('    owner clerk\n  area', '    owner auditor\n  area'))[0]).toMatchObject({ change: 'changed', kind: 'action', id: 'a1', before: { owner: 'clerk' }, after: { owner: 'auditor' } });
        expect(changes(edit('    because deterioration', '    because importance'))[0]).toMatchObject({ change: 'changed', kind: 'area', id: 'ar2' });
        const swapped = changes(edit('    - ar1\n    - ar2', '    - ar2\n    - ar1'));
        expect(swapped).toHaveLength(1); // one move explains a swap
        expect(swapped[0]).toMatchObject({ change: 'moved', kind: 'priority', cycle: 'c' });
        expect(swapped[0].before!.rank).not.toBe(swapped[0].after!.rank);
        expect(changes(edit('    - ar2\n', ''))).toEqual([
            { change: 'removed', kind: 'priority', cycle: 'c', id: 'ar2', moment: null, before: { rank: 2 }, after: null }
        ]);
        expect(changes(edit('  survey s "Card"', '  survey s "Postcard"'))[0]).toMatchObject({ change: 'changed', kind: 'survey', id: 's' });
        expect(changes(edit('      answer yes-no', '      answer scale 1..5'))[0]).toMatchObject({
            change: 'changed', kind: 'question', id: 'q1', before: { answer: { kind: 'yes-no' } }, after: { answer: { kind: 'scale', low: 1, high: 5 } }
        });
    });

    it('cycles added and removed', () => {
        const second = 'cycle other "Other"\n  goal "g"\n  moment x "X"\n';
        expect(changes(BASE + '\n' + second)).toEqual([
            { change: 'added', kind: 'cycle', cycle: 'other', id: 'other', moment: null, before: null, after: { label: 'Other', goal: 'g', moments: 1, critical: 0 } }
        ]);
        expect(changes(BASE, BASE + '\n' + second)[0]).toMatchObject({ change: 'removed', kind: 'cycle', id: 'other' });
    });
});

describe('risk changes', () => {
    it('put first what a reviewer must not miss', () => {
        const after = edit('      prevent "Warm plates"\n        owner clerk\n', '').replace('      severity medium', '      severity high').replace('    wait limit 10 min', '    wait limit 30 min');
        const [before, now] = [model(BASE), model(after)];
        const risks = riskChanges(before, now, diffFiles(before, now));
        expect(risks.map(r => r.kind)).toEqual(['mitigation-removed', 'severity-raised', 'wait-lengthened']);
        expect(risks[0].text).toBe('`b` loses the only prevent mitigation: "Warm plates" (owner `clerk`)');
        expect(risks[2].text).toContain('from 10 min to 30 min');
    });

    it('name a new critical moment without prevention', () => {
        const after = edit('  moment d "Pays"', '  moment d "Pays"\n    critical\n      risk "Overcharged"');
        const [before, now] = [model(BASE), model(after)];
        expect(riskChanges(before, now, diffFiles(before, now))).toEqual([
            { kind: 'new-unmitigated', cycle: 'c', moment: 'd', text: '`d` is now a critical moment without any prevent mitigation' }
        ]);
    });
});

describe('wait limits and critical blocks removed', () => {
    it('a wait limit removed entirely is a risk change', () => {
        const after = edit('    wait limit 10 min\n', '');
        const [before, now] = [model(BASE), model(after)];
        const changes = diffFiles(before, now);
        const risks = riskChanges(before, now, changes);
        expect(risks).toEqual([
            { kind: 'wait-limit-removed', cycle: 'c', moment: 'a', text: 'the wait limit of `a` (10 min) was removed: its wait is no longer bounded' }
        ]);
        const markdown = formatDiffMarkdown([{ file: 'x.cycle', status: 'modified', changes, risks, introduced: [], resolved: [] }]);
        expect(markdown).toContain('- **Wait limit removed** in `c`');
    });

    it('the critical block removed with its only prevent mitigation is a risk change', () => {
        const after = BASE.replace(/    critical\n(      .*\n|        .*\n)*/, '');
        const [before, now] = [model(BASE), model(after)];
        expect(riskChanges(before, now, diffFiles(before, now))).toEqual([
            { kind: 'mitigation-removed', cycle: 'c', moment: 'b', text: '`b` is no longer marked critical, and its 2 mitigations go with it' }
        ]);
    });
});

describe('diagnostics across a rename', () => {
    const warning = (message: string) => ({ severity: 2 as const, code: 'critical-unmitigated', message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } });

    it('an old id in an old message is read as its new id: nothing introduced, nothing resolved', () => {
        const after = edit('  moment b "Is served"', '  moment served "Is served"').replace('    for b', '    for served').replace('      about b', '      about served');
        const changes = diffFiles(model(BASE), model(after));
        const renames = renamesOf(changes);
        expect(Object.fromEntries(renames)).toEqual({ b: 'served' });
        expect(diagnosticChanges('x.cycle', [warning('Critical moment `b` has no prevent mitigation.')], [warning('Critical moment `served` has no prevent mitigation.')], renames))
            .toEqual({ introduced: [], resolved: [] });
        // Without the renames, the same warning is both resolved and introduced.
        expect(diagnosticChanges('x.cycle', [warning('Critical moment `b` has no prevent mitigation.')], [warning('Critical moment `served` has no prevent mitigation.')]).introduced).toHaveLength(1);
    });

    it('a real change is still reported, and swapped ids are followed both ways', () => {
        const renames = new Map([['x', 'y'], ['y', 'x']]);
        expect(diagnosticChanges('f', [warning('`x` before `y`')], [warning('`y` before `x`')], renames)).toEqual({ introduced: [], resolved: [] });
        const result = diagnosticChanges('f', [warning('`x` is bad')], [warning('`y` is bad'), warning('`z` is bad')], new Map([['x', 'y']]));
        expect(result.introduced.map(d => d.message)).toEqual(['`z` is bad']);
        expect(result.resolved).toEqual([]);
    });
});

describe('diff output', () => {
    const bank = readFileSync(new URL('../../examples/bank-check-cashing.cycle', import.meta.url), 'utf8');
    const changedBank = bank
        .replace('      prevent "Count the notes twice, aloud, in front of the customer"\n        owner teller\n', '')
        .replace('    wait limit 20 min\n', '    wait limit 40 min\n')
        .replace('  moment leave "Says goodbye and leaves the bank"', '  moment farewell "Says goodbye and leaves the bank"');

    it('markdown: risks first, then the summary and the details (snapshot)', async () => {
        const [before, after] = [model(bank), model(changedBank)];
        const changes = diffFiles(before, after);
        const markdown = formatDiffMarkdown([{
            file: 'examples/bank-check-cashing.cycle', status: 'modified', changes, risks: riskChanges(before, after, changes),
            introduced: [{ file: 'examples/bank-check-cashing.cycle', severity: 'warning', code: 'critical-unmitigated', message: 'Critical moment `receive-cash` has no prevent mitigation.' }],
            resolved: []
        }]);
        expect(markdown.indexOf('Risk changes')).toBeLessThan(markdown.indexOf('### Summary'));
        expect(markdown.indexOf('### Summary')).toBeLessThan(markdown.indexOf('### Details'));
        await expect(markdown).toMatchFileSnapshot('./__snapshots__/bank-change.md');
    });

    it('markdown: a blank line before each cycle heading, after the top-level bullets (an added file)', () => {
        const added = model('role auditor "Auditor"\n\ncycle fresh "Fresh"\n  goal "g"\n  moment m "M"\n');
        const changes = diffFiles(null, added);
        expect(changes.map(c => c.cycle)).toEqual([null, 'fresh']);
        const markdown = formatDiffMarkdown([{ file: 'new.cycle', status: 'added', changes, risks: [], introduced: [], resolved: [] }]);
        expect(markdown).toContain('Top level:\n\n- ➕ role `auditor` added: "Auditor"\n\nCycle `fresh`:\n\n- ➕ cycle `fresh` added');
        expect(markdown).not.toMatch(/\n\n\n/);
    });

    it('text: one line per change, a sign for each kind', () => {
        const [before, after] = [model(bank), model(changedBank)];
        const changes = diffFiles(before, after);
        const text = formatDiffText([{ file: 'bank.cycle', status: 'modified', changes, risks: riskChanges(before, after, changes), introduced: [], resolved: [] }], PLAIN_DIFF_COLORS);
        expect(text).toContain('~ moment `leave` renamed to `farewell`');
        expect(text).toContain('- prevent mitigation of `receive-cash` removed');
        expect(text).toContain('⚠ `receive-cash` loses the only prevent mitigation');
        expect(text).toMatch(/3 changes in 1 file\.\n$/);
    });
});

describe('the visual diff', () => {
    it('puts removed moments back where they were and marks every touched moment', () => {
        const after = edit('  moment d "Pays"\n', '').replace('  moment e "Leaves"', '  moment e "Leaves"\n    feels 2').replace('  moment a "Arrives"', '  moment zero "Decides"\n  moment a "Arrives"');
        const [before, now] = [model(BASE), model(after)];
        const changes = diffFiles(before, now);
        const { cycle, statuses } = mergeForVisualDiff(before.cycles[0], now.cycles[0], changes);
        expect(cycle.moments.map(m => m.id)).toEqual(['zero', 'a', 'b', 'd', 'e']);
        expect(Object.fromEntries(statuses)).toEqual({ zero: 'added', d: 'removed', e: 'changed' });
        const svg = renderVisualDiffSvg(before.cycles[0], now.cycles[0], changes);
        expect(svg).toMatch(/class="moment diff-added" data-moment="zero"/);
        expect(svg).toMatch(/class="moment diff-removed" data-moment="d"[^>]*opacity="0.6"/);
        expect(svg).toContain('1 added');
        expect(svg).toContain('1 removed');
    });
});

describe('longest common subsequence', () => {
    it('keeps the longest run in order', () => {
        expect(longestCommonSubsequence(['a', 'b', 'c', 'd'], ['a', 'c', 'b', 'd'])).toHaveLength(3);
        expect(longestCommonSubsequence(['a', 'b', 'c'], ['c', 'b', 'a'])).toHaveLength(1);
        expect(longestCommonSubsequence([], ['a'])).toEqual([]);
    });
});
