import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readResults, surveyResults } from '../../src/results/index.js';
import { choice, csv, moment, number, plan, question, scale, utf8, yesNo } from './plans.js';

const survey = plan([
    question('queue', scale(1, 5), { about: ['told'] }),
    question('overall', scale(1, 5), { measures: 'overall' })
], { moments: [moment('told', { critical: true })] });

describe('issue 15: a survey\'s waves', () => {
    const q1 = csv('queue,overall', '1,2', '5,5', '2,3', '1,1');
    const q2 = csv('queue,overall', '5,5', '4,4', '5,4', '2,3');

    it('reads each wave, the current one last, and the change between the last two', () => {
        const results = surveyResults(survey, [{ path: 'q1.csv', bytes: q1 }, { path: 'q2.csv', bytes: q2 }]);
        expect(results.waves.map(w => [w.path, w.figures?.wave, w.read.problems.length])).toEqual([['q1.csv', 'q1.csv', 0], ['q2.csv', 'q2.csv', 0]]);
        expect(results.current?.wave).toBe('q2.csv');
        // told: 1 of 4 top-two, then 3 of 4
        expect(results.changes).toMatchObject([{ moment: 'told', from: 0.25, to: 0.75 }]);
    });

    it('a missing file is results-unreadable, with the reason the caller gives', () => {
        const results = surveyResults(survey, [{ path: 'q1.csv', bytes: q1 }, { path: 'gone.csv', bytes: null, error: 'no such file.' }]);
        expect(results.waves[1].read).toEqual({ wave: null, problems: [{ code: 'results-unreadable', message: 'The results file gone.csv could not be read: no such file.', place: null }] });
        expect(results.waves[1].figures).toBeNull();
        // The current wave could not be read: no current figures, and no change presented as the latest.
        expect(results.current).toBeNull();
        expect(results.changes).toEqual([]);
    });

    it('one wave: figures, no change; no results lines: nothing', () => {
        const one = surveyResults(survey, [{ path: 'q1.csv', bytes: q1 }]);
        expect(one.current?.moments[0].csat?.value).toBe(0.25);
        expect(one.changes).toEqual([]);
        expect(surveyResults(survey, [])).toEqual({ plan: survey, waves: [], current: null, changes: [] });
    });
});

describe('issue 15: readResults never throws', () => {
    const every = plan([
        question('s', scale(0, 10), { measures: 'recommend' }),
        question('y', yesNo, { about: ['m'] }),
        question('c', choice('a', 'b')),
        question('n', number),
        question('t', null)
    ], { moments: [moment('m')] });

    it('on any bytes', () => {
        fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), bytes => {
            const read = readResults(bytes, every);
            expect(read.wave !== null || read.problems.length > 0).toBe(true);
        }), { seed: 20_251_202, numRuns: 2000 });
    });

    it('on CSV-like text: a real header, then cells, separators, quotes and line breaks in any order', () => {
        const piece = fc.constantFrom('s', 'y', 'c', 'n', 't', 'respondent', 'date', ',', ';', '"', '""', '\n', '\r\n', '\r', ' ', '5', '11', 'yes', 'a', '1,5', '2026-01-31', '\t', '\u0000', 'é', '\uFEFF');
        fc.assert(fc.property(fc.array(piece, { maxLength: 60 }), pieces => {
            const read = readResults(utf8(`s,y,c,n,t,respondent,date\n${pieces.join('')}`), every);
            for (const problem of read.problems) {
                expect(problem.message.length).toBeGreaterThan(0);
                if (problem.place) {
                    expect(problem.place.row).toBeGreaterThanOrEqual(1);
                    // Each record takes one line at least, so it cannot start before its row number.
                    expect(problem.place.line).toBeGreaterThanOrEqual(problem.place.row);
                }
            }
            if (read.wave) {
                for (const values of read.wave.answers.values()) expect(values).toHaveLength(read.wave.responses);
            }
        }), { seed: 20_251_202, numRuns: 2000 });
    });
});
