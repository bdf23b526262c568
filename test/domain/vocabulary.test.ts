import { describe, expect, it } from 'vitest';
import { isValidCalendarDate } from '../../src/domain/dates.js';
import { editDistance, nearestNames } from '../../src/domain/nearest.js';
import { isDoubleBarreled, isLeading, looksEnglish } from '../../src/domain/question-heuristics.js';
import { CHANNEL_NAMES, QUALITY_NAMES } from '../../src/domain/vocabulary.js';

describe('question heuristics', () => {
    it.each([
        'Was the teller quick and polite?',
        'How long did you wait? Was it too long?',
        'Did the food arrive hot as well as on time?',
        'How easy was it to choose between sizes and how fast was the delivery?'
    ])('flag %j as double-barreled', question => expect(isDoubleBarreled(question)).toBe(true));

    it.each([
        'Was the amount of cash you received correct?',
        'Did you read the terms and conditions?',
        'How long did you wait between ordering and receiving your food?',
        'Apakah petugas ramah dan cepat?',
        '您对服务满意吗？还会再来吗？'
    ])('leave %j alone', question => expect(isDoubleBarreled(question)).toBe(false));

    it.each([
        "Don't you agree that our staff were friendly?",
        'How great was your meal?',
        'The wait was short, wasn\'t it?',
        'Surely the wait was acceptable?'
    ])('flag %j as leading', question => expect(isLeading(question)).toBe(true));

    it.each([
        'When you asked what to do, how politely were you answered?',
        'How would you rate the food?',
        'Как вам понравилось обслуживание?',
        'Bagaimana pelayanan kami?'
    ])('do not flag %j as leading', question => expect(isLeading(question)).toBe(false));

    it('tell English from other languages', () => {
        expect(looksEnglish('Was the food hot?')).toBe(true);
        expect(looksEnglish('Apakah makanan panas?')).toBe(false);
        expect(looksEnglish('Была ли пицца горячей?')).toBe(false);
    });
});

describe('did-you-mean', () => {
    it('counts a swap of neighbouring letters as one edit', () => {
        expect(editDistance('phnoe', 'phone')).toBe(1);
        expect(editDistance('kitten', 'sitting')).toBe(3);
    });

    it('proposes close names only', () => {
        expect(nearestNames('curtesy', QUALITY_NAMES)[0]).toBe('courtesy');
        expect(nearestNames('reliabilty', QUALITY_NAMES)[0]).toBe('reliability');
        expect(nearestNames('corr', CHANNEL_NAMES)[0]).toBe('correspondence');
        expect(nearestNames('banana', QUALITY_NAMES)).toEqual([]);
    });

    it('prefers a name that sounds like the word, and offers the other close ones after it', () => {
        expect(nearestNames('fone', CHANNEL_NAMES)).toEqual(['phone', 'none']);
        expect(nearestNames('Fone', CHANNEL_NAMES)[0]).toBe('phone');
        expect(nearestNames('acesibility', QUALITY_NAMES)[0]).toBe('accessibility');
        expect(nearestNames('curtesy', QUALITY_NAMES)).toEqual(['courtesy']);
        expect(nearestNames('ap', CHANNEL_NAMES)).toEqual(['app']);
    });
});

describe('calendar dates', () => {
    it.each([['2027-03-31', true], ['2028-02-29', true], ['2027-02-29', false], ['2027-02-30', false], ['2027-13-01', false], ['2027-04-31', false], ['2000-02-29', true], ['1900-02-29', false]])(
        '%s is valid: %s', (date, valid) => expect(isValidCalendarDate(date)).toBe(valid));
});
