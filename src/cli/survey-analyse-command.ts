import { dirname, resolve } from 'node:path';
import type { LangiumDocument } from 'langium';
import { jsonText } from '../domain/neutralise/json.js';
import { terminalText as safe } from '../domain/neutralise/terminal.js';
import { analysisJson, analysisMarkdown, analysisText, type SurveyAnalysis } from '../export/survey-analysis.js';
import type * as ast from '../language/generated/ast.js';
import { planOf } from '../language/results/plan-of.js';
import { loadSurveyResults } from '../model/load-survey-results.js';
import type { CycleCoreServices } from '../model/services.js';
import { MAX_RESULTS_BYTES, surveyResults } from '../results/index.js';
import type { ResultsProblem, SurveyPlan, SurveyResults } from '../results/results-types.js';
import type { CommandIo } from './check-command.js';
import { chooseSurvey } from './choose-survey.js';
import { CliError, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './cli-error.js';
import { displayWidth } from './formats/pretty-format.js';
import { loadOneFile } from './load-one-file.js';
import { isReadFailure, readRegularFile, type ReadFailure } from './read-file.js';
import { displayPath as displayPathOf } from './read-sources.js';
import { delimiterOf, fieldStart } from './results-file-findings.js';

export type AnalyseFormat = 'text' | 'markdown' | 'json';

export interface SurveyAnalyseOptions {
    results?: string[];
    format: AnalyseFormat;
    cycle?: string;
    survey?: string;
}

const USAGE = 'cycle survey analyse reads the results of one survey of one .cycle file (cycle survey analyse FILE [--results CSV...]).';
/** Problems shown per file: past a few dozen, the file is wrong as a whole and more lines only scroll the first away. */
const PROBLEMS_SHOWN = 20;

function failureText(failure: ReadFailure): string {
    switch (failure.kind) {
        case 'missing': return 'no such file';
        case 'loop': return 'a loop of symbolic links';
        case 'folder': return 'it is a folder, not a file';
        case 'special': return `it is ${failure.what}, not a regular file`;
        case 'too-large': return `it is ${Math.round(failure.size / (1024 * 1024))} MB, more than the ${MAX_RESULTS_BYTES / (1024 * 1024)} MB a results file may be`;
        default: return failure.reason;
    }
}

/**
 * The waves `--results` names, read from the current folder in the order given (time
 * order), against the plan of the chosen survey. A file that cannot be read at all is
 * refused before anything is analysed: it was typed on this command line, so it is a
 * usage error, not a finding.
 */
function resultsGiven(plan: SurveyPlan, paths: readonly string[]): SurveyResults {
    const files = paths.map(path => {
        if (path === '') throw new CliError('--results was given an empty path: name a results file (.csv).', EXIT_USAGE);
        const bytes = readRegularFile(path, MAX_RESULTS_BYTES);
        if (isReadFailure(bytes)) throw new CliError(`cannot read ${safe(path)}: ${failureText(bytes)}.`, EXIT_USAGE);
        return { path, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
    });
    return surveyResults(plan, files);
}

/** The chosen survey in the syntax tree, which the language's plan and results reader take. */
function surveyNode(document: LangiumDocument, cycleId: string, surveyId: string): { cycle: ast.Cycle; survey: ast.Survey } {
    for (const element of (document.parseResult.value as ast.Document).elements) {
        if (element.$type !== 'Cycle' || (element as ast.Cycle).name !== cycleId) continue;
        const cycle = element as ast.Cycle;
        const survey = cycle.items.find((item): item is ast.Survey => item.$type === 'Survey' && (item as ast.Survey).name === surveyId);
        if (survey) return { cycle, survey };
    }
    throw new CliError(`survey ${safe(surveyId)} of ${safe(cycleId)} is not in the file as parsed.`, EXIT_USAGE);
}

/**
 * The survey's results: its own `results` lines, through the loader every face uses (the
 * language's reader, relative to the `.cycle` file, as `cycle check` and the editor read
 * them), or the `--results` files read against the language's plan of the survey.
 */
async function resultsOf(services: CycleCoreServices, document: LangiumDocument, cycleId: string, surveyId: string, given: readonly string[]): Promise<SurveyResults> {
    if (given.length > 0) {
        const { cycle, survey } = surveyNode(document, cycleId, surveyId);
        return resultsGiven(planOf(cycle, survey), given);
    }
    const own = (await loadSurveyResults(services, document)).get(cycleId)?.find(r => r.plan.survey === surveyId);
    if (!own) throw new CliError(`survey ${safe(surveyId)} of ${safe(cycleId)} has no results line that names a file.`, EXIT_USAGE);
    return own;
}

/** A results file's lines, to find where a cell starts; null when it cannot be read now. */
function csvLines(path: string): string[] | null {
    const bytes = readRegularFile(path, MAX_RESULTS_BYTES);
    if (isReadFailure(bytes)) return null;
    return bytes.toString('utf8').replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

/**
 * `file.csv:line:col: message (code)`, placed as `cycle check` places it: the line where
 * the record starts and the character column where the cell starts, so a terminal's
 * link lands on the cell; the message itself names the row and column as a
 * spreadsheet counts them.
 */
function problemLines(path: string, shown: string, problems: readonly ResultsProblem[]): string[] {
    let lines: string[] | null | undefined;
    return problems.map(problem => {
        let place = '';
        if (problem.place) {
            lines ??= csvLines(path);
            const text = lines?.[problem.place.line - 1] ?? '';
            const column = problem.place.column === null ? 1 : fieldStart(text, problem.place.column, delimiterOf(lines?.[0] ?? '')) + 1;
            place = `:${problem.place.line}:${column}`;
        }
        return `${safe(shown)}${place}: ${safe(problem.message)} (${problem.code})`;
    });
}

/**
 * The wave the changes are measured from: the one before the current wave, or, when the
 * core measured the changes across a wave it could not read, the last one it could.
 */
function earlierWave(results: SurveyResults): string | null {
    const waves = results.waves;
    if (results.changes.length === 0) return waves[waves.length - 2]?.figures ? waves[waves.length - 2].path : null;
    for (let i = waves.length - 2; i >= 0; i--) if (waves[i].figures) return waves[i].path;
    return null;
}

/**
 * `cycle survey analyse FILE [--results CSV...] [--format text|markdown|json]`: the
 * figures of the survey's current wave, and with two or more waves each moment's CSAT
 * change. Problems in a results file are printed with `file.csv:row:col` and make the
 * exit status 1; the figures of what could be read are still printed.
 */
export async function runSurveyAnalyse(file: string, options: SurveyAnalyseOptions, io: CommandIo): Promise<number> {
    const { displayPath, model, checked, services } = await loadOneFile(file, USAGE, 'analyse');
    const { cycle, survey } = chooseSurvey(model, displayPath, options.cycle, options.survey);
    const given = options.results ?? [];
    if (given.length === 0 && survey.results.length === 0) {
        throw new CliError(`survey ${safe(survey.id)} of ${safe(displayPath)} has no results yet: add a line \`results "answers.csv"\` to it, or name the files with --results answers.csv.`, EXIT_USAGE);
    }
    const results = await resultsOf(services, checked.document, cycle.id, survey.id, given);

    let problems = 0;
    for (const wave of results.waves) {
        const list = wave.read.problems;
        if (list.length === 0) continue;
        problems += list.length;
        // `--results` paths are the current folder's; a `results` line's, the .cycle file's.
        const path = given.length > 0 ? wave.path : resolve(dirname(checked.source.absolutePath), wave.path);
        const shown = given.length > 0 ? wave.path : displayPathOf(path);
        for (const line of problemLines(path, shown, list.slice(0, PROBLEMS_SHOWN))) io.err(`cycle: ${line}\n`);
        if (list.length > PROBLEMS_SHOWN) io.err(`cycle: ${safe(shown)}: ${list.length - PROBLEMS_SHOWN} more problems not shown.\n`);
    }
    const current = results.current;
    if (!current) {
        const last = results.waves[results.waves.length - 1];
        throw new CliError(`the current wave, ${safe(last?.path ?? '')}, could not be read: nothing to analyse.`, EXIT_FINDINGS);
    }
    const analysis: SurveyAnalysis = {
        figures: current,
        waves: results.waves.map(w => w.path),
        changes: results.waves.length >= 2 ? results.changes : null,
        earlier: results.waves.length >= 2 ? earlierWave(results) : null,
        asked: results.plan.questions.flatMap(q => q.about)
    };
    switch (options.format) {
        case 'json': io.out(jsonText(analysisJson(analysis)) + '\n'); break;
        case 'markdown': io.out(analysisMarkdown(analysis)); break;
        default: io.out(analysisText(analysis, displayWidth));
    }
    return problems > 0 ? EXIT_FINDINGS : EXIT_OK;
}
