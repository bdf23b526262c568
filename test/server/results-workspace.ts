import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * A workspace on disk for the tests that run the real server against survey results:
 * one cycle, `c.cycle`, whose survey `s` reads its answers from `answers/w.csv` (one
 * question, `q1`, on a 1..5 scale about the critical moment `m1`). The answers file is
 * written and removed by the test, as a user's tool would, to see the server follow it.
 */
export const RESULTS_CYCLE = `cycle c "C"
  goal "Done"
  moment m1 "First"
    critical
      risk "r"
      prevent "p"
  moment m2 "Second"
  survey s "Exit"
    results "answers/w.csv"
    question q1 "How was it?"
      about m1
      answer scale 1..5
`;

/** The path of the answers file, relative to the workspace, as the cycle names it. */
export const ANSWERS = 'answers/w.csv';

export interface ResultsWorkspace {
    readonly folder: string;
    /** The `file:` URI of a path relative to the folder. */
    uriOf(name: string): string;
    /** The cycle's URI (`c.cycle`, written when the workspace is made). */
    readonly cycle: string;
    /** The answers file's URI. */
    readonly answers: string;
    /** Writes the answers file, creating its folder: a `q1` column of these values, one respondent a row. */
    writeAnswers(values: readonly number[]): void;
    removeAnswers(): void;
}

/** A fresh folder under the system's temporary one (`prefix` names it), holding the cycle and no answers yet. */
export function resultsWorkspace(prefix: string): ResultsWorkspace {
    const folder = mkdtempSync(join(tmpdir(), prefix));
    const uriOf = (name: string): string => pathToFileURL(join(folder, name)).toString();
    writeFileSync(join(folder, 'c.cycle'), RESULTS_CYCLE);
    return {
        folder,
        uriOf,
        cycle: uriOf('c.cycle'),
        answers: uriOf(ANSWERS),
        writeAnswers(values) {
            mkdirSync(join(folder, 'answers'), { recursive: true });
            writeFileSync(join(folder, ANSWERS), ['q1', ...values.map(String)].join('\n') + '\n');
        },
        removeAnswers() {
            rmSync(join(folder, ANSWERS));
        }
    };
}
