import type { Diagnostic } from 'vscode-languageserver-types';
import type { FileModel } from '../model/cycle-model.js';
import { diffFiles } from './diff-cycles.js';
import type { DiagnosticChange, FileDiff } from './format-diff.js';
import { riskChanges } from './risk-changes.js';

/** One version of a file: its model and what the checker said of it. */
export interface CheckedVersion {
    model: FileModel;
    diagnostics: readonly Diagnostic[];
}

function severity(d: Diagnostic): DiagnosticChange['severity'] {
    return d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : 'info';
}

/** Diagnostics as multisets of (severity, code, message): positions move, findings do not. */
export function diagnosticChanges(file: string, before: readonly Diagnostic[], after: readonly Diagnostic[]): { introduced: DiagnosticChange[]; resolved: DiagnosticChange[] } {
    const key = (d: Diagnostic) => `${severity(d)}\u0000${String(d.code)}\u0000${String(d.message)}`;
    const toChange = (d: Diagnostic): DiagnosticChange => ({ file, severity: severity(d), code: String(d.code), message: String(d.message) });
    const unmatched = (from: readonly Diagnostic[], against: readonly Diagnostic[]) => {
        const counts = new Map<string, number>();
        for (const d of against) counts.set(key(d), (counts.get(key(d)) ?? 0) + 1);
        return from.filter(d => {
            const left = counts.get(key(d)) ?? 0;
            if (left > 0) {
                counts.set(key(d), left - 1);
                return false;
            }
            return true;
        }).map(toChange);
    };
    return { introduced: unmatched(after, before), resolved: unmatched(before, after) };
}

/** Everything the pull-request tools say about one file's change. */
export function fileDiff(file: string, status: FileDiff['status'], before: CheckedVersion | undefined, after: CheckedVersion | undefined): FileDiff {
    const changes = diffFiles(before?.model ?? null, after?.model ?? null);
    return {
        file, status, changes,
        risks: riskChanges(before?.model ?? null, after?.model ?? null, changes),
        ...diagnosticChanges(file, before?.diagnostics ?? [], after?.diagnostics ?? [])
    };
}
