import { GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import type { Diagnostic, DiagnosticRelatedInformation, Range } from 'vscode-languageserver-types';
import * as ast from '../generated/ast.js';
import { MAX_LISTED_PROBLEMS, resultsFindings } from '../../results/index.js';
import type { FindingTarget, ResultsProblem, SurveySettings } from '../../results/results-types.js';
import type { ResultsPlaceData } from '../validation/finding-data.js';
import { firstTokenRange } from '../validation/report.js';
import { RULES, type RuleCode } from '../validation/rules.js';
import { surveysOf, type ResultsFiles } from './results-files.js';

/** How many `answer-out-of-scale` findings one file shows before one "and N more". */
export const OUT_OF_SCALE_SHOWN = 20;

const SEVERITY = { error: 1, warning: 2, info: 3 } as const;

/**
 * What the survey results files of a document say: the problems of every wave's file
 * on its `results` line (with the place in the CSV as related information and in the
 * data, for `cycle check`), and the rules' findings on the current (last) wave, each
 * on the line it is about. Codes and default severities only: the document validator
 * applies `cycle.config.json` and `# ignore:` comments as for every other finding.
 */
export async function resultsDiagnostics(files: ResultsFiles, document: LangiumDocument<ast.Document>, settings: SurveySettings): Promise<Diagnostic[]> {
    const diagnostics: Diagnostic[] = [];
    for (const { cycle, survey } of surveysOf(document)) {
        const lines = files.linesOf(document, survey);
        if (lines.length === 0) continue;
        const results = await files.resultsOf(document, cycle, survey);
        results.waves.forEach((wave, index) => {
            const line = lines[index];
            if (!line) return;
            const range = propertyRange(line.node, 'path');
            if (!range) return;
            // The core lists the first MAX_LISTED_PROBLEMS problems, then one closing count per code.
            const listed = wave.read.problems.slice(0, MAX_LISTED_PROBLEMS);
            const closing = wave.read.problems.slice(MAX_LISTED_PROBLEMS);
            let outOfScale = 0;
            for (const problem of listed) {
                if (problem.code === 'answer-out-of-scale' && ++outOfScale > OUT_OF_SCALE_SHOWN) continue;
                diagnostics.push(problemDiagnostic(problem, line.path, line.uri.toString(), range));
            }
            let more = Math.max(0, outOfScale - OUT_OF_SCALE_SHOWN);
            for (const problem of closing) {
                if (problem.code === 'answer-out-of-scale') more += countOf(problem.message);
                else diagnostics.push(problemDiagnostic(problem, line.path, line.uri.toString(), range));
            }
            if (more > 0) {
                diagnostics.push(finding('answer-out-of-scale', range,
                    `${line.path}: and ${more} more ${more === 1 ? 'value' : 'values'} the questions' answers do not allow (the first ${OUT_OF_SCALE_SHOWN} are listed).`));
            }
        });
        if (!results.current) continue;
        for (const found of resultsFindings(results.plan, results.current, settings)) {
            const range = targetRange(cycle, survey, found.target);
            if (range) diagnostics.push(finding(found.code, range, found.message));
        }
    }
    return diagnostics;
}

/** The count a closing problem starts with ("12,345 more problems of this kind…"). */
function countOf(message: string): number {
    const digits = /^([\d,]+)/.exec(message)?.[1];
    return digits ? Number(digits.replace(/,/g, '')) : 1;
}

function problemDiagnostic(problem: ResultsProblem, path: string, csvUri: string, range: Range): Diagnostic {
    // The core's sentence names the file when the file as a whole is at fault; otherwise say which file.
    const message = problem.message.includes(path) ? problem.message : `${path}: ${problem.message}`;
    if (!problem.place) return finding(problem.code, range, message);
    const csv: ResultsPlaceData = { uri: csvUri, path, row: problem.place.row, line: problem.place.line, column: problem.place.column };
    const at = { line: problem.place.line - 1, character: 0 };
    const related: DiagnosticRelatedInformation[] = [{ location: { uri: csvUri, range: { start: at, end: at } }, message: problem.message }];
    return { ...finding(problem.code, range, message, { csv }), relatedInformation: related };
}

function finding(code: RuleCode, range: Range, message: string, extras: object = {}): Diagnostic {
    return { range, message, severity: SEVERITY[RULES[code].severity], code, source: 'cycle', data: { ...extras, code } };
}

/** Where a finding sits: a moment's id, its `feels` line, a question's id, the `priorities` keyword. */
function targetRange(cycle: ast.Cycle, survey: ast.Survey, target: FindingTarget): Range | undefined {
    switch (target.kind) {
        case 'moment': {
            const moment = cycle.items.filter(ast.isMoment).find(m => m.name === target.moment);
            return moment && propertyRange(moment, 'name');
        }
        case 'feels': {
            const moment = cycle.items.filter(ast.isMoment).find(m => m.name === target.moment);
            const feels = moment?.items.find(ast.isFeels);
            return feels?.$cstNode?.range ?? (moment && propertyRange(moment, 'name'));
        }
        case 'question': {
            const question = survey.items.find(q => q.name === target.question);
            return question && propertyRange(question, 'name');
        }
        case 'priorities': {
            const priorities = cycle.items.find(ast.isPriorities);
            return priorities && firstTokenRange(priorities);
        }
    }
    return undefined;
}

function propertyRange(node: AstNode, property: string): Range | undefined {
    return GrammarUtils.findNodeForProperty(node.$cstNode, property)?.range ?? node.$cstNode?.range;
}
