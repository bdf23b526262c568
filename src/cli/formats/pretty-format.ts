import { terminalText as safe } from '../../domain/neutralise/terminal.js';
import { countBySeverity, type SourcedFinding } from '../findings.js';
import type { Colors } from './colors.js';

export { ANSI_COLORS, NO_COLORS, type Colors } from './colors.js';

/**
 * `file:line:col severity code message`, then the source line with a caret under
 * the place, then a summary. Tabs in the source line are shown as one space so the
 * caret stays aligned. File names, messages and source lines come from files anyone
 * may have written: control characters in them are shown escaped (`safe`), and the
 * caret is placed on the escaped text.
 */
export function formatPretty(findings: readonly SourcedFinding[], fileCount: number, colors: Colors): string {
    const out: string[] = [];
    for (const f of findings) {
        const severity = f.severity === 'error' ? colors.red('error') : f.severity === 'warning' ? colors.yellow('warning') : colors.blue('info');
        out.push(`${colors.bold(`${safe(f.file)}:${f.line}:${f.column}`)} ${severity} ${colors.dim(safe(f.code))} ${safe(f.message)}`);
        const gutter = String(f.line);
        const full = f.sourceLine.replace(/\t/g, ' ');
        const fullWidth = f.endLine === f.line ? Math.max(1, f.endColumn - f.column) : Math.max(1, full.length - f.column + 1);
        const { text: source, column, width } = excerpt(full, f.column, fullWidth);
        out.push(`  ${colors.dim(gutter + ' |')} ${safe(source)}`);
        const pad = displayWidth(safe(source.substring(0, Math.max(0, column - 1))));
        const span = Math.max(1, displayWidth(safe(source.substring(Math.max(0, column - 1), column - 1 + width))));
        out.push(`  ${' '.repeat(gutter.length)} ${colors.dim('|')} ${' '.repeat(pad)}${colors.red('^'.repeat(span))}`);
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
        // A results file's problem shown again at its cell is still one problem.
        const problems = findings.filter(f => !f.echo).length;
        out.push(`${problems} ${problems === 1 ? 'problem' : 'problems'} (${parts.join(', ')}) in ${files}.`);
    }
    return out.join('\n') + '\n';
}

/** Source lines longer than this are shown as an excerpt around the caret. */
const MAX_SHOWN_LINE = 160;
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

/** Characters a terminal draws two cells wide: CJK, Hangul, full-width forms, emoji. */
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1FAFF}\u{20000}-\u{3FFFD}]/u;
const ZERO_WIDTH = /[\p{M}\u200B-\u200F\uFEFF]/u;

/**
 * How many terminal cells a text takes, so the caret sits under `网上购物` and
 * `доставка` alike: wide characters take two cells, combining marks none.
 */
export function displayWidth(text: string): number {
    let width = 0;
    for (const char of text) {
        width += ZERO_WIDTH.test(char) ? 0 : WIDE.test(char) ? 2 : 1;
    }
    return width;
}
