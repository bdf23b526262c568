import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { nearestNames } from '../../domain/nearest.js';
import { MAX_RULE_FINDINGS } from './finding-caps.js';
import type { RuleFindingData } from './finding-data.js';
import type { IgnoredCode } from './ignore-comments.js';
import { canBeSilenced, isRuleCode, RULE_CODES } from './rules.js';

/** Longer codes are cut in messages: a megabyte of `x` need not be echoed back. */
const MAX_CODE_SHOWN = 40;

function shown(code: string): string {
    if (code.length <= MAX_CODE_SHOWN) return code;
    // Never cut between the two halves of a surrogate pair.
    const cut = /[\uD800-\uDBFF]/.test(code[MAX_CODE_SHOWN - 1]) ? MAX_CODE_SHOWN - 1 : MAX_CODE_SHOWN;
    return `${code.slice(0, cut)}…`;
}

/**
 * `# ignore: unused-rol` silences nothing: say so, with the code that was probably
 * meant. `# ignore: syntax-error` silences nothing either, since syntax errors never
 * are. Suggestions are worked out once per distinct code, and for the first
 * {@link MAX_RULE_FINDINGS} distinct codes only: no more findings than that are listed.
 */
export function ignoreCodeWarnings(named: readonly IgnoredCode[]): Diagnostic[] {
    const suggestionsFor = new Map<string, string[]>();
    const diagnostics: Diagnostic[] = [];
    for (const { code, line, start, end } of named) {
        let message: string;
        let suggestions: string[] = [];
        if (isRuleCode(code)) {
            if (canBeSilenced(code)) continue;
            message = `\`${code}\` cannot be silenced: a file that does not parse cannot be formatted, drawn or exported. Fix the text instead.`;
        } else {
            let known = suggestionsFor.get(code);
            if (!known) {
                known = suggestionsFor.size < MAX_RULE_FINDINGS ? nearestNames(code, RULE_CODES) : [];
                suggestionsFor.set(code, known);
            }
            suggestions = known;
            const hint = suggestions.length > 0 ? `did you mean \`${suggestions[0]}\`?` : 'see the list of rule codes in the README.';
            message = `No rule has the code \`${shown(code)}\`, so this comment silences nothing: ${hint}`;
        }
        diagnostics.push({
            range: { start: { line, character: start }, end: { line, character: end } },
            severity: DiagnosticSeverity.Warning,
            code: 'unknown-ignore-code',
            message,
            data: { code: 'unknown-ignore-code', suggestions } satisfies RuleFindingData<'unknown-ignore-code'>
        });
    }
    return diagnostics;
}
