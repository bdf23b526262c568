import { countBySeverity, type SourcedFinding } from '../findings.js';

export interface Colors {
    red(text: string): string;
    yellow(text: string): string;
    blue(text: string): string;
    dim(text: string): string;
    bold(text: string): string;
}

const wrap = (open: number, close: number) => (text: string): string => `\u001b[${open}m${text}\u001b[${close}m`;

export const ANSI_COLORS: Colors = {
    red: wrap(31, 39), yellow: wrap(33, 39), blue: wrap(34, 39), dim: wrap(2, 22), bold: wrap(1, 22)
};

export const NO_COLORS: Colors = { red: t => t, yellow: t => t, blue: t => t, dim: t => t, bold: t => t };

/**
 * `file:line:col severity code message`, then the source line with a caret under
 * the place, then a summary. Tabs in the source line are shown as one space so the
 * caret stays aligned.
 */
export function formatPretty(findings: readonly SourcedFinding[], fileCount: number, colors: Colors): string {
    const out: string[] = [];
    for (const f of findings) {
        const severity = f.severity === 'error' ? colors.red('error') : f.severity === 'warning' ? colors.yellow('warning') : colors.blue('info');
        out.push(`${colors.bold(`${f.file}:${f.line}:${f.column}`)} ${severity} ${colors.dim(f.code)} ${f.message}`);
        const gutter = String(f.line);
        const full = f.sourceLine.replace(/\t/g, ' ');
        const fullWidth = f.endLine === f.line ? Math.max(1, f.endColumn - f.column) : Math.max(1, full.length - f.column + 1);
        const { text: source, column, width } = excerpt(full, f.column, fullWidth);
        out.push(`  ${colors.dim(gutter + ' |')} ${source}`);
        out.push(`  ${' '.repeat(gutter.length)} ${colors.dim('|')} ${' '.repeat(Math.max(0, column - 1))}${colors.red('^'.repeat(width))}`);
    }
    const counts = countBySeverity(findings);
    const files = `${fileCount} ${fileCount === 1 ? 'file' : 'files'}`;
    if (findings.length === 0) {
        out.push(`No problems in ${files}.`);
    } else {
        const parts = [
            `${counts.error} ${counts.error === 1 ? 'error' : 'errors'}`,
            `${counts.warning} ${counts.warning === 1 ? 'warning' : 'warnings'}`,
            `${counts.info} info`
        ];
        if (out.length > 0) out.push('');
        out.push(`${findings.length} ${findings.length === 1 ? 'problem' : 'problems'} (${parts.join(', ')}) in ${files}.`);
    }
    return out.join('\n') + '\n';
}

/** Source lines longer than this are shown as an excerpt around the caret. */
export const MAX_SHOWN_LINE = 160;
const CONTEXT_BEFORE = 40;

/**
 * The part of a very long line worth showing: a line of a generated or pasted file
 * can hold megabytes, and echoing it whole buries the findings.
 */
export function excerpt(line: string, column: number, width: number): { text: string; column: number; width: number } {
    if (line.length <= MAX_SHOWN_LINE) return { text: line, column, width };
    const start = Math.max(0, column - 1 - CONTEXT_BEFORE);
    const end = Math.min(line.length, start + MAX_SHOWN_LINE);
    const head = start > 0 ? '…' : '';
    const tail = end < line.length ? '…' : '';
    const shownColumn = column - start + head.length;
    const shownWidth = Math.max(1, Math.min(width, end - (column - 1)));
    return { text: head + line.substring(start, end) + tail, column: shownColumn, width: shownWidth };
}
