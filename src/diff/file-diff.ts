import type { Diagnostic } from 'vscode-languageserver-types';
import type { FileModel } from '../model/cycle-model.js';
import { diffFiles, type Change } from './diff-cycles.js';
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

/**
 * The renames a diff found, old id → new id. An old id that two renames claim (a role
 * and a moment sharing it, say) is left out: which one a message means is unknown.
 */
export function renamesOf(changes: readonly Change[]): Map<string, string> {
    const renames = new Map<string, string>();
    const ambiguous = new Set<string>();
    for (const c of changes) {
        if (c.change !== 'changed' || typeof c.before?.id !== 'string' || typeof c.after?.id !== 'string' || c.before.id === c.after.id) continue;
        const [from, to] = [c.before.id, c.after.id];
        if (renames.has(from) && renames.get(from) !== to) ambiguous.add(from);
        renames.set(from, to);
    }
    for (const id of ambiguous) renames.delete(id);
    return renames;
}

/** A message with every renamed id (written as a code span, as messages write ids) in its new name. */
function followRenames(message: string, renames: ReadonlyMap<string, string>): string {
    if (renames.size === 0) return message;
    return message.replace(/`([^`]+)`/g, (span, id: string) => (renames.has(id) ? `\`${renames.get(id)}\`` : span));
}

/**
 * Diagnostics as multisets of (severity, code, message): positions move, findings do
 * not. The old messages are read with renamed ids in their new names, so renaming a
 * moment does not resolve its warnings and introduce them again.
 */
export function diagnosticChanges(file: string, before: readonly Diagnostic[], after: readonly Diagnostic[], renames: ReadonlyMap<string, string> = new Map()): { introduced: DiagnosticChange[]; resolved: DiagnosticChange[] } {
    const key = (d: Diagnostic, rename: boolean) => `${severity(d)}\u0000${String(d.code)}\u0000${rename ? followRenames(String(d.message), renames) : String(d.message)}`;
    const toChange = (d: Diagnostic): DiagnosticChange => ({ file, severity: severity(d), code: String(d.code), message: String(d.message) });
    const unmatched = (from: readonly Diagnostic[], fromIsOld: boolean, against: readonly Diagnostic[]) => {
        const counts = new Map<string, number>();
        for (const d of against) counts.set(key(d, !fromIsOld), (counts.get(key(d, !fromIsOld)) ?? 0) + 1);
        return from.filter(d => {
            const left = counts.get(key(d, fromIsOld)) ?? 0;
            if (left > 0) {
                counts.set(key(d, fromIsOld), left - 1);
                return false;
            }
            return true;
        }).map(toChange);
    };
    return { introduced: unmatched(after, false, before), resolved: unmatched(before, true, after) };
}

/** Everything the pull-request tools say about one file's change. */
export function fileDiff(file: string, status: FileDiff['status'], before: CheckedVersion | undefined, after: CheckedVersion | undefined): FileDiff {
    const changes = diffFiles(before?.model ?? null, after?.model ?? null);
    return {
        file, status, changes,
        risks: riskChanges(before?.model ?? null, after?.model ?? null, changes),
        ...diagnosticChanges(file, before?.diagnostics ?? [], after?.diagnostics ?? [], renamesOf(changes))
    };
}
