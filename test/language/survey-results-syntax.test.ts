import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/language/generated/ast.js';
import { buildFileModel } from '../../src/model/build-model.js';
import { breakClean, check } from '../helpers.js';

/** CLEAN_CYCLE's survey with `results` lines between and after questions, and the new question lines. */
const WITH_RESULTS = breakClean(`  survey s1 "Exit survey"
    question q1 "Was your errand done right?"
      about m2
      answer yes-no
`, `  survey s1 "Exit survey"
    results "waves/2026-q1.csv"
    question q1 "Was your errand done right?"
      about m2
      quality reliability
      answer yes-no
    results "waves/2026-q2.csv"
    question overall "Overall?"
      measures overall
      answer scale 1..5
    question recommend "Would you recommend us?"
      measures recommend
      answer scale 0..10
    question matters "How much does it matter?"
      about m2
      measures importance
      answer scale 1..5
`);

function modelOf(document: unknown) {
    return buildFileModel(document as Document, 'file:///w.cycle');
}

describe('survey results syntax', () => {
    it('reads results lines mixed with questions, in order, and measures/quality on questions', async () => {
        const checked = await check(WITH_RESULTS);
        // No syntax error; the files themselves cannot be read here (no file system): results-unreadable only.
        expect(checked.diagnostics.filter(d => d.severity === 1).map(d => d.code)).toEqual(['results-unreadable', 'results-unreadable']);
        const survey = modelOf(checked.document.parseResult.value).cycles[0].surveys[0];
        expect(survey.results.map(r => r.path)).toEqual(['waves/2026-q1.csv', 'waves/2026-q2.csv']);
        expect(survey.results[0].range.start.line).toBe(WITH_RESULTS.split('\n').findIndex(l => l.includes('2026-q1')));
        // a question named `overall` is fine: the word after `question` is an id whatever it spells
        expect(survey.questions.map(q => [q.id, q.measures, q.qualities])).toEqual([
            ['q1', 'satisfaction', ['reliability']],
            ['overall', 'overall', []],
            ['recommend', 'recommend', []],
            ['matters', 'importance', []]
        ]);
    });

    it('says what a measures line takes when the value is unknown', async () => {
        const checked = await check(breakClean('      answer yes-no\n', '      answer yes-no\n      measures happiness\n'));
        const messages = checked.diagnostics.map(d => d.message).join('\n');
        expect(messages).toMatch(/satisfaction, importance, expectation, overall or recommend/);
    });

    it('checks a question\'s quality like a moment\'s (unknown-quality)', async () => {
        const checked = await check(breakClean('      answer yes-no\n', '      answer yes-no\n      quality speediness\n'));
        expect(checked.found.some(f => f.startsWith('unknown-quality@'))).toBe(true);
    });

    it('does not take a results line in a question block, and says where it belongs', async () => {
        const checked = await check(breakClean('      answer yes-no\n', '      answer yes-no\n    results "a.csv"\n'));
        expect(checked.diagnostics.filter(d => d.severity === 1).map(d => d.code)).toEqual(['results-unreadable']);
        const wrong = await check(breakClean('  survey s1 "Exit survey"\n', '  results "a.csv"\n  survey s1 "Exit survey"\n'));
        expect(wrong.diagnostics.map(d => d.message).join('\n')).toMatch(/`results` belongs in a survey/);
    });
});
