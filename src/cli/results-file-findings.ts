import { readFileSync } from 'node:fs';
import { URI } from 'langium';
import type { ResultsPlaceData } from '../language/validation/finding-data.js';
import type { SourcedFinding } from './findings.js';
import type { CheckedFile } from './load-workspace.js';
import { displayPath } from './read-sources.js';

/**
 * The problems of survey results files listed a second time, against the CSV itself
 * (`waves/q1.csv:4:3`), so a terminal or a code-scanning service takes the reader to
 * the cell. Each is an echo of a finding already on its `results` line: it is printed,
 * but not counted again (`echo`).
 */
export function resultsFileFindings(files: readonly CheckedFile[]): SourcedFinding[] {
    const echoes: SourcedFinding[] = [];
    const texts = new Map<string, string[] | null>();
    for (const file of files) {
        for (const diagnostic of file.diagnostics) {
            const csv = (diagnostic.data as { csv?: ResultsPlaceData } | undefined)?.csv;
            if (!csv || typeof csv.uri !== 'string') continue;
            const path = URI.parse(csv.uri).fsPath;
            let lines = texts.get(path);
            if (lines === undefined) {
                lines = readLines(path);
                texts.set(path, lines);
            }
            const sourceLine = lines?.[csv.line - 1] ?? '';
            const column = csv.column === null ? 1 : fieldStart(sourceLine, csv.column, delimiterOf(lines?.[0] ?? '')) + 1;
            const end = csv.column === null ? sourceLine.length + 1 : fieldEnd(sourceLine, column - 1, delimiterOf(lines?.[0] ?? '')) + 1;
            echoes.push({
                file: displayPath(path),
                line: csv.line,
                column,
                endLine: csv.line,
                endColumn: Math.max(end, column + 1),
                severity: diagnostic.severity === 1 ? 'error' : diagnostic.severity === 2 ? 'warning' : 'info',
                code: String(diagnostic.code),
                message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
                sourceLine,
                echo: true
            });
        }
    }
    return echoes.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

function readLines(path: string): string[] | null {
    try {
        return readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
    } catch {
        return null;
    }
}

/** The separator a results file uses, as its header line shows it: `;` when it has more of those than commas outside quotes. */
export function delimiterOf(header: string): ',' | ';' {
    let commas = 0;
    let semicolons = 0;
    let quoted = false;
    for (const char of header) {
        if (char === '"') quoted = !quoted;
        else if (!quoted && char === ',') commas++;
        else if (!quoted && char === ';') semicolons++;
    }
    return semicolons > commas ? ';' : ',';
}

/** 0-based offset where the 1-based `field` of a CSV line starts (RFC 4180 quotes: a doubled quote toggles twice). */
export function fieldStart(line: string, field: number, delimiter: string): number {
    let seen = 1;
    let quoted = false;
    for (let i = 0; i < line.length && seen < field; i++) {
        const char = line[i];
        if (char === '"') quoted = !quoted;
        else if (!quoted && char === delimiter && ++seen === field) return i + 1;
    }
    return seen === field ? 0 : line.length;
}

/** 0-based offset just after the field that starts at `start`. */
function fieldEnd(line: string, start: number, delimiter: string): number {
    let quoted = false;
    for (let i = start; i < line.length; i++) {
        const char = line[i];
        if (char === '"') quoted = !quoted;
        else if (!quoted && char === delimiter) return i;
    }
    return line.length;
}
