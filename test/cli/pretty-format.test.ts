import { describe, expect, it } from 'vitest';
import { displayWidth, excerpt, formatPretty, NO_COLORS } from '../../src/cli/formats/pretty-format.js';
import type { SourcedFinding } from '../../src/cli/findings.js';

function finding(sourceLine: string, column: number, endColumn: number): SourcedFinding {
    return { file: 'a.cycle', line: 3, column, endLine: 3, endColumn, severity: 'warning', code: 'critical-unmitigated', message: 'm', sourceLine };
}

describe('pretty output', () => {
    it('puts the caret under wide characters as a terminal draws them', () => {
        const line = '  moment 付款 "用户付款"';
        const [, source, caret] = formatPretty([finding(line, 10, 12)], 1, NO_COLORS).split('\n');
        expect(source).toBe('  3 | ' + line);
        // `moment ` is 9 cells from the start of the line, the two Han characters 4.
        expect(caret).toBe('    | ' + ' '.repeat(9) + '^^^^');
    });

    it('counts combining marks as no cell and Latin or Cyrillic letters as one', () => {
        expect(displayWidth('cafe\u0301')).toBe(4);
        expect(displayWidth('доставка')).toBe(8);
        expect(displayWidth('网上购物')).toBe(8);
    });

    it('shows a long line as an excerpt with the caret still on its place', () => {
        const line = 'x'.repeat(500) + 'HERE' + 'y'.repeat(500);
        const shown = excerpt(line, 501, 4);
        expect(shown.text.length).toBeLessThan(200);
        expect(shown.text.substring(shown.column - 1, shown.column - 1 + shown.width)).toBe('HERE');
        expect(excerpt('short', 2, 3)).toEqual({ text: 'short', column: 2, width: 3 });
    });
});
