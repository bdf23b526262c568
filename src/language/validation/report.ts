import { AstUtils, type AstNode, type DiagnosticInfo, type ValidationAcceptor } from 'langium';
import type { DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import type { Range } from 'vscode-languageserver-types';
import { isNamedKind } from '../element-kinds.js';
import type { ExtrasOf, RuleFindingData } from './finding-data.js';
import { RULES, type RuleCode } from './rules.js';

/**
 * Where a finding of rule `C` sits and what else it says: the data its rule carries
 * (see finding-data.ts) is required of the rules that carry some, and refused of the others.
 */
export type ReportInfo<N extends AstNode, C extends RuleCode> = Omit<DiagnosticInfo<N>, 'code' | 'data'>
    & (keyof ExtrasOf<C> extends never ? { data?: never } : { data: ExtrasOf<C> });

/** Reports a finding under its rule code, at the rule's default severity. */
export type Report = <N extends AstNode, C extends RuleCode>(code: C, message: string, info: ReportInfo<N, C>) => void;

const reporters = new WeakMap<ValidationAcceptor, Report>();

/** The `Report` for an acceptor; one per validation run, not one per node. */
export function reporter(accept: ValidationAcceptor): Report {
    let report = reporters.get(accept);
    if (!report) {
        report = makeReporter(accept);
        reporters.set(accept, report);
    }
    return report;
}

/**
 * An element being typed (`moment`, `cycle "Label"`) has no id yet: its syntax error
 * says what is missing, and a rule about "`undefined`" would only be noise.
 */
function isNameless(node: AstNode): boolean {
    return isNamedKind(node.$type) && !(node as { name?: string }).name;
}

function makeReporter(accept: ValidationAcceptor): Report {
    return (code, message, info) => {
        if (isNameless(info.node)) return;
        // TypeScript cannot follow a generic code through the union of rules: this is RuleFindingData<typeof code>.
        const data = { ...info.data, code } as RuleFindingData;
        accept(RULES[code].severity, message, { ...info, code, data });
    };
}

/** The range of a node's first token: where "its first keyword" sits. */
export function firstTokenRange(node: AstNode): Range | undefined {
    const cst = node.$cstNode;
    if (!cst) return undefined;
    const text = cst.text;
    const length = text.search(/[\s]/);
    const start = cst.range.start;
    const end = length < 0 ? cst.range.end : { line: start.line, character: start.character + length };
    return { start, end };
}

/** The 1-based line a node starts on, for messages that point at "line 12". */
export function lineOf(node: AstNode): number {
    return (node.$cstNode?.range.start.line ?? 0) + 1;
}

/** `a`, `a and b`, `a, b and c` (or `a, b or c`). */
export function joinWords(words: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
    if (words.length <= 1) return words[0] ?? '';
    return words.slice(0, -1).join(', ') + ` ${conjunction} ` + words[words.length - 1];
}

/** Related information pointing at another node ("first `feels`", "other `cleaning`"). */
export function relatedAt(node: AstNode, message: string): DiagnosticRelatedInformation[] | undefined {
    const range = node.$cstNode?.range;
    const document = AstUtils.findRootNode(node).$document;
    return range && document ? [{ location: { uri: document.uri.toString(), range }, message }] : undefined;
}
