import type { CsvPlace, ResultsProblem, ResultsProblemCode } from './results-types.js';

/**
 * How many problems of one file are listed one by one. A file of 100,000 bad rows
 * would otherwise make a million problems, each a sentence: no reader goes past the
 * first hundreds, and an editor would choke on them. The rest are counted, per code,
 * in one closing problem each, so nothing goes unmentioned.
 */
export const MAX_LISTED_PROBLEMS = 1000;

/** A cell as messages quote it: at most 40 characters, so a pasted essay does not fill the screen. */
export function quoteCell(cell: string): string {
    const short = cell.length > 40 ? `${cell.slice(0, 40)}…` : cell;
    return `"${short}"`;
}

/** "12,345": counts in messages. */
export function count(n: number): string {
    return n.toLocaleString('en');
}

/** Collects one file's problems in file order, listing the first ones and counting the rest. */
export class ProblemList {
    private readonly listed: ResultsProblem[] = [];
    private readonly unlisted = new Map<ResultsProblemCode, { count: number; from: CsvPlace | null }>();

    add(code: ResultsProblemCode, place: CsvPlace | null, message: () => string): void {
        if (this.listed.length < MAX_LISTED_PROBLEMS) {
            this.listed.push({ code, message: message(), place });
            return;
        }
        const seen = this.unlisted.get(code);
        if (seen) seen.count++;
        else this.unlisted.set(code, { count: 1, from: place });
    }

    /** The problems, the closing counts last. */
    all(): ResultsProblem[] {
        const closing = [...this.unlisted].map(([code, { count: n, from }]): ResultsProblem => ({
            code,
            place: from,
            message: `${count(n)} more ${n === 1 ? 'problem' : 'problems'} of this kind (${code})${from ? `, from row ${count(from.row)} on,` : ''} ${n === 1 ? 'is' : 'are'} not listed one by one: only the first ${count(MAX_LISTED_PROBLEMS)} problems of a file are.`
        }));
        return [...this.listed, ...closing];
    }
}
