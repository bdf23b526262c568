import { jsonText } from '../../domain/neutralise/json.js';
import { RULES, RULE_CODES } from '../../language/validation/rules.js';
import type { RelatedPlace, SourcedFinding } from '../findings.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/**
 * SARIF 2.1.0 for code-scanning services: one rule per code (every code, so the
 * rule list does not change with the findings), one result per finding.
 */
export function formatSarif(findings: readonly SourcedFinding[], version: string): string {
    const ruleIndex = new Map(RULE_CODES.map((code, index) => [code as string, index]));
    const log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'cycle',
                    semanticVersion: version,
                    version,
                    rules: RULE_CODES.map(code => ({
                        id: code,
                        name: code,
                        shortDescription: { text: RULES[code].summary },
                        defaultConfiguration: { level: LEVEL[RULES[code].severity] }
                    }))
                }
            },
            columnKind: 'utf16CodeUnits',
            results: findings.map(finding => ({
                ruleId: finding.code,
                ...(ruleIndex.has(finding.code) ? { ruleIndex: ruleIndex.get(finding.code) } : {}),
                level: LEVEL[finding.severity],
                message: { text: finding.message },
                locations: [{ physicalLocation: physicalLocation(finding) }],
                // The other copy of a duplicate id, as code scanning shows it beside the result.
                ...(finding.related?.length ? {
                    relatedLocations: finding.related.map((place, id) => ({ id, physicalLocation: physicalLocation(place), message: { text: place.message } }))
                } : {})
            }))
        }]
    };
    // C1 and bidi characters as `\uXXXX` escapes: the same value, safe to print.
    return jsonText(log) + '\n';
}

function physicalLocation(place: Omit<RelatedPlace, 'message'>): object {
    return {
        artifactLocation: { uri: encodeURI(place.file) },
        region: { startLine: place.line, startColumn: place.column, endLine: place.endLine, endColumn: place.endColumn }
    };
}
