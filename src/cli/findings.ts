import { URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { notListedOf, type NotListed } from '../language/validation/finding-data.js';
import type { Severity } from '../language/validation/rules.js';
import type { CheckedFile } from './load-workspace.js';
import { displayPath } from './read-sources.js';

/**
 * One diagnostic as the CLI reports it: lines and columns 1-based; `endColumn` is
 * the column just after the last character (exclusive), as editors count.
 */
interface Finding {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: Severity;
    code: string;
    message: string;
}

/** Another place a finding points at (the other copy of a duplicate id). */
export interface RelatedPlace {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    message: string;
}

/** A finding with what the pretty printer and SARIF need besides. */
export interface SourcedFinding extends Finding {
    sourceLine: string;
    related?: RelatedPlace[];
    /** On the line that says how many findings a capped file left out: how many, by severity. */
    notListed?: NotListed;
    /** A finding listed a second time, at another place (a results file's cell): printed, not counted. */
    echo?: true;
}

function severityName(diagnostic: Diagnostic): Severity {
    return diagnostic.severity === 1 ? 'error' : diagnostic.severity === 2 ? 'warning' : 'info';
}

/** Every diagnostic of every file, sorted by file, then position. */
export function collectFindings(files: readonly CheckedFile[]): SourcedFinding[] {
    const findings: SourcedFinding[] = [];
    for (const file of files) {
        const lines = file.source.text.split(/\r\n|\r|\n/);
        const sorted = [...file.diagnostics].sort((a, b) =>
            a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
        for (const diagnostic of sorted) {
            findings.push({
                file: file.source.displayPath,
                line: diagnostic.range.start.line + 1,
                column: diagnostic.range.start.character + 1,
                endLine: diagnostic.range.end.line + 1,
                endColumn: diagnostic.range.end.character + 1,
                severity: severityName(diagnostic),
                code: String(diagnostic.code ?? 'unknown'),
                message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
                sourceLine: lines[diagnostic.range.start.line] ?? '',
                ...notListedField(diagnostic),
                ...(diagnostic.relatedInformation?.length ? { related: diagnostic.relatedInformation.map(info => ({
                    file: displayPath(URI.parse(info.location.uri).fsPath),
                    line: info.location.range.start.line + 1,
                    column: info.location.range.start.character + 1,
                    endLine: info.location.range.end.line + 1,
                    endColumn: info.location.range.end.character + 1,
                    message: info.message
                })) } : {})
            });
        }
    }
    return findings;
}

export function toPublicFinding(finding: SourcedFinding): Finding {
    const { file, line, column, endLine, endColumn, severity, code, message } = finding;
    return { file, line, column, endLine, endColumn, severity, code, message };
}

/**
 * How many findings of each severity there are, those a capped file left out
 * included: `--max-warnings` and the summary count what is there, not what is listed.
 */
export function countBySeverity(findings: readonly (Finding & { notListed?: NotListed; echo?: true })[]): Record<Severity, number> {
    const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const finding of findings) {
        if (finding.echo) continue;
        if (finding.notListed) {
            counts.error += finding.notListed.error;
            counts.warning += finding.notListed.warning;
            counts.info += finding.notListed.info;
        } else {
            counts[finding.severity]++;
        }
    }
    return counts;
}

function notListedField(diagnostic: Diagnostic): { notListed?: NotListed } {
    const notListed = notListedOf(diagnostic);
    return notListed ? { notListed } : {};
}
