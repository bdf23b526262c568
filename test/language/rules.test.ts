import { describe, expect, it } from 'vitest';
import { RULE_CODES, RULES } from '../../src/language/validation/rules.js';
import { breakClean, check, checkWithFiles, CLEAN_CYCLE } from '../helpers.js';

interface RuleCase {
    /** The text that breaks the rule. */
    bad: string;
    /** What the diagnostic's range covers. */
    on: string;
    /** A text close to `bad` that obeys the rule. */
    good: string;
    /** Further files of the workspace. */
    others?: string[];
    /** Survey results files beside `bad` and `good` (read from a folder on disk). */
    badFiles?: Record<string, string>;
    goodFiles?: Record<string, string>;
}

/** CLEAN_CYCLE's survey reading `w.csv`. */
const WITH_RESULTS = breakClean('  survey s1 "Exit survey"\n', '  survey s1 "Exit survey"\n    results "w.csv"\n');
/** WITH_RESULTS with a second question, a scale about the first (non-critical) moment, whose `feels` is 4. */
const WITH_Q2 = WITH_RESULTS + '    question q2 "How would you rate the first contact?"\n      about m1\n      answer scale 1..5\n';
/** A results file: a header and `n` rows made by `row`. */
const rows = (header: string, n: number, row: (i: number) => string) => [header, ...Array.from({ length: n }, (_, i) => row(i))].join('\n') + '\n';
/** 40 respondents all answering yes to q1 (about the critical m2). */
const ALL_YES = rows('q1', 40, () => 'yes');
/** Two areas: ar1 covers m2 (first), ar2 covers m1; stated importance for both moments. */
const TWO_AREAS = breakClean('    - ar1\n', '    - ar1\n    - ar2\n')
    .replace('  priorities\n', '  area ar2 "The door"\n    because importance\n    covers m1\n  priorities\n')
    .replace('  survey s1 "Exit survey"\n', '  survey s1 "Exit survey"\n    results "w.csv"\n')
    + '    question q2 "How would you rate the first contact?"\n      about m1\n      answer scale 1..5\n'
    + '    question i1 "How much does getting it done matter to you?"\n      about m2\n      measures importance\n      answer scale 1..5\n'
    + '    question i2 "How much does the first contact matter to you?"\n      about m1\n      measures importance\n      answer scale 1..5\n';
/** m2 done well but unimportant; m1 done badly and important: m1 is the one to concentrate on. */
const M1_CONCENTRATE = rows('q1,q2,i1,i2', 40, () => 'yes,1,1,5');


/** For every rule code: one text that triggers it and one that does not. */
const CASES: Record<string, RuleCase> = {
    'syntax-error': {
        bad: breakClean('  stage maturity\n', '  stage maturity growth\n'),
        on: 'growth',
        good: CLEAN_CYCLE
    },
    'unresolved-reference': {
        bad: breakClean('    by clerk\n    channel in-person', '    by clark\n    channel in-person'),
        on: 'clark',
        good: CLEAN_CYCLE
    },
    'duplicate-id': {
        bad: breakClean('moment m4 "Comes back another day"', 'moment m3 "Comes back another day"'),
        on: 'm3',
        good: CLEAN_CYCLE
    },
    'duplicate-attribute': {
        bad: breakClean('    feels 4\n', '    feels 4\n    feels 3\n'),
        on: 'feels',
        good: CLEAN_CYCLE
    },
    'missing-goal': {
        bad: breakClean('  goal "Get the errand done"\n', ''),
        on: 'base',
        good: CLEAN_CYCLE
    },
    'empty-cycle': {
        bad: 'cycle empty "Nothing yet"\n  goal "Something"\n',
        on: 'empty',
        good: CLEAN_CYCLE
    },
    'critical-without-risk': {
        bad: breakClean('      risk "It fails"\n', ''),
        on: 'critical',
        good: CLEAN_CYCLE
    },
    'unknown-quality': {
        bad: breakClean('quality courtesy', 'quality curtesy'),
        on: 'curtesy',
        good: CLEAN_CYCLE
    },
    'unknown-channel': {
        bad: breakClean('channel web', 'channel website'),
        on: 'website',
        good: CLEAN_CYCLE
    },
    'feels-out-of-range': {
        bad: breakClean('feels 4', 'feels 0'),
        on: '0',
        good: breakClean('feels 4', 'feels 5')
    },
    'wait-target-exceeds-limit': {
        bad: breakClean('wait target 5 min', 'wait target 1 hour'),
        on: 'wait',
        good: breakClean('wait target 5 min', 'wait target 600 sec')
    },
    'invalid-duration': {
        bad: breakClean('wait target 5 min', 'wait target -5 min'),
        on: '-5',
        good: breakClean('wait target 5 min', 'wait target 0 min')
    },
    'duplicate-priority': {
        bad: breakClean('    - ar1\n', '    - ar1\n    - ar1\n'),
        on: 'ar1',
        good: CLEAN_CYCLE
    },
    'invalid-scale': {
        bad: breakClean('answer yes-no', 'answer scale 5..1'),
        on: 'scale',
        good: breakClean('answer yes-no', 'answer scale 1..5 "Not at all" "Completely"')
    },
    'invalid-date': {
        bad: breakClean('due 2027-03-31', 'due 2027-02-30'),
        on: '2027-02-30',
        good: breakClean('due 2027-03-31', 'due 2028-02-29')
    },
    'critical-unmitigated': {
        bad: breakClean('      prevent "Check first"\n        owner manager\n', ''),
        on: 'm2',
        good: CLEAN_CYCLE
    },
    'mitigation-without-owner': {
        bad: breakClean('      recover "Apologise"\n        owner clerk\n', '      recover "Apologise"\n'),
        on: 'recover',
        good: CLEAN_CYCLE
    },
    'goal-never-achieved': {
        bad: breakClean('    achieves goal\n', ''),
        on: 'base',
        good: CLEAN_CYCLE
    },
    'no-critical-moment': {
        bad: breakClean(/    critical\n(      .*\n|        .*\n)*/, '').replace('      about m2\n', ''),
        on: 'base',
        good: CLEAN_CYCLE
    },
    'critical-without-contact': {
        bad: breakClean('    channel none\n', '    channel none\n    critical\n      risk "Gets lost"\n      prevent "Map"\n        owner clerk\n      recover "Call"\n        owner clerk\n'),
        on: 'm3',
        good: CLEAN_CYCLE
    },
    'critical-not-surveyed': {
        bad: breakClean('      about m2\n', '      about m1\n'),
        on: 'm2',
        good: CLEAN_CYCLE
    },
    'missing-survey': {
        bad: breakClean(/  survey s1[\s\S]*$/, ''),
        on: 'base',
        good: CLEAN_CYCLE
    },
    'empty-survey': {
        bad: breakClean(/    question q1[\s\S]*$/, ''),
        on: 's1',
        good: CLEAN_CYCLE
    },
    'requirement-without-action': {
        bad: breakClean('    meets r1\n', ''),
        on: 'r1',
        good: CLEAN_CYCLE
    },
    'action-without-owner': {
        bad: breakClean('    owner manager\n    due', '    due'),
        on: 'a1',
        good: CLEAN_CYCLE
    },
    'area-not-prioritized': {
        bad: breakClean('  priorities\n    - ar1\n', ''),
        on: 'ar1',
        good: CLEAN_CYCLE
    },
    'wait-without-limit': {
        bad: breakClean('    wait limit 10 min\n', ''),
        on: 'm2',
        good: CLEAN_CYCLE
    },
    'question-without-answer': {
        bad: breakClean('      answer yes-no\n', ''),
        on: 'q1',
        good: CLEAN_CYCLE
    },
    'double-barreled-question': {
        bad: breakClean('Was your errand done right?', 'Was the clerk quick and polite?'),
        on: 'q1',
        good: breakClean('Was your errand done right?', 'How long did you wait between ordering and receiving your food?')
    },
    'leading-question': {
        bad: breakClean('Was your errand done right?', "Don't you agree the clerk was great?"),
        on: 'q1',
        good: breakClean('Was your errand done right?', 'How would you rate the clerk?')
    },
    'unknown-ignore-code': {
        bad: breakClean('  moment m2 ', '  # ignore: unused-rol, critical-without-recovery\n  moment m2 '),
        on: 'unused-rol',
        good: breakClean('  moment m2 ', '  # ignore: unused-role, critical-without-recovery\n  moment m2 ')
    },
    'duplicate-label': {
        bad: breakClean('"Comes back another day"', '"First contact"'),
        on: 'm4',
        good: CLEAN_CYCLE
    },
    'critical-without-recovery': {
        bad: breakClean('      recover "Apologise"\n        owner clerk\n', ''),
        on: 'm2',
        good: CLEAN_CYCLE
    },
    'quality-unaddressed': {
        bad: breakClean('    quality tangibles\n', ''),
        on: 'base',
        good: CLEAN_CYCLE
    },
    'too-many-critical': {
        bad: breakClean('    channel web\n', '    channel web\n    critical\n      risk "Lost"\n      prevent "Remind"\n        owner clerk\n      recover "Call"\n        owner clerk\n')
            .replace('    channel in-person\n', '    channel in-person\n    critical\n      risk "Rude"\n      prevent "Train"\n        owner clerk\n      recover "Apologise"\n        owner clerk\n')
            .replace('      about m2\n', '      about m2\n      about m1\n      about m4\n'),
        on: 'base',
        good: CLEAN_CYCLE
    },
    'missing-stage': {
        bad: breakClean('  stage maturity\n', ''),
        on: 'base',
        good: CLEAN_CYCLE
    },
    'decline-without-action': {
        bad: breakClean('stage maturity', 'stage decline').replace(/  action a1[\s\S]*?(?=  area)/, ''),
        on: 'base',
        good: breakClean('stage maturity', 'stage decline')
    },
    'unused-role': {
        bad: breakClean('  role clerk "Clerk"\n', '  role clerk "Clerk"\n  role cook "Cook"\n'),
        on: 'cook',
        good: CLEAN_CYCLE
    },
    'area-without-reason': {
        bad: breakClean('    because importance\n', ''),
        on: 'ar1',
        good: CLEAN_CYCLE
    },
    'results-unreadable': {
        bad: WITH_RESULTS, badFiles: {},
        on: '"w.csv"',
        good: WITH_RESULTS, goodFiles: { 'w.csv': ALL_YES }
    },
    'results-unknown-question': {
        bad: WITH_RESULTS, badFiles: { 'w.csv': rows('q1,q9', 40, () => 'yes,1') },
        on: '"w.csv"',
        good: WITH_RESULTS, goodFiles: { 'w.csv': ALL_YES }
    },
    'answer-out-of-scale': {
        bad: WITH_RESULTS, badFiles: { 'w.csv': rows('q1', 40, i => i === 7 ? 'maybe' : 'yes') },
        on: '"w.csv"',
        good: WITH_RESULTS, goodFiles: { 'w.csv': ALL_YES }
    },
    'critical-moment-failing': {
        bad: WITH_RESULTS, badFiles: { 'w.csv': rows('q1', 40, () => 'no') },
        on: 'm2',
        good: WITH_RESULTS, goodFiles: { 'w.csv': ALL_YES }
    },
    'moment-below-target': {
        // m1: 28 of 40 in the top two boxes, 70% < 80%.
        bad: WITH_Q2, badFiles: { 'w.csv': rows('q1,q2', 40, i => `yes,${i < 28 ? 5 : 3}`) },
        on: 'm1',
        good: WITH_Q2, goodFiles: { 'w.csv': rows('q1,q2', 40, () => 'yes,5') }
    },
    'few-responses': {
        bad: WITH_RESULTS, badFiles: { 'w.csv': rows('q1', 5, () => 'yes') },
        on: 'q1',
        good: WITH_RESULTS, goodFiles: { 'w.csv': ALL_YES }
    },
    'feels-contradicts-results': {
        // m1 feels 4; every answer 1: performance 0 maps to 1, three points apart.
        bad: WITH_Q2, badFiles: { 'w.csv': rows('q1,q2', 40, () => 'yes,1') },
        on: 'feels 4',
        good: WITH_Q2, goodFiles: { 'w.csv': rows('q1,q2', 40, () => 'yes,5') }
    },
    'priorities-disagree-with-results': {
        bad: TWO_AREAS, badFiles: { 'w.csv': M1_CONCENTRATE },
        on: 'priorities',
        // The same answers, with ar2 (covering m1) ranked first.
        good: TWO_AREAS.replace('    - ar1\n    - ar2\n', '    - ar2\n    - ar1\n'), goodFiles: { 'w.csv': M1_CONCENTRATE }
    }
};

describe('the clean cycle used by the rule tests', () => {
    it('passes every rule', async () => {
        const { found } = await check(CLEAN_CYCLE);
        expect(found).toEqual([]);
    });
});

describe('every rule', () => {
    it('has a case here, and every case is a rule', () => {
        expect(Object.keys(CASES).sort()).toEqual([...RULE_CODES].sort());
    });

    for (const code of RULE_CODES) {
        const ruleCase = CASES[code];
        describe(code, () => {
            it(`is reported at its default severity on ${JSON.stringify(ruleCase?.on)}`, async () => {
                const checked = ruleCase.badFiles ? await checkWithFiles(ruleCase.bad, ruleCase.badFiles) : await check(ruleCase.bad, ruleCase.others);
                const hits = checked.diagnostics.filter(d => d.code === code);
                expect(checked.found).toContain(`${code}@${ruleCase.on}`);
                const expectedSeverity = { error: 1, warning: 2, info: 3 }[RULES[code].severity];
                expect(hits.every(d => d.severity === expectedSeverity)).toBe(true);
                expect(hits.every(d => typeof d.message === 'string' && d.message.length > 20)).toBe(true);
            });
            it('is not reported when the cycle obeys it', async () => {
                const checked = ruleCase.goodFiles ? await checkWithFiles(ruleCase.good, ruleCase.goodFiles) : await check(ruleCase.good, ruleCase.others);
                expect(checked.diagnostics.filter(d => d.code === code)).toEqual([]);
            });
        });
    }
});

describe('rule details', () => {
    it('reports a cycle-level duplicate id on the later element, pointing at the first', async () => {
        const checked = await check(CASES['duplicate-id'].bad);
        const duplicate = checked.diagnostics.find(d => d.code === 'duplicate-id')!;
        expect(duplicate.range.start.line).toBe(CASES['duplicate-id'].bad.split('\n').findIndex(l => l.includes('moment m3 "Comes back')));
        expect(duplicate.relatedInformation?.[0].location.range.start.line).toBe(CASES['duplicate-id'].bad.split('\n').findIndex(l => l.includes('moment m3 "Leaves"')));
    });

    it('treats all ids of a cycle as one namespace (a question cannot reuse a moment id)', async () => {
        const checked = await check(breakClean('question q1', 'question m1'));
        expect(checked.found).toContain('duplicate-id@m1');
    });

    it('reports top-level roles declared in two files on both', async () => {
        const team = 'role manager "Another manager"\n';
        const checked = await check(CLEAN_CYCLE, [team]);
        expect(checked.found).toContain('duplicate-id@manager');
    });

    it('lets the same moment id live in two cycles', async () => {
        const second = CLEAN_CYCLE.replace('role manager "Manager"\n', '').replace('cycle base', 'cycle other');
        const checked = await check(CLEAN_CYCLE + '\n' + second);
        expect(checked.found.filter(f => f.startsWith('duplicate-id'))).toEqual([]);
    });

    it('reports a repeated cycle id across files', async () => {
        const other = 'cycle base "Same id"\n  goal "x"\n';
        const checked = await check(CLEAN_CYCLE, [other]);
        expect(checked.found).toContain('duplicate-id@base');
    });

    it('offers the new names of competence and access, and the components of assurance', async () => {
        const old = await check(breakClean('quality courtesy', 'quality competence'));
        const oldDiag = old.diagnostics.find(d => d.code === 'unknown-quality')!;
        expect((oldDiag.data as { suggestions: string[] }).suggestions).toEqual(['professionalism']);
        const access = await check(breakClean('quality courtesy', 'quality access'));
        expect((access.diagnostics.find(d => d.code === 'unknown-quality')!.data as { suggestions: string[] }).suggestions).toEqual(['accessibility']);
        const assurance = await check(breakClean('quality courtesy', 'quality assurance'));
        const rolled = assurance.diagnostics.find(d => d.code === 'unknown-quality')!;
        expect(rolled.message).toMatch(/SERVQUAL/);
        expect((rolled.data as { suggestions: string[] }).suggestions).toEqual(['professionalism', 'courtesy', 'credibility', 'security']);
        const empathy = await check(breakClean('quality courtesy', 'quality empathy'));
        expect(empathy.found).toContain('unknown-quality@empathy');
    });

    it('suggests the nearest channel', async () => {
        const checked = await check(breakClean('channel web', 'channel phnoe'));
        const diagnostic = checked.diagnostics.find(d => d.code === 'unknown-channel')!;
        expect(diagnostic.message).toContain('did you mean `phone`');
        expect((diagnostic.data as { suggestions: string[] }).suggestions[0]).toBe('phone');
    });

    it('names the unaddressed components in one diagnostic on the cycle', async () => {
        const checked = await check(breakClean('    quality tangibles\n', '').replace('    quality security\n', ''));
        const hits = checked.diagnostics.filter(d => d.code === 'quality-unaddressed');
        expect(hits).toHaveLength(1);
        expect(hits[0].message).toContain('security');
        expect(hits[0].message).toContain('tangibles');
        expect(hits[0].message).not.toContain('courtesy');
    });

    it('counts a critical majority only in cycles of four moments or more', async () => {
        const small = `cycle small "Two of three"
  goal "g"
  moment a "A"
    critical
      risk "r"
  moment b "B"
    critical
      risk "r"
  moment c "C"
`;
        const checked = await check(small);
        expect(checked.found.filter(f => f.startsWith('too-many-critical'))).toEqual([]);
    });

    it('does not flag survey questions written in other languages', async () => {
        const indonesian = breakClean('Was your errand done right?', 'Apakah petugas ramah dan cepat? Dan sopan?');
        const checked = await check(indonesian);
        expect(checked.found.filter(f => f.includes('question@'))).toEqual([]);
    });

    it('reports missing-survey but not critical-not-surveyed when there is no survey', async () => {
        const checked = await check(CASES['missing-survey'].bad);
        expect(checked.found).toContain('missing-survey@base');
        expect(checked.found.filter(f => f.startsWith('critical-not-surveyed'))).toEqual([]);
    });

    it('reports a top-level role used in another file as used', async () => {
        const team = 'role auditor "Auditor"\n';
        const user = breakClean('        owner manager\n      recover', '        owner auditor\n      recover');
        const checked = await check(team, [user]);
        expect(checked.found.filter(f => f.startsWith('unused-role'))).toEqual([]);
        const alone = await check(team);
        expect(alone.found).toContain('unused-role@auditor');
    });
});
