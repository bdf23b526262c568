import type { IToken } from 'chevrotain';
import {
    DefaultDocumentValidator, DocumentValidator, type AstNode, type LangiumDocument, type ParseResult,
    type ValidationAcceptor, type ValidationOptions
} from 'langium';
import { checkEvery, walkAst } from '../ast-walk.js';
import { ONE_FACT_PER_LINE } from '../parser/cycle-lexer.js';
import { INDENTED_TOO_DEEP } from '../parser/cycle-parser-messages.js';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { Cancellation, interruptAndCheck, isOperationCancelled } from 'langium';
import type { CycleLanguageServices } from '../cycle-module.js';
import type { RuleConfigProvider } from '../config/rule-config-provider.js';
import { effectiveSeverity } from '../config/rule-config.js';
import { MAX_PARSER_ERRORS } from '../parser/cycle-parser.js';
import { capRuleFindings } from './finding-caps.js';
import { findIgnoreRegions, IgnoreIndex, readIgnoreComments } from './ignore-comments.js';
import type { CycleCheckTable } from './index.js';
import { WORKSPACE_FINDING } from './report.js';
import { canBeSilenced, isRuleCode, type RuleCode } from './rules.js';
import { ignoreCodeWarnings } from './unknown-ignore-codes.js';
import { ReferenceSuggestions, unresolvedReferenceMessage } from './reference-suggestions.js';

/**
 * `moment a "A" by r` gets a one-fact-per-line error from the scanner and a parser
 * error at the same `by`; the first says what to do, the second only that it is odd.
 */
function dropParserErrorsAtOneFactErrors(diagnostics: Diagnostic[]): void {
    const at = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}`;
    const oneFact = new Set(diagnostics.filter(d => String(d.message).startsWith(ONE_FACT_PER_LINE)).map(at));
    if (oneFact.size === 0) return;
    for (let i = diagnostics.length - 1; i >= 0; i--) {
        const d = diagnostics[i];
        if (d.code === 'syntax-error' && !String(d.message).startsWith(ONE_FACT_PER_LINE) && oneFact.has(at(d))) {
            diagnostics.splice(i, 1);
        }
    }
}

/** A workspace-wide finding with the text of the line it sat on. */
interface CarriedFinding {
    readonly diagnostic: Diagnostic;
    readonly lineText: string;
}

/** The finding on the line that still reads the same, nearest to where it was. */
function relocate(carried: CarriedFinding, lines: readonly string[], linesByText: ReadonlyMap<string, readonly number[]>): Diagnostic | undefined {
    const { start, end } = carried.diagnostic.range;
    let line: number | undefined;
    if (lines[start.line] === carried.lineText) {
        line = start.line;
    } else {
        const candidates = linesByText.get(carried.lineText);
        if (!candidates) return undefined;
        line = nearest(candidates, start.line);
    }
    if (line === start.line) return carried.diagnostic;
    const delta = line - start.line;
    return { ...carried.diagnostic, range: { start: { ...start, line }, end: { ...end, line: end.line + delta } } };
}

/** The value of a sorted list nearest to `target` (the earlier one on a tie). */
function nearest(sorted: readonly number[], target: number): number {
    let low = 0;
    let high = sorted.length - 1;
    while (low < high) {
        const middle = (low + high) >> 1;
        if (sorted[middle] < target) low = middle + 1;
        else high = middle;
    }
    const after = sorted[low];
    const before = sorted[low - 1];
    return before !== undefined && target - before <= after - target ? before : after;
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
    return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** Past this many syntax errors, one more diagnostic says how many were left out. */
export const MAX_SYNTAX_DIAGNOSTICS = 300;

const REFERENCE_KIND: Record<string, { kind: string; how: string }> = {
    By: { kind: 'role', how: 'declare it with `role {name} "…"` in this cycle or at the top level of a file, or fix the name' },
    Owner: { kind: 'role', how: 'declare it with `role {name} "…"` in this cycle or at the top level of a file, or fix the name' },
    For: { kind: 'moment', how: 'use the id of a moment of this cycle' },
    Covers: { kind: 'moment', how: 'use the id of a moment of this cycle' },
    About: { kind: 'moment', how: 'use the id of a moment of this cycle' },
    Meets: { kind: 'requirement', how: 'use the id of a requirement of this cycle' },
    PriorityItem: { kind: 'area', how: 'use the id of an area of this cycle' }
};

/**
 * Langium's document validator, shaped for the language's contract: every
 * diagnostic carries one of the spec's codes, severities follow the nearest
 * `cycle.config.json`, `# ignore:` comments are honoured (never for `syntax-error`),
 * and a flood of syntax errors or of other findings is cut to the first few hundred
 * or thousand.
 */
export class CycleDocumentValidator extends DefaultDocumentValidator {
    private readonly configs: RuleConfigProvider;
    private readonly checks: CycleCheckTable;
    private readonly suggestions: ReferenceSuggestions;

    constructor(services: CycleLanguageServices) {
        super(services);
        this.configs = services.config.RuleConfigProvider;
        this.checks = services.validation.CycleChecks;
        this.suggestions = new ReferenceSuggestions(services.references.ScopeProvider);
    }

    /** What the workspace-wide checks last said of each document, kept while typing. */
    private readonly workspaceFindings = new Map<string, CarriedFinding[]>();

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken = Cancellation.CancellationToken.None): Promise<Diagnostic[]> {
        const raw = await this.collectDiagnostics(document, options, cancelToken);
        // The scanner's errors come before the parser's: when the list is cut, the
        // first few hundred by position are the ones worth fixing first.
        if (raw.length > MAX_SYNTAX_DIAGNOSTICS) raw.sort(byPosition);
        this.carryWorkspaceFindings(document, options, raw);
        const config = this.configs.configFor(document.uri);
        const text = document.textDocument.getText();
        const comments = readIgnoreComments(text);
        const ignored = new IgnoreIndex(findIgnoreRegions(comments, document.parseResult.value));
        for (const diagnostic of ignoreCodeWarnings(comments.named)) raw.push(diagnostic);
        const kept: Diagnostic[] = [];
        for (const diagnostic of raw) {
            const code = this.normalise(diagnostic, document);
            if (!code) {
                kept.push(diagnostic);
                continue;
            }
            const severity = effectiveSeverity(code, config);
            if (severity === 'off' || (canBeSilenced(code) && ignored.isIgnored(code, diagnostic.range.start.line))) {
                continue;
            }
            diagnostic.severity = severity === 'error' ? DiagnosticSeverity.Error
                : severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
            kept.push(diagnostic);
        }
        dropParserErrorsAtOneFactErrors(kept);
        const result: Diagnostic[] = [];
        let syntaxErrors = 0;
        let omitted: Diagnostic | undefined;
        let omittedCount = 0;
        for (const diagnostic of capRuleFindings(kept)) {
            if (diagnostic.code === 'syntax-error' && ++syntaxErrors > MAX_SYNTAX_DIAGNOSTICS) {
                omitted ??= diagnostic;
                omittedCount++;
                continue;
            }
            result.push(diagnostic);
        }
        const parserErrors = document.parseResult.parserErrors;
        if (parserErrors.length >= MAX_PARSER_ERRORS) {
            const last = result.filter(d => d.code === 'syntax-error').at(-1);
            if (last) {
                result.push({
                    ...last,
                    message: `Reading stopped after ${MAX_PARSER_ERRORS} syntax errors: fix the ones listed, then check again to see the rest.`
                });
            }
        }
        if (omitted) {
            result.push({
                ...omitted,
                message: `${omittedCount} more syntax ${omittedCount === 1 ? 'error is' : 'errors are'} not listed: fix the ones above first.`
            });
        }
        return result;
    }

    /**
     * Langium's own `validateDocument`, but adding the checks' findings one by one:
     * Langium spreads them into `push(...)`, which overflows the stack past about
     * 125,000 findings and loses every one of them.
     */
    private async collectDiagnostics(document: LangiumDocument, options: ValidationOptions, cancelToken: Cancellation.CancellationToken): Promise<Diagnostic[]> {
        const parseResult = document.parseResult;
        const diagnostics: Diagnostic[] = [];
        const stopsAt = (code: string): boolean => diagnostics.some(d => (d.data as { code?: string } | undefined)?.code === code);
        await interruptAndCheck(cancelToken);
        if (!options.categories || options.categories.includes('built-in')) {
            this.processLexingErrors(parseResult, diagnostics, options);
            if (options.stopAfterLexingErrors && stopsAt(DocumentValidator.LexingError)) return diagnostics;
            this.processParsingErrors(parseResult, diagnostics, options);
            if (options.stopAfterParsingErrors && stopsAt(DocumentValidator.ParsingError)) return diagnostics;
            this.processLinkingErrors(document, diagnostics, options);
            if (options.stopAfterLinkingErrors && stopsAt(DocumentValidator.LinkingError)) return diagnostics;
        }
        try {
            for (const diagnostic of await this.validateAst(parseResult.value, options, cancelToken)) diagnostics.push(diagnostic);
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            console.error('An error occurred during validation:', error);
        }
        await interruptAndCheck(cancelToken);
        return diagnostics;
    }

    /**
     * While typing only the fast checks run; the workspace-wide findings of the last
     * full validation stay visible until the next one (on save) replaces them. Each
     * follows its line when lines are inserted or removed above it, and is dropped
     * when its line was edited, since it may no longer be true.
     */
    private carryWorkspaceFindings(document: LangiumDocument, options: ValidationOptions, raw: Diagnostic[]): void {
        const key = document.uri.toString();
        // The lines are split only when there is a finding to place: most keystrokes have none.
        const linesOf = () => document.textDocument.getText().split(/\r\n|\r|\n/);
        if (!options.categories || options.categories.includes('slow')) {
            const findings = raw.filter(d => (d.data as Record<string, unknown> | undefined)?.[WORKSPACE_FINDING]);
            const lines = findings.length > 0 ? linesOf() : [];
            this.workspaceFindings.set(key, findings.map(diagnostic => ({ diagnostic, lineText: lines[diagnostic.range.start.line] ?? '' })));
            return;
        }
        const carried = this.workspaceFindings.get(key);
        if (!carried?.length) return;
        const lines = linesOf();
        // Where each line text now stands, built once: O(lines + findings), not their product.
        const linesByText = new Map<string, number[]>();
        lines.forEach((line, index) => {
            const at = linesByText.get(line);
            if (at) at.push(index);
            else linesByText.set(line, [index]);
        });
        const kept: CarriedFinding[] = [];
        for (const finding of carried) {
            const moved = relocate(finding, lines, linesByText);
            if (!moved) continue; // its line was edited: the next full validation says it again
            kept.push({ diagnostic: moved, lineText: finding.lineText });
            raw.push({ ...moved });
        }
        // The next keystroke starts from where each finding is now.
        this.workspaceFindings.set(key, kept);
    }

    /** Every node once, through the language's own walk and its synchronous checks. */
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        let count = 0;
        const checksByType = new Map<string, ((node: AstNode, accept: ValidationAcceptor) => void)[]>();
        for (const node of walkAst(rootNode)) {
            await checkEvery(++count, cancelToken);
            let checks = checksByType.get(node.$type);
            if (!checks) {
                checks = this.checks.checksFor(node.$type, options.categories);
                checksByType.set(node.$type, checks);
            }
            for (const check of checks) {
                try {
                    check(node, acceptor);
                } catch (error) {
                    // One failing check must not hide the findings of the others.
                    console.error(`cycle: a check failed on ${node.$type}:`, error);
                }
            }
        }
    }

    /**
     * A parse error found at the start of a line but about the line above ("expected a
     * label after `moment m`", whether the next line is indented, dedented or level
     * with it) belongs at the end of the line above.
     */
    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const before = diagnostics.length;
        super.processParsingErrors(parseResult, diagnostics, options);
        parseResult.parserErrors.forEach((error, i) => {
            const diagnostic = diagnostics[before + i];
            const previous = (error as { previousToken?: IToken }).previousToken;
            const name = error.token.tokenType?.name;
            if (!diagnostic || !previous || String(diagnostic.message).startsWith(INDENTED_TOO_DEEP)) return;
            if (previous.endLine === undefined || previous.endColumn === undefined || Number.isNaN(previous.endLine)) return;
            const atBlockEdge = name === 'INDENT' || name === 'DEDENT';
            const lineEndedEarly = name !== 'EOF' && error.token.startLine! > previous.endLine && String(diagnostic.message).startsWith('Expected ');
            if (!atBlockEdge && !lineEndedEarly) return;
            const position = { line: previous.endLine - 1, character: previous.endColumn };
            diagnostic.range = { start: position, end: position };
        });
    }

    /** Gives Langium's own diagnostics the spec's codes and designer-facing messages. */
    private normalise(diagnostic: Diagnostic, document: LangiumDocument): RuleCode | undefined {
        const data = (diagnostic.data ?? {}) as { code?: string; containerType?: string; refText?: string; suggestions?: string[] };
        let code = data.code ?? (typeof diagnostic.code === 'string' ? diagnostic.code : undefined);
        if (code === DocumentValidator.ParsingError || code?.startsWith('lexing-')) {
            code = 'syntax-error';
        } else if (code === DocumentValidator.LinkingError) {
            code = 'unresolved-reference';
            const reference = REFERENCE_KIND[data.containerType ?? ''];
            if (reference && data.refText) {
                data.suggestions = this.suggestions.nearestTo(document, diagnostic, data.refText);
                diagnostic.message = unresolvedReferenceMessage(reference.kind, data.refText, reference.how.replace('{name}', data.refText), data.suggestions);
            }
        }
        if (!isRuleCode(code)) {
            return undefined;
        }
        diagnostic.code = code;
        diagnostic.data = { ...data, code };
        diagnostic.source = 'cycle';
        return code;
    }
}
