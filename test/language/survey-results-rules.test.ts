import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { analyse } from '../../src/model/analyse.js';

/*
 * The survey-results rules and problems, through the real validator: a cycle and its
 * results files in a temporary folder, read with Node's file system as `cycle check` does.
 */

const RESULT_CODES = new Set([
    'results-unreadable', 'results-unknown-question', 'answer-out-of-scale', 'critical-moment-failing',
    'moment-below-target', 'few-responses', 'feels-contradicts-results', 'priorities-disagree-with-results'
]);

function cycle(results: string[], extra = ''): string {
    return `cycle c "C"
  goal "Done"
  moment m1 "First"
    feels 5
    quality communication
    critical
      risk "It fails"
  moment m2 "Second"
    feels 4
  area a1 "Second things"
    covers m2
  area a2 "First things"
    covers m1
  priorities
    - a1
    - a2
  survey s "Exit"
${results.map(r => `    results "${r}"\n`).join('')}    question q1 "How was the first?"
      about m1
      answer scale 1..5
    question q2 "How was the second?"
      about m2
      answer scale 1..5
    question i1 "How much did the first matter?"
      about m1
      measures importance
      answer scale 1..5
    question i2 "How much did the second matter?"
      about m2
      measures importance
      answer scale 1..5
${extra}`;
}

/** A CSV of `n` respondents, each answering with `row(i)` (cells in header order). */
function csv(header: string[], n: number, row: (i: number) => (string | number)[]): string {
    return [header.join(','), ...Array.from({ length: n }, (_, i) => row(i).join(','))].join('\n') + '\n';
}

const HEADER = ['respondent', 'q1', 'q2', 'i1', 'i2'];
/** Everything fine: both moments rated 5 by 40 people; the first matters most. */
const GOOD = csv(HEADER, 40, i => [i + 1, 5, 5, 5, 1]);
/** The critical first moment rated 1 by all 40, and it matters most: failing, concentrate. */
const BAD = csv(HEADER, 40, i => [i + 1, 1, 5, 5, 1]);

interface Found {
    diagnostics: Diagnostic[];
    /** `code@text` for each survey-results diagnostic, text being what its range covers. */
    found: string[];
    text: string;
    dir: string;
}

async function checkWith(text: string, files: Record<string, string | Uint8Array>, config?: object): Promise<Found> {
    const dir = mkdtempSync(join(tmpdir(), 'cycle-results-'));
    for (const [name, content] of Object.entries(files)) {
        mkdirSync(join(dir, name, '..'), { recursive: true });
        writeFileSync(join(dir, name), content);
    }
    if (config) writeFileSync(join(dir, 'cycle.config.json'), JSON.stringify(config));
    writeFileSync(join(dir, 'c.cycle'), text);
    const analysis = await analyse([{ uri: URI.file(join(dir, 'c.cycle')), text }], { fileSystem: NodeFileSystem });
    const diagnostics = [...analysis.texts[0].diagnostics].filter(d => RESULT_CODES.has(String(d.code)));
    const lines = text.split('\n');
    const found = diagnostics.map(d => `${d.code}@${lines[d.range.start.line].substring(d.range.start.character, d.range.end.character)}`);
    return { diagnostics, found, text, dir };
}

describe('survey results: problems in a results file', () => {
    it('a clean wave reports nothing', async () => {
        const { found } = await checkWith(cycle(['w.csv']), { 'w.csv': GOOD });
        expect(found).toEqual([]);
    });

    it('results-unreadable: a missing file, on its results line, and the rest of the cycle is still checked', async () => {
        const text = cycle(['waves/nowhere.csv']) + '  moment m3 "Third"\n    feels 9\n';
        const dir = mkdtempSync(join(tmpdir(), 'cycle-results-'));
        writeFileSync(join(dir, 'c.cycle'), text);
        const analysis = await analyse([{ uri: URI.file(join(dir, 'c.cycle')), text }], { fileSystem: NodeFileSystem });
        const diagnostics = analysis.texts[0].diagnostics;
        const unreadable = diagnostics.find(d => d.code === 'results-unreadable')!;
        expect(unreadable.message).toMatch(/waves\/nowhere\.csv/);
        expect(unreadable.message).toMatch(/no such file/);
        expect(unreadable.severity).toBe(1);
        expect(text.split('\n')[unreadable.range.start.line]).toContain('results "waves/nowhere.csv"');
        expect(diagnostics.some(d => d.code === 'feels-out-of-range')).toBe(true);
    });

    it('results-unreadable: a binary file', async () => {
        const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0xfe, 0, 1]);
        const { found, diagnostics } = await checkWith(cycle(['w.csv']), { 'w.csv': bytes });
        expect(found).toEqual(['results-unreadable@"w.csv"']);
        expect(diagnostics[0].message).toMatch(/w\.csv/);
    });

    it('results-unknown-question: a column that names no question, with the CSV place in related information', async () => {
        const { found, diagnostics, dir } = await checkWith(cycle(['w.csv']), { 'w.csv': csv([...HEADER, 'q3'], 40, i => [i + 1, 5, 5, 5, 1, 4]) });
        expect(found).toEqual(['results-unknown-question@"w.csv"']);
        const related = diagnostics[0].relatedInformation![0];
        expect(related.location.uri).toBe(URI.file(join(dir, 'w.csv')).toString());
        expect(related.location.range.start.line).toBe(0);
        expect((diagnostics[0].data as { csv: { row: number; column: number } }).csv).toMatchObject({ row: 1, column: 6 });
    });

    it('answer-out-of-scale: the row and column in the message and the data', async () => {
        const rows = csv(HEADER, 40, i => [i + 1, i === 2 ? 7 : 5, 5, 5, 1]);
        const { found, diagnostics } = await checkWith(cycle(['w.csv']), { 'w.csv': rows });
        expect(found).toEqual(['answer-out-of-scale@"w.csv"']);
        expect(diagnostics[0].message).toMatch(/w\.csv: Row 4, column 2/);
        expect((diagnostics[0].data as { csv: object }).csv).toMatchObject({ row: 4, line: 4, column: 2 });
    });

    it('answer-out-of-scale: at most 20 per file, then one line with how many more', async () => {
        const rows = csv(HEADER, 40, i => [i + 1, 9, 5, 5, 1]);
        const { diagnostics } = await checkWith(cycle(['w.csv']), { 'w.csv': rows });
        const outOfScale = diagnostics.filter(d => d.code === 'answer-out-of-scale');
        expect(outOfScale).toHaveLength(21);
        expect(outOfScale[20].message).toMatch(/and 20 more values/);
    });

    it('reports the problems of every wave, not only the current one', async () => {
        const { found } = await checkWith(cycle(['old.csv', 'new.csv']), { 'new.csv': GOOD });
        expect(found).toEqual(['results-unreadable@"old.csv"']);
    });

    it('honours # ignore: comments on the results line', async () => {
        const text = cycle(['missing.csv']).replace('    results "missing.csv"\n', '    # ignore: results-unreadable\n    results "missing.csv"\n');
        const { found } = await checkWith(text, {});
        expect(found).toEqual([]);
    });
});

describe('survey results: the rules read the current wave', () => {
    it('critical-moment-failing, feels-contradicts-results and priorities-disagree-with-results on a failing wave', async () => {
        const { found, diagnostics } = await checkWith(cycle(['w.csv']), { 'w.csv': BAD });
        expect(found.sort()).toEqual([
            'critical-moment-failing@m1',
            'feels-contradicts-results@feels 5',
            'priorities-disagree-with-results@priorities'
        ]);
        const failing = diagnostics.find(d => d.code === 'critical-moment-failing')!;
        expect(failing.severity).toBe(2);
        expect(failing.message).toMatch(/0%/);
    });

    it('only the last wave counts: failing then fixed is clean, fixed then failing is not', async () => {
        const fixed = await checkWith(cycle(['q1.csv', 'q2.csv']), { 'q1.csv': BAD, 'q2.csv': GOOD });
        expect(fixed.found).toEqual([]);
        const broken = await checkWith(cycle(['q1.csv', 'q2.csv']), { 'q1.csv': GOOD, 'q2.csv': BAD });
        expect(broken.found).toContain('critical-moment-failing@m1');
    });

    it('moment-below-target: a moment whose CSAT is below the target, not when at it', async () => {
        // m2: 28 of 40 in the top two boxes = 70% < 80%.
        const below = csv(HEADER, 40, i => [i + 1, 5, i < 28 ? 5 : 3, 5, 1]);
        const { found } = await checkWith(cycle(['w.csv']), { 'w.csv': below });
        expect(found).toContain('moment-below-target@m2');
        // 32 of 40 = 80%: at the target.
        const at = csv(HEADER, 40, i => [i + 1, 5, i < 32 ? 5 : 3, 5, 1]);
        expect((await checkWith(cycle(['w.csv']), { 'w.csv': at })).found).not.toContain('moment-below-target@m2');
    });

    it('few-responses: fewer answers than minResponses, which cycle.config.json sets', async () => {
        const five = csv(HEADER, 5, i => [i + 1, 5, 5, 5, 1]);
        const { found } = await checkWith(cycle(['w.csv']), { 'w.csv': five });
        expect(found).toContain('few-responses@q1');
        const lowered = await checkWith(cycle(['w.csv']), { 'w.csv': five }, { survey: { minResponses: 5 } });
        expect(lowered.found.filter(f => f.startsWith('few-responses'))).toEqual([]);
    });

    it('csatTarget from cycle.config.json moves the line', async () => {
        const below = csv(HEADER, 40, i => [i + 1, 5, i < 28 ? 5 : 3, 5, 1]);
        const { found } = await checkWith(cycle(['w.csv']), { 'w.csv': below }, { survey: { csatTarget: 0.6 } });
        expect(found).not.toContain('moment-below-target@m2');
    });

    it('config severities apply to the results rules', async () => {
        const { diagnostics } = await checkWith(cycle(['w.csv']), { 'w.csv': BAD }, { rules: { 'critical-moment-failing': 'error', 'feels-contradicts-results': 'off' } });
        expect(diagnostics.find(d => d.code === 'critical-moment-failing')?.severity).toBe(1);
        expect(diagnostics.some(d => d.code === 'feels-contradicts-results')).toBe(false);
    });
});

describe('loadSurveyResults, for the faces', () => {
    it('gives each cycle its surveys\' results: waves in order, the current figures, the change', async () => {
        const { loadSurveyResults } = await import('../../src/model/load-survey-results.js');
        const dir = mkdtempSync(join(tmpdir(), 'cycle-results-'));
        writeFileSync(join(dir, 'q1.csv'), BAD);
        writeFileSync(join(dir, 'q2.csv'), GOOD);
        const text = cycle(['q1.csv', 'q2.csv']);
        const analysis = await analyse([{ uri: URI.file(join(dir, 'c.cycle')), text }], { fileSystem: NodeFileSystem });
        const loaded = await loadSurveyResults(analysis.services, analysis.texts[0].document);
        expect([...loaded.keys()]).toEqual(['c']);
        const [survey] = loaded.get('c')!;
        expect(survey.waves.map(w => w.path)).toEqual(['q1.csv', 'q2.csv']);
        expect(survey.current?.moments.find(m => m.id === 'm1')?.csat?.value).toBe(1);
        // 0 of 40 to 40 of 40 satisfied: a significant change.
        expect(survey.changes.find(c => c.moment === 'm1')).toMatchObject({ from: 0, to: 1, significant: true });
    });
});
