import { toPublicFinding, type SourcedFinding } from '../findings.js';

/** `cycle check --format json`: the spec's stable array of findings. */
export function formatJson(findings: readonly SourcedFinding[]): string {
    return JSON.stringify(findings.map(toPublicFinding), null, 2) + '\n';
}
