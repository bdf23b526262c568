import type { PlannedAnswer } from './results-types.js';
import type { Delimiter } from './delimiter.js';

/**
 * One cell against its question's answer format: the value the figures count
 * (scale: the integer; yes-no: 1 or 0; choice: its 1-based position; number: the
 * number; text: 1), or undefined when the answer does not allow it (`expectedAnswer`
 * then says what it allows). Blank cells never reach here: they are "no answer".
 * Called once per cell, a hundred thousand rows at a time: it allocates nothing.
 */
export function readCell(cell: string, answer: PlannedAnswer | null, delimiter: Delimiter): number | undefined {
    if (!answer) return 1;
    // Spaces around a value are how a hand-edited file is aligned, not part of the answer.
    const trimmed = cell.trim();
    switch (answer.kind) {
        case 'text':
            return 1;
        case 'scale': {
            const value = wholeNumber(trimmed);
            return value !== undefined && value >= answer.low && value <= answer.high ? value : undefined;
        }
        case 'yes-no':
            return yesNo(trimmed);
        case 'choice': {
            // A label first, exactly as written (then without the spaces around it):
            // a label may itself be a number, and then it is that label.
            let at = answer.options.indexOf(cell);
            if (at < 0) at = answer.options.indexOf(trimmed);
            if (at >= 0) return at + 1;
            const position = wholeNumber(trimmed);
            return position !== undefined && position >= 1 && position <= answer.options.length ? position : undefined;
        }
        case 'number':
            // A file separated by semicolons comes from a locale whose decimal mark is
            // the comma (the comma is free there, so "12,5" can only mean 12.5).
            if (DECIMAL_POINT.test(trimmed)) return Number(trimmed);
            if (delimiter === ';' && DECIMAL_COMMA.test(trimmed)) return Number(trimmed.replace(',', '.'));
            return undefined;
    }
}

/** What a question's answer allows, for the message when a cell is not that. */
export function expectedAnswer(answer: PlannedAnswer, delimiter: Delimiter): string {
    switch (answer.kind) {
        case 'scale': return `a whole number from ${answer.low} to ${answer.high} (scale ${answer.low}..${answer.high})`;
        case 'yes-no': return 'yes or no (y/n, true/false and 1/0 are read too)';
        case 'choice': return `one of its ${answer.options.length} choices, written as in the question or by number from 1 to ${answer.options.length}`;
        case 'number': return delimiter === ';' ? 'a number, such as 12 or 12,5' : 'a number, such as 12 or 12.5';
        case 'text': return 'any text';
    }
}

const DECIMAL_POINT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const DECIMAL_COMMA = /^[+-]?(\d+(,\d*)?|,\d+)$/;

/** An optionally signed run of ASCII digits (at most 9, so the value is exact), or undefined. */
function wholeNumber(text: string): number | undefined {
    let i = 0;
    let sign = 1;
    if (text.charCodeAt(0) === 45 /* - */) { sign = -1; i = 1; } else if (text.charCodeAt(0) === 43 /* + */) i = 1;
    if (i === text.length || text.length - i > 9) return undefined;
    let value = 0;
    for (; i < text.length; i++) {
        const digit = text.charCodeAt(i) - 48;
        if (digit < 0 || digit > 9) return undefined;
        value = value * 10 + digit;
    }
    return sign * value;
}

/** yes/no, y/n, true/false, 1/0, in any case. */
function yesNo(text: string): number | undefined {
    switch (text.toLowerCase()) {
        case 'yes': case 'y': case 'true': case '1': return 1;
        case 'no': case 'n': case 'false': case '0': return 0;
        default: return undefined;
    }
}
