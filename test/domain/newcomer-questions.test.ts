import { describe, expect, it } from 'vitest';
import { isDoubleBarreled, isLeading } from '../../src/domain/question-heuristics.js';

/* The question heuristics on questions newcomers write (issue 10, item 12). */

describe('question heuristics', () => {
    it.each([
        'How likely are you to recommend us to friends and family?',
        'Were you treated with dignity and respect?',
        'Did the staff treat you with respect and dignity?',
        'Did you wait for an hour and a half?'
    ])('issue 10 item 12: %j asks about one thing (a fixed pair), not two', question => {
        expect(isDoubleBarreled(question)).toBe(false);
    });

    it.each([
        'Was the staff friendly and helpful?',
        'Did you like the food and the music?'
    ])('still flags %j, which asks about two things', question => {
        expect(isDoubleBarreled(question)).toBe(true);
    });

    it.each([
        'How satisfied were you with our excellent staff?',
        'Please rate our friendly service.',
        "Wasn't the staff friendly?",
        'Wasn’t the staff friendly?',
        "Didn't the food arrive hot?",
        'Was the staff not friendly?'
    ])('issue 10 item 12: %j suggests its answer (a loaded adjective or a negative question)', question => {
        expect(isLeading(question)).toBe(true);
    });

    it.each([
        'Was the staff friendly?',
        'How satisfied were you with our staff?',
        'Is there anything you did not like?',
        'Was the service excellent, good, fair or poor?'
    ])('does not flag %j, which is neutral', question => {
        expect(isLeading(question)).toBe(false);
    });
});
