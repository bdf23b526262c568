import { DEFAULT_SURVEY_SETTINGS } from '../../src/results/results-types.js';
import { describe, expect, it } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { parseRuleConfig, type RuleConfig } from '../../src/language/config/rule-config.js';
import { FindingPolicy } from '../../src/language/validation/finding-policy.js';
import { IgnoreIndex } from '../../src/language/validation/ignore-comments.js';

const NO_IGNORES = new IgnoreIndex([]);

describe('which findings a file shows, and how', () => {
    it('shows each rule at its own severity when no config says otherwise', () => {
        const policy = new FindingPolicy(undefined, NO_IGNORES);
        expect(policy.severityOf('missing-goal', 0)).toBe(DiagnosticSeverity.Error);
        expect(policy.severityOf('critical-unmitigated', 0)).toBe(DiagnosticSeverity.Warning);
        expect(policy.severityOf('missing-stage', 0)).toBe(DiagnosticSeverity.Information);
    });

    it('follows cycle.config.json: a severity changes, `off` hides the rule', () => {
        const config = parseRuleConfig(JSON.stringify({ rules: { 'missing-stage': 'error', 'unused-role': 'off' } }), 'cycle.config.json');
        const policy = new FindingPolicy(config, NO_IGNORES);
        expect(policy.severityOf('missing-stage', 0)).toBe(DiagnosticSeverity.Error);
        expect(policy.severityOf('unused-role', 0)).toBeUndefined();
        expect(policy.severityOf('missing-goal', 0)).toBe(DiagnosticSeverity.Error);
    });

    it('silences an ignored code on the lines of its element only, and no other code there', () => {
        const ignored = new IgnoreIndex([{ startLine: 2, endLine: 4, codes: new Set(['unused-role']) }]);
        const policy = new FindingPolicy(undefined, ignored);
        expect([1, 2, 4, 5].map(line => policy.severityOf('unused-role', line)))
            .toEqual([DiagnosticSeverity.Information, undefined, undefined, DiagnosticSeverity.Information]);
        expect(policy.severityOf('missing-stage', 3)).toBe(DiagnosticSeverity.Information);
    });

    it('never hides or softens a syntax error, whatever a config or a comment says', () => {
        // parseRuleConfig refuses such an entry; a config built some other way must not matter either.
        const config: RuleConfig = { source: 'x', severities: new Map([['syntax-error', 'off']]), survey: DEFAULT_SURVEY_SETTINGS, problems: [] };
        const ignored = new IgnoreIndex([{ startLine: 0, endLine: 9, codes: new Set(['syntax-error']) }]);
        expect(new FindingPolicy(config, ignored).severityOf('syntax-error', 3)).toBe(DiagnosticSeverity.Error);
    });
});
