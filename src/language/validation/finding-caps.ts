import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { MAX_PARSER_ERRORS } from '../parser/cycle-parser.js';
import type { NotListed, NotListedData } from './finding-data.js';

/*
 * How many findings one file lists. Nobody reads thousands of them, and listing them
 * all cost seconds on every keystroke: past a cap, the first ones are listed and
 * one more diagnostic says how many were left out.
 */

/** Past this many syntax errors, one more diagnostic says how many were left out. */
const MAX_SYNTAX_DIAGNOSTICS = 300;

/**
 * Past this many rule findings in one file (every code but `syntax-error`, which has
 * its own cap), the first by severity then position are listed: nobody reads 80,000
 * findings.
 */
export const MAX_RULE_FINDINGS = 1000;

function byPosition(a: Diagnostic, b: Diagnostic): number {
    return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** Errors first, then warnings, then information; each by position. */
function bySeverityThenPosition(a: Diagnostic, b: Diagnostic): number {
    return (a.severity ?? DiagnosticSeverity.Error) - (b.severity ?? DiagnosticSeverity.Error) || byPosition(a, b);
}

function countBySeverity(diagnostics: readonly Diagnostic[]): NotListed {
    let error = 0;
    let warning = 0;
    let info = 0;
    for (const d of diagnostics) {
        if ((d.severity ?? DiagnosticSeverity.Error) === DiagnosticSeverity.Error) error++;
        else if (d.severity === DiagnosticSeverity.Warning) warning++;
        else info++;
    }
    return { error, warning, info };
}

/** `3 errors, 1 warning, 2 info`, leaving out the severities that have none. */
function describeCounts({ error, warning, info }: NotListed): string {
    const parts: string[] = [];
    if (error > 0) parts.push(`${error} ${error === 1 ? 'error' : 'errors'}`);
    if (warning > 0) parts.push(`${warning} ${warning === 1 ? 'warning' : 'warnings'}`);
    if (info > 0) parts.push(`${info} info`);
    return parts.join(', ');
}

/**
 * `diagnostics` with at most {@link MAX_RULE_FINDINGS} rule findings: the first by
 * severity then position, in their original order among the syntax errors, then one
 * more diagnostic on the first finding left out, with its code and severity, saying
 * how many were left out. Its `data.notListed` has the counts by severity.
 */
export function capRuleFindings(diagnostics: readonly Diagnostic[]): Diagnostic[] {
    const findings = diagnostics.filter(d => d.code !== 'syntax-error');
    if (findings.length <= MAX_RULE_FINDINGS) return diagnostics.slice();
    const ranked = findings.sort(bySeverityThenPosition);
    const kept = new Set(ranked.slice(0, MAX_RULE_FINDINGS));
    const left = ranked.slice(MAX_RULE_FINDINGS);
    const result = diagnostics.filter(d => d.code === 'syntax-error' || kept.has(d));
    const first = left[0];
    const notListed = countBySeverity(left);
    const more = left.length === 1 ? '1 more finding is' : `${left.length} more findings are`;
    result.push({
        range: first.range,
        severity: first.severity,
        code: first.code,
        source: first.source,
        message: `${more} not listed (${describeCounts(notListed)}): a file lists at most ${MAX_RULE_FINDINGS}; fix the listed ones, then check again.`,
        data: { code: first.code, notListed } satisfies NotListedData
    });
    return result;
}

/**
 * The scanner's errors come before the parser's: when the syntax errors are cut,
 * the first few hundred by position are the ones worth fixing first. The order is
 * left alone when the list is short enough not to be cut.
 */
export function orderForSyntaxCap(diagnostics: Diagnostic[]): void {
    if (diagnostics.length > MAX_SYNTAX_DIAGNOSTICS) diagnostics.sort(byPosition);
}

/**
 * `diagnostics` with at most {@link MAX_SYNTAX_DIAGNOSTICS} syntax errors, then a
 * line after the last one listed when the parser gave up (`parserErrorCount` reached
 * {@link MAX_PARSER_ERRORS}), then one on the first syntax error left out saying how
 * many were.
 */
export function capSyntaxErrors(diagnostics: readonly Diagnostic[], parserErrorCount: number): Diagnostic[] {
    const result: Diagnostic[] = [];
    let syntaxErrors = 0;
    let omitted: Diagnostic | undefined;
    let omittedCount = 0;
    for (const diagnostic of diagnostics) {
        if (diagnostic.code === 'syntax-error' && ++syntaxErrors > MAX_SYNTAX_DIAGNOSTICS) {
            omitted ??= diagnostic;
            omittedCount++;
            continue;
        }
        result.push(diagnostic);
    }
    if (parserErrorCount >= MAX_PARSER_ERRORS) {
        const last = result.filter(d => d.code === 'syntax-error').at(-1);
        if (last) {
            result.push({
                ...last,
                message: `Reading stopped after ${MAX_PARSER_ERRORS} syntax errors: fix the ones listed, then check again to see the rest.`
            });
        }
    }
    if (omitted) {
        result.push({
            ...omitted,
            message: `${omittedCount} more syntax ${omittedCount === 1 ? 'error is' : 'errors are'} not listed: fix the ones above first.`
        });
    }
    return result;
}
