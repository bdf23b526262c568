/**
 * The tiny runner: checks one property with fast-check and tells what failed in a
 * form a person can replay (seed, path, the shrunk counterexample, the problems).
 */
import fc from 'fast-check';
import { stats } from './stats.js';

/**
 * A property of the project: inputs drawn from `arbitrary`, and `check`, which
 * returns the problems it saw with one input (none when the property holds).
 */
export interface FuzzProperty<T> {
    name: string;
    arbitrary: fc.Arbitrary<T>;
    check(input: T): Promise<string[]>;
    /** The input as a person reads it (default: fast-check's own rendering). */
    show?(input: T): string;
}

export interface RunOptions {
    seed: number;
    /** Inputs to try (the default run in `npm test` is a fixed number, so it is repeatable). */
    numRuns: number;
    /** Stop trying (and shrinking) after this long; the failure found so far is kept. */
    timeLimitMs: number;
    /** Replays one failure: the path fast-check printed for it. */
    path?: string;
    /** Kinds of problem (signatures) already reported: a long run looks past them for new ones. */
    known?: ReadonlySet<string>;
}

export interface PropertyReport {
    name: string;
    failed: boolean;
    seed: number;
    runs: number;
    shrinks: number;
    /** Set when it failed: what to paste to replay it, and what went wrong. */
    path: string | null;
    counterexample: string | null;
    problems: string[];
}

class PropertyFailure extends Error {
    constructor(readonly problems: string[]) {
        super(problems.join('\n'));
    }
}

/** The temporary workspace of a run, by the name it has in a report: it is gone once the run ends. */
const WORKSPACE_PATH = /(file:\/\/)?[^\s"'`]*cycle-fuzz-[a-z]+-[A-Za-z0-9]+/g;

/**
 * What kind of problem it is: its text without the details that change as an input
 * shrinks (quoted excerpts and arguments, JSON, numbers, parentheses, stack frames).
 */
export function signature(problem: string): string {
    return problem
        .replace(/^(textDocument|workspace|cycle)\/[\w/]+: /, '') // the same fault shows in every request
        .replace(WORKSPACE_PATH, '<workspace>')
        .replace(/(\n|\s\|)\s+at .*/g, '')
        .replace(/U\+[0-9A-F]{4}/g, 'U+XXXX')
        .replace(/"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|`[^`\n]*`/g, '"…"')
        .replace(/\{.*\}/gs, '{…}')
        .replace(/\([^)]*\)/g, '')
        .replace(/\d+/g, '#')
        .replace(/("…"\s*)+/g, '"…" ')
        .replace(/\s+/g, ' ')
        .trim()
        .substring(0, 160);
}

export async function runProperty<T>(property: FuzzProperty<T>, options: RunOptions): Promise<PropertyReport> {
    // Shrinking keeps to the kind of problem found first: an input that only shows
    // another kind is not a smaller example of this one.
    let target: string | null = null;
    // The time limit abandons the run under way: wait for it before going on, so that
    // its server process and files are gone before the next property starts.
    let inflight: Promise<unknown> = Promise.resolve();
    const details = await fc.check(
        fc.asyncProperty(property.arbitrary, async input => {
            stats.runs++;
            const run = property.check(input);
            inflight = run.catch(() => undefined);
            const problems = (await run).filter(p => !options.known?.has(signature(p)));
            if (problems.length === 0) return;
            target ??= signature(problems[0]);
            if (problems.some(p => signature(p) === target)) throw new PropertyFailure(problems);
        }),
        {
            seed: options.seed,
            numRuns: options.numRuns,
            path: options.path,
            plugins: [fc.interruptAfterTimeLimit(options.timeLimitMs)]
        }
    );
    await inflight;
    const error = details.errorInstance;
    return {
        name: property.name,
        failed: details.failed,
        seed: details.seed,
        runs: details.numRuns,
        shrinks: details.numShrinks,
        path: details.counterexamplePath,
        counterexample: details.counterexample ? (property.show ?? fc.stringify)((details.counterexample as [T])[0]) : null,
        problems: !details.failed ? [] : error instanceof PropertyFailure ? error.problems : [String((error as Error)?.stack ?? error)]
    };
}

/**
 * Text safe to print: control characters, bidirectional marks and odd line ends shown
 * as escapes (a counterexample's ESC would otherwise recolour the terminal reading it).
 */
export function visible(text: string): string {
    return text.replace(/(.)\1{19,}/gu, (run, c: string) => `${c}⟨×${run.length / c.length}⟩`).replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g,
        c => `\\u{${c.charCodeAt(0).toString(16)}}`);
}

/** A report as the person who must fix it reads it. */
export function formatReport(report: PropertyReport): string {
    return printable(reportText(report));
}

/** Text of a report as printed: escapes shown, temporary folders named `<workspace>`. */
export function printable(text: string): string {
    return visible(text).replace(WORKSPACE_PATH, '<workspace>');
}

function reportText(report: PropertyReport): string {
    if (!report.failed) return `✓ ${report.name}: ${report.runs} runs (seed ${report.seed})`;
    return [
        `✗ ${report.name} FAILED after ${report.runs} runs and ${report.shrinks} shrinks`,
        `  replay: npm run fuzz -- --property ${JSON.stringify(report.name)} --seed ${report.seed} --path ${JSON.stringify(report.path)}`,
        `  problems:`,
        ...report.problems.map(p => `    - ${p}`),
        `  shrunk counterexample:`,
        ...(report.counterexample ?? '').split('\n').map(line => `    ${line}`)
    ].join('\n');
}
