import { jsonText } from '../../domain/neutralise/json.js';
import { toPublicFinding, type SourcedFinding } from '../findings.js';

/**
 * `cycle check --format json`: the spec's stable array of findings (C1 and bidi
 * characters in messages as `\uXXXX` escapes: the same value, safe to print).
 */
export function formatJson(findings: readonly SourcedFinding[]): string {
    return jsonText(findings.map(toPublicFinding)) + '\n';
}
