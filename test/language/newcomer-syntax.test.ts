import { AstUtils, GrammarAST } from 'langium';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Cycle } from '../../src/language/generated/ast.js';
import { BLOCKS } from '../../src/language/parser/blocks.js';
import { breakClean, check, freshServices, type Checked } from '../helpers.js';
import { leadingKeywords } from './grammar-keywords.js';

/*
 * What a newcomer meets when writing a first cycle (issue 10, item 12): each slip
 * gets one syntax error that says what to write instead, and the rest of the file
 * keeps its meaning.
 */

function syntaxErrors(checked: Checked): Diagnostic[] {
    return checked.diagnostics.filter(d => d.code === 'syntax-error');
}

function messages(checked: Checked): string {
    return syntaxErrors(checked).map(d => String(d.message)).join('\n');
}

describe('an extra word at the end of a line', () => {
    it('issue 10 item 12: `critical high` is one syntax error on `high`, with a hint, and the block under it is still read', async () => {
        const text = breakClean('    critical\n      severity high\n', '    critical high\n');
        const checked = await check(text);
        // The only finding: the block's risk and mitigations still count.
        expect(checked.found).toEqual(['syntax-error@high']);
        expect(checked.diagnostics[0].message).toContain('`critical` takes no value');
        expect(checked.diagnostics[0].message).toContain('`severity high`');
    });

    it('issue 10 item 12: any word left over after a complete line keeps the block under that line', async () => {
        const checked = await check(breakClean('      prevent "Check first"\n', '      prevent "Check first" today\n'));
        // The owner under the prevent line is still read: no mitigation-without-owner.
        expect(checked.found).toEqual(['syntax-error@today']);
        const moment = await check(breakClean('  moment m2 "Gets it done"\n', '  moment m2 "Gets it done" quickly\n'));
        expect(moment.found).toEqual(['syntax-error@quickly']);
    });
});

describe('a scale written with a dash', () => {
    it('issue 10 item 12: `answer scale 1-5` is the syntax error alone, with the range to write', async () => {
        const checked = await check(breakClean('answer yes-no', 'answer scale 1-5'));
        expect(checked.found).toEqual(['syntax-error@1-5']);
        expect(checked.diagnostics[0].message).toContain('`scale 1..5`');
        // The other ways prose writes a range; the labels after it are still read.
        for (const range of ['1 - 5', '1–5', '1...5', '1 to 5']) {
            const other = await check(breakClean('answer yes-no', `answer scale ${range} "Bad" "Good"`));
            expect(other.found, range).toEqual([`syntax-error@${range}`]);
        }
    });
});

describe('did you mean', () => {
    it('issue 10 item 12: a misspelt keyword gets the nearest keyword allowed at that place', async () => {
        const momnet = await check(breakClean('  moment m4 ', '  momnet m4 '));
        expect(messages(momnet)).toContain('did you mean `moment`?');
        const critcal = await check(breakClean('    critical\n', '    critcal\n'));
        expect(messages(critcal)).toContain('did you mean `critical`?');
        const prevnt = await check(breakClean('      prevent "Check first"', '      prevnt "Check first"'));
        expect(messages(prevnt)).toContain('did you mean `prevent`?');
        const stage = await check(breakClean('  stage maturity\n', '  stage maturty\n'));
        expect(messages(stage)).toContain('did you mean `maturity`?');
        const achieves = await check(breakClean('    achieves goal\n', '    achieves gaol\n'));
        expect(messages(achieves)).toContain('did you mean `goal`?');
        // A value without its keyword is shown with it.
        const high = await check(breakClean('      severity high\n', '      high\n'));
        expect(messages(high)).toContain('did you mean `severity high`?');
        // A keyword of another block is misplaced, not misspelt: it gets no guess.
        const risk = await check(breakClean('    channel web\n', '    channel web\n    risk "r"\n'));
        expect(messages(risk)).toContain('`risk` belongs in a critical block');
        expect(messages(risk)).not.toContain('did you mean');
    });

    it('issue 10 item 12: a misspelt unit is named with the nearest one', async () => {
        const checked = await check(breakClean('    wait limit 10 min\n', '    wait limit 10 mintues\n'));
        expect(checked.found).toEqual(['syntax-error@mintues']);
        expect(checked.diagnostics[0].message).toContain('minute(s)');
        expect(checked.diagnostics[0].message).toContain('did you mean `minutes`?');
        const abbreviated = await check(breakClean('    wait limit 10 min\n', '    wait limit 10 hrs\n'));
        expect(abbreviated.diagnostics[0].message).toContain('did you mean `hours`?');
    });
});

describe('quotes', () => {
    it.each([`'Base cycle'`, '“Base cycle”', '‘Base cycle’', '«Base cycle»'])(
        'issue 10 item 12: %s says to use straight double quotes, and is still read as the label', async label => {
            const checked = await check(breakClean('"Base cycle"', label));
            expect(checked.found).toEqual([`syntax-error@${label}`]);
            expect(checked.diagnostics[0].message).toContain('straight double quotes');
            expect((checked.document.parseResult.value.elements[1] as Cycle).label).toBe('Base cycle');
        });

    it('issue 10 item 12: an apostrophe inside a single-quoted label does not end it', async () => {
        const checked = await check(breakClean('"Was your errand done right?"', `'Wasn't your errand done right?'`));
        expect(syntaxErrors(checked).map(d => d.message)).toHaveLength(1);
    });
});

describe('a line indented one level too shallow', () => {
    it('issue 10 item 12: says which element to indent it under', async () => {
        const by = await check(breakClean('    channel web\n', '    channel web\n  by clerk\n'));
        expect(messages(by)).toContain('indent it under `moment m4`');
        const risk = await check(breakClean('      risk "It fails"\n', '    risk "It fails"\n'));
        expect(messages(risk)).toContain('indent it under `critical`');
        const owner = await check(breakClean('        owner manager\n', '      owner manager\n'));
        expect(messages(owner)).toContain('indent it under `prevent "Check first"`');
        const answer = await check(breakClean('      answer yes-no\n', '    answer yes-no\n'));
        expect(messages(answer)).toContain('indent it under `question q1`');
    });

    it('issue 10 item 12: a line not right after its element says where it belongs, without a wrong guess', async () => {
        const checked = await check(breakClean('  survey s1 ', '  by clerk\n  survey s1 '));
        expect(messages(checked)).toContain('`by` belongs in a moment');
        expect(messages(checked)).not.toContain('indent it under');
    });
});

describe('the table of blocks the messages read', () => {
    it('names the keywords each block of the grammar holds', () => {
        const grammar = freshServices().Grammar;
        for (const [kind, block] of Object.entries(BLOCKS)) {
            const rule = grammar.rules.find(r => r.name === kind)!;
            // A survey's `results` lines are kept apart from its questions (`results`), but are its lines all the same.
            const lines = AstUtils.streamAllContents(rule).filter(GrammarAST.isAssignment)
                .filter(a => a.feature === 'items' || a.feature === 'elements' || a.feature === 'results').toArray();
            expect([...new Set(lines.flatMap(a => leadingKeywords(a.terminal)))].sort(), kind).toEqual([...block.keywords].sort());
        }
    });
});
