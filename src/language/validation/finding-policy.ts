import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { effectiveSeverity, type RuleConfig } from '../config/rule-config.js';
import type { IgnoreIndex } from './ignore-comments.js';
import { canBeSilenced, type RuleCode } from './rules.js';

/**
 * Which findings of one file are shown, and at which severity: the nearest
 * `cycle.config.json` sets each rule's severity or turns it `off`, and an
 * `# ignore:` comment silences a rule for the element under it. `syntax-error` is
 * always an error, whatever either says.
 */
export class FindingPolicy {
    constructor(
        private readonly config: RuleConfig | undefined,
        private readonly ignored: IgnoreIndex
    ) { }

    /** The severity a finding of `code` on `line` (0-based) is shown with; undefined when it is not shown. */
    severityOf(code: RuleCode, line: number): DiagnosticSeverity | undefined {
        const severity = effectiveSeverity(code, this.config);
        if (severity === 'off' || (canBeSilenced(code) && this.ignored.isIgnored(code, line))) {
            return undefined;
        }
        return severity === 'error' ? DiagnosticSeverity.Error
            : severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
    }
}
