import type { Diagnostic } from 'vscode-languageserver-types';
import { isWorkspaceFinding } from './finding-data.js';

/*
 * While typing only the fast checks run; the workspace-wide findings of the last
 * full validation stay visible until the next one (on save) replaces them. Each
 * follows its line when lines are inserted or removed above it, and is dropped
 * when its line was edited, since it may no longer be true.
 */

/** A workspace-wide finding with the text of the line it sat on. */
interface CarriedFinding {
    readonly diagnostic: Diagnostic;
    readonly lineText: string;
}

function linesOf(text: string): string[] {
    return text.split(/\r\n|\r|\n/);
}

/** What the workspace-wide checks last said of each document, kept while typing. */
export class CarriedWorkspaceFindings {
    private readonly byDocument = new Map<string, CarriedFinding[]>();

    /**
     * After a full validation: its workspace-wide findings among `diagnostics`, with
     * the text of their lines, replace what was kept for the document. The findings
     * are kept as they are, not copied: the validator is still giving them their
     * codes and severities.
     */
    remember(uri: string, diagnostics: readonly Diagnostic[], text: () => string): void {
        const findings = diagnostics.filter(isWorkspaceFinding);
        // The lines are split only when there is a finding to place: most keystrokes have none.
        const lines = findings.length > 0 ? linesOf(text()) : [];
        this.byDocument.set(uri, findings.map(diagnostic => ({ diagnostic, lineText: lines[diagnostic.range.start.line] ?? '' })));
    }

    /**
     * After a validation with the fast checks only: copies of the kept findings whose
     * line still reads the same, each moved to where that line now is. The next
     * keystroke starts from there.
     */
    carry(uri: string, text: () => string): Diagnostic[] {
        const carried = this.byDocument.get(uri);
        if (!carried?.length) return [];
        const lines = linesOf(text());
        // Where each line text now stands, built once: O(lines + findings), not their product.
        const linesByText = new Map<string, number[]>();
        lines.forEach((line, index) => {
            const at = linesByText.get(line);
            if (at) at.push(index);
            else linesByText.set(line, [index]);
        });
        const kept: CarriedFinding[] = [];
        const result: Diagnostic[] = [];
        for (const finding of carried) {
            const moved = relocate(finding, lines, linesByText);
            if (!moved) continue; // its line was edited: the next full validation says it again
            kept.push({ diagnostic: moved, lineText: finding.lineText });
            result.push({ ...moved });
        }
        this.byDocument.set(uri, kept);
        return result;
    }
}

/** The finding on the line that still reads the same, nearest to where it was. */
function relocate(carried: CarriedFinding, lines: readonly string[], linesByText: ReadonlyMap<string, readonly number[]>): Diagnostic | undefined {
    const { start, end } = carried.diagnostic.range;
    let line: number | undefined;
    if (lines[start.line] === carried.lineText) {
        line = start.line;
    } else {
        const candidates = linesByText.get(carried.lineText);
        if (!candidates) return undefined;
        line = nearest(candidates, start.line);
    }
    if (line === start.line) return carried.diagnostic;
    const delta = line - start.line;
    return { ...carried.diagnostic, range: { start: { ...start, line }, end: { ...end, line: end.line + delta } } };
}

/** The value of a sorted list nearest to `target` (the earlier one on a tie). */
function nearest(sorted: readonly number[], target: number): number {
    let low = 0;
    let high = sorted.length - 1;
    while (low < high) {
        const middle = (low + high) >> 1;
        if (sorted[middle] < target) low = middle + 1;
        else high = middle;
    }
    const after = sorted[low];
    const before = sorted[low - 1];
    return before !== undefined && target - before <= after - target ? before : after;
}
