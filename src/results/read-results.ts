import Papa from 'papaparse';
import { isValidCalendarDate } from '../domain/dates.js';
import { nearestNames } from '../domain/nearest.js';
import { expectedAnswer, readCell } from './answer-values.js';
import { decodeResultsText } from './csv-text.js';
import { guessDelimiter, type Delimiter } from './delimiter.js';
import { listIds, readHeader, type Column } from './header.js';
import { ProblemList, count, quoteCell } from './problems.js';
import type { CsvPlace, ReadResults, SurveyPlan } from './results-types.js';

/**
 * Reads one wave of a survey's answers: a CSV file (UTF-8, comma or semicolon
 * separated, RFC 4180 quoting, a header row naming the columns) checked against the
 * survey's questions. Never throws: whatever the bytes, the answer is a wave (maybe
 * with problems) or no wave and the reason. A value a question does not allow is
 * reported with its row and column and counted as blank; a row whose cells cannot be
 * matched to the columns (too many cells, a broken quote) is reported and left out.
 */
export function readResults(bytes: Uint8Array, plan: SurveyPlan): ReadResults {
    const decoded = decodeResultsText(bytes);
    if ('unreadable' in decoded) return unreadable(decoded.unreadable);
    const text = decoded.text;
    if (text.trim() === '') {
        return unreadable(`The results file is empty: it needs a header row naming its columns, such as ${exampleHeader(plan)}, then one row per respondent.`);
    }
    const guess = guessDelimiter(text);
    const reader = new WaveReader(text, guess.delimiter, plan);
    let headerless: string | undefined;
    // papaparse: RFC 4180 quoting (a quoted cell may hold the separator, a line break
    // and doubled quotes), the separator we chose, and one record at a time, so each
    // record's offset in the text is known for its line number.
    Papa.parse<string[]>(text, {
        delimiter: guess.delimiter,
        newline: '\n',
        quoteChar: '"',
        escapeChar: '"',
        step: (result, parser) => {
            if (!reader.record(result.data, result.errors.length > 0 ? result.errors[0].code : null, result.meta.cursor)) {
                headerless = reader.headerlessMessage(result.data, guess.other);
                parser.abort();
            }
        }
    });
    if (headerless !== undefined) return unreadable(headerless);
    return reader.finish();
}

function unreadable(message: string): ReadResults {
    return { wave: null, problems: [{ code: 'results-unreadable', message, place: null }] };
}

/** "respondent,date,overall-sat,queue-clear": the header a results file of this survey starts with. */
function exampleHeader(plan: SurveyPlan): string {
    return ['respondent', 'date', ...plan.questions.slice(0, 4).map(q => q.id)].join(',');
}

/** Follows the records as papaparse gives them: the header first, then one respondent per record. */
class WaveReader {
    private readonly problems = new ProblemList();
    private columns: readonly Column[] = [];
    /** Records seen, the header included: the current record's row number. */
    private row = 0;
    private responses = 0;
    /** Where the current record starts in the text, and where the next one does. */
    private recordStart = 0;
    private nextStart = 0;
    /** Line counting, moved forward only as far as a problem needs: each character is counted once. */
    private countedTo = 0;
    private countedLine = 1;
    /** Unnamed columns already reported (once each, at the first row with a value there). */
    private readonly reportedUnnamed = new Set<number>();
    private readonly goodDates = new Set<string>();

    constructor(private readonly text: string, private readonly delimiter: Delimiter, private readonly plan: SurveyPlan) {}

    /** Takes one record; false when it is the header and names nothing known (reading stops). */
    record(cells: string[], quoteError: string | null, cursor: number): boolean {
        this.row++;
        this.recordStart = this.nextStart;
        this.nextStart = cursor;
        if (this.row === 1) {
            const header = readHeader(cells, this.plan, this.problems);
            this.columns = header.columns;
            return header.known;
        }
        if (allBlank(cells)) return true; // a blank line or an empty spreadsheet row: no respondent
        if (quoteError !== null) {
            this.problems.add('results-unreadable', this.place(null), () => quoteMessage(this.row, quoteError));
            return true;
        }
        const width = this.columns.length;
        if (cells.length > width) {
            let extra = width;
            while (extra < cells.length && isBlank(cells[extra])) extra++;
            if (extra < cells.length) {
                this.problems.add('results-unreadable', this.place(extra + 1), () =>
                    `Row ${count(this.row)} has ${count(cells.length)} cells, but the header row names ${count(width)} columns (cell ${count(extra + 1)} holds ${quoteCell(cells[extra])}): ` +
                    `an answer holding a ${this.delimiter === ',' ? 'comma' : 'semicolon'} must be in quotes ("like${this.delimiter} this"). The row is left out.`);
                return true;
            }
        }
        this.responses++;
        for (let index = 0; index < width; index++) {
            const cell = index < cells.length ? cells[index] : '';
            const column = this.columns[index];
            if (column.kind === 'question') {
                if (isBlank(cell)) {
                    column.values.push(null);
                    continue;
                }
                const answer = column.question.answer;
                const value = readCell(cell, answer, this.delimiter);
                column.values.push(value ?? null);
                if (value === undefined && answer) {
                    const question = column.question.id;
                    this.problems.add('answer-out-of-scale', this.place(index + 1), () =>
                        `Row ${count(this.row)}, column ${index + 1}: ${quoteCell(cell.trim())} is no answer to question ${question}, ` +
                        `which takes ${expectedAnswer(answer, this.delimiter)}; it is counted as blank.`);
                }
            } else if (column.kind === 'date') {
                // A wave's rows share a few dozen dates: each good one is checked once.
                if (this.goodDates.has(cell) || isBlank(cell)) continue;
                if (isValidCalendarDate(cell.trim())) {
                    if (this.goodDates.size < 10_000) this.goodDates.add(cell);
                    continue;
                }
                this.problems.add('answer-out-of-scale', this.place(index + 1), () =>
                    `Row ${count(this.row)}, column ${index + 1}: ${quoteCell(cell.trim())} is not a date written YYYY-MM-DD, as the date column takes.`);
            } else if (column.kind === 'unnamed' && !isBlank(cell) && !this.reportedUnnamed.has(index)) {
                this.reportedUnnamed.add(index);
                this.problems.add('results-unknown-question', this.place(index + 1), () =>
                    `Row ${count(this.row)}, column ${index + 1} holds ${quoteCell(cell.trim())}, but column ${index + 1} has no name in the header row: ` +
                    `name it after a question of survey ${this.plan.survey} (${listIds(this.plan.questions.map(q => q.id))}). Its answers are not read.`);
            }
        }
        return true;
    }

    /** Why a first row that names nothing known is no header, and what one looks like. */
    headerlessMessage(cells: readonly string[], other: 'tabs' | 'vertical bars' | null): string {
        if (other !== null) {
            return `The header row is separated by ${other}: a results file separates its cells by commas or semicolons (save it as CSV), ` +
                `so ${quoteCell(cells[0] ?? '')} is read as one column that names no question of survey ${this.plan.survey}.`;
        }
        const shown = cells.slice(0, 6).map(cell => quoteCell(cell.trim())).join(', ') + (cells.length > 6 ? ', …' : '');
        const ids = this.plan.questions.map(q => q.id);
        const meant = [...new Set(cells.slice(0, 8).flatMap(cell => nearestNames(cell.trim(), ids, 1)))];
        return `The first row (${shown}) names no question of survey ${this.plan.survey}, nor respondent or date: ` +
            `a results file starts with a header row naming its columns, such as ${exampleHeader(this.plan)}` +
            (meant.length > 0 ? ` (did you mean ${listIds(meant)}?)` : '') + '.';
    }

    finish(): ReadResults {
        const answers = new Map<string, readonly (number | null)[]>();
        for (const column of this.columns) {
            if (column.kind === 'question') answers.set(column.question.id, column.values);
        }
        return { wave: { responses: this.responses, answers }, problems: this.problems.all() };
    }

    /** The current record's place; its line is counted from where the last count stopped. */
    private place(column: number | null): CsvPlace {
        for (let i = this.countedTo; i < this.recordStart; i++) {
            if (this.text.charCodeAt(i) === 10) this.countedLine++;
        }
        this.countedTo = Math.max(this.countedTo, this.recordStart);
        return { row: this.row, line: this.countedLine, column };
    }
}

function quoteMessage(row: number, code: string): string {
    if (code === 'MissingQuotes') {
        return `Row ${count(row)} opens a quoted cell that is never closed, so the rest of the file reads as that one cell: ` +
            'close the quote, and double any quote mark inside a quoted cell (""). The row is left out.';
    }
    return `Row ${count(row)} has a quote mark in a cell that is not quoted as a whole: put the whole cell in quotes and double ` +
        'the quote marks inside it ("She said ""no"""). The row is left out.';
}

/** A cell with nothing but spaces: no answer. */
function isBlank(cell: string): boolean {
    return cell.length === 0 || cell.trim().length === 0;
}

function allBlank(cells: readonly string[]): boolean {
    for (const cell of cells) {
        if (!isBlank(cell)) return false;
    }
    return true;
}
