import { nearestNames } from '../domain/nearest.js';
import { quoteCell } from './problems.js';
import type { ProblemList } from './problems.js';
import type { PlannedQuestion, SurveyPlan } from './results-types.js';

/** What each column of a results file holds, by 0-based field index. */
export type Column =
    | { readonly kind: 'question'; readonly question: PlannedQuestion; readonly values: (number | null)[] }
    | { readonly kind: 'respondent' }
    | { readonly kind: 'date' }
    /** Named, but not read: an unknown or repeated name (already reported). */
    | { readonly kind: 'ignored' }
    /** No name in the header: reported at the first row that has a value there. */
    | { readonly kind: 'unnamed' };

export interface Header {
    readonly columns: readonly Column[];
    /** True when at least one column names a question, `respondent` or `date`. */
    readonly known: boolean;
}

/** The place of a header cell: row 1, on the file's first line. */
function headerPlace(index: number) {
    return { row: 1, line: 1, column: index + 1 };
}

/**
 * Maps the header row's names to the survey's questions. Question ids come first: a
 * question named `date` is that question's column. Unknown and repeated names are
 * reported where they are, with the nearest question id suggested.
 */
export function readHeader(cells: readonly string[], plan: SurveyPlan, problems: ProblemList): Header {
    const questions = new Map(plan.questions.map(q => [q.id, q]));
    const ids = plan.questions.map(q => q.id);
    const firstColumnOf = new Map<string, number>();
    const columns: Column[] = [];
    let known = false;
    cells.forEach((cell, index) => {
        const name = cell.trim();
        if (name === '') {
            columns.push({ kind: 'unnamed' });
            return;
        }
        const first = firstColumnOf.get(name);
        if (first !== undefined) {
            columns.push({ kind: 'ignored' });
            problems.add('results-unknown-question', headerPlace(index), () =>
                `Column ${index + 1} of the header row repeats ${quoteCell(name)}, already column ${first + 1}: only column ${first + 1} is read.`);
            return;
        }
        firstColumnOf.set(name, index);
        const question = questions.get(name);
        if (question) {
            known = true;
            columns.push({ kind: 'question', question, values: [] });
        } else if (name === 'respondent' || name === 'date') {
            known = true;
            columns.push({ kind: name });
        } else {
            columns.push({ kind: 'ignored' });
            problems.add('results-unknown-question', headerPlace(index), () => {
                const nearest = nearestNames(name, ids, 1)[0];
                return `Column ${index + 1} of the header row, ${quoteCell(name)}, names no question of survey ${plan.survey}` +
                (nearest ? `: did you mean ${nearest}?` : `; its questions are ${listIds(ids)}.`) + ' Its answers are not read.';
            });
        }
    });
    return { columns, known };
}

/** "a, b and c", the first eight of them: enough to recognise the survey. */
export function listIds(ids: readonly string[]): string {
    if (ids.length === 0) return 'none';
    const shown = ids.slice(0, 8);
    const more = ids.length - shown.length;
    if (more > 0) return `${shown.join(', ')} and ${more} more`;
    return shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
