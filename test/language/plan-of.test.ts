import { describe, expect, it } from 'vitest';
import * as ast from '../../src/language/generated/ast.js';
import { planOf } from '../../src/language/results/plan-of.js';
import { check } from '../helpers.js';

const TEXT = `cycle c "C"
  goal "Done"
  moment m1 "First"
    feels 2
    quality communication
    quality courtesy
    critical
      risk "It fails"
  moment m2 "Second"
    feels 9
  area a1 "A"
    covers m2
  area a2 "B"
    covers m1
  priorities
    - a2
    - a1
  survey s "Exit"
    results "w.csv"
    question inherits "How was the first?"
      about m1
      about nowhere
      answer scale 1..5
    question own "How clear was it?"
      about m1
      quality understanding
      answer choice "A" "B"
    question ov "Overall?"
      measures overall
      answer scale 0..10
    question upside "Upside down?"
      answer scale 5..1
`;

describe('planOf: the results core view of a survey', () => {
    it('takes questions, moments, areas and priorities from the syntax tree', async () => {
        const { document } = await check(TEXT);
        const cycle = document.parseResult.value.elements.find(ast.isCycle)!;
        const plan = planOf(cycle, cycle.items.find(ast.isSurvey)!);
        expect(plan.cycle).toBe('c');
        expect(plan.survey).toBe('s');
        expect(plan.questions).toEqual([
            // an unresolved `about` does not count; no quality lines: the moment's
            { id: 'inherits', answer: { kind: 'scale', low: 1, high: 5 }, measures: 'satisfaction', about: ['m1'], qualities: ['communication', 'courtesy'] },
            // its own quality lines replace the moment's
            { id: 'own', answer: { kind: 'choice', options: ['A', 'B'] }, measures: 'satisfaction', about: ['m1'], qualities: ['understanding'] },
            { id: 'ov', answer: { kind: 'scale', low: 0, high: 10 }, measures: 'overall', about: [], qualities: [] },
            // an inverted scale (invalid-scale) is read as text
            { id: 'upside', answer: { kind: 'text' }, measures: 'satisfaction', about: [], qualities: [] }
        ]);
        // feels out of 1..5 (feels-out-of-range) is no designed feeling
        expect(plan.moments).toEqual([{ id: 'm1', critical: true, feels: 2 }, { id: 'm2', critical: false, feels: null }]);
        expect(plan.areas).toEqual([{ id: 'a1', covers: ['m2'] }, { id: 'a2', covers: ['m1'] }]);
        expect(plan.priorities).toEqual(['a2', 'a1']);
    });
});
