import { DocumentValidator, type LinkingErrorData } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { RuleFindingData } from './finding-data.js';
import { isRuleCode, type RuleCode } from './rules.js';
import { referenceTargetOf, unresolvedReferenceMessage } from './unresolved-reference-message.js';

/** `data` before it has a rule code for sure: a rule's, or Langium's own (a linking error's names the reference). */
type IncomingData = { readonly code?: string } & Partial<Omit<LinkingErrorData, 'code'>>;

/**
 * Gives Langium's own diagnostics the spec's codes and designer-facing messages:
 * lexing and parsing errors become `syntax-error`s; linking errors become
 * `unresolved-reference`s that say what is missing, with the nearest visible names
 * (`suggest`) in their message and data. Returns the diagnostic's rule code; one
 * without any is left as it is.
 */
export function normaliseDiagnostic(diagnostic: Diagnostic, suggest: (written: string) => string[]): RuleCode | undefined {
    const data = (diagnostic.data ?? {}) as IncomingData;
    let code = data.code ?? (typeof diagnostic.code === 'string' ? diagnostic.code : undefined);
    let suggestions: string[] | undefined;
    if (code === DocumentValidator.ParsingError || code?.startsWith('lexing-')) {
        code = 'syntax-error';
    } else if (code === DocumentValidator.LinkingError) {
        code = 'unresolved-reference';
        const target = referenceTargetOf(data.containerType);
        if (target && data.refText) {
            suggestions = suggest(data.refText);
            diagnostic.message = unresolvedReferenceMessage(target, data.refText, suggestions);
        }
    }
    if (!isRuleCode(code)) {
        return undefined;
    }
    diagnostic.code = code;
    // A rule's data already fits its code; Langium's gets the code it now has.
    diagnostic.data = { ...data, ...(suggestions ? { suggestions } : {}), code } as RuleFindingData;
    diagnostic.source = 'cycle';
    return code;
}
