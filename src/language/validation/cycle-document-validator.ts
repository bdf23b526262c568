import {
    DefaultDocumentValidator, DocumentValidator, type AstNode, type LangiumDocument, type ParseResult,
    type ValidationAcceptor, type ValidationOptions
} from 'langium';
import { Cancellation, interruptAndCheck, isOperationCancelled } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { checkEvery, walkAst } from '../ast-walk.js';
import { DEFAULT_SURVEY_SETTINGS } from '../../results/results-types.js';
import type { Document } from '../generated/ast.js';
import { resultsDiagnostics } from '../results/results-diagnostics.js';
import type { ResultsFiles } from '../results/results-files.js';
import type { RuleConfigProvider } from '../config/rule-config-provider.js';
import type { CycleLanguageServices } from '../cycle-module.js';
import { CarriedWorkspaceFindings } from './carried-workspace-findings.js';
import { capRuleFindings, capSyntaxErrors, orderForSyntaxCap } from './finding-caps.js';
import { FindingPolicy } from './finding-policy.js';
import { findIgnoreRegions, IgnoreIndex, readIgnoreComments } from './ignore-comments.js';
import type { CycleCheckTable } from './index.js';
import { normaliseDiagnostic } from './normalise-diagnostic.js';
import { ReferenceSuggestions } from './reference-suggestions.js';
import { dropParserErrorsAtOneFactErrors, moveParserErrorsToLineAbove } from './syntax-error-placement.js';
import { ignoreCodeWarnings } from './unknown-ignore-codes.js';

/**
 * Langium's document validator, shaped for the language's contract: every
 * diagnostic carries one of the spec's codes (normalise-diagnostic.ts), severities
 * follow the nearest `cycle.config.json` and `# ignore:` comments are honoured
 * (finding-policy.ts), syntax errors sit where they are about
 * (syntax-error-placement.ts), the workspace-wide findings stay while typing
 * (carried-workspace-findings.ts), and a flood of findings is cut to the first few
 * hundred or thousand (finding-caps.ts).
 */
export class CycleDocumentValidator extends DefaultDocumentValidator {
    private readonly configs: RuleConfigProvider;
    private readonly checks: CycleCheckTable;
    private readonly suggestions: ReferenceSuggestions;
    private readonly workspaceFindings = new CarriedWorkspaceFindings();
    private readonly resultsFiles: ResultsFiles;

    constructor(services: CycleLanguageServices) {
        super(services);
        this.configs = services.config.RuleConfigProvider;
        this.resultsFiles = services.results.ResultsFiles;
        this.checks = services.validation.CycleChecks;
        this.suggestions = new ReferenceSuggestions(services.references.ScopeProvider);
    }

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken = Cancellation.CancellationToken.None): Promise<Diagnostic[]> {
        const raw = await this.collectDiagnostics(document, options, cancelToken);
        if (!options.categories || options.categories.includes('fast')) {
            // Survey results: read once per file (cached), so every validation may look at them.
            for (const diagnostic of await this.checkResults(document)) raw.push(diagnostic);
        }
        orderForSyntaxCap(raw);
        const uri = document.uri.toString();
        const text = () => document.textDocument.getText();
        if (!options.categories || options.categories.includes('slow')) {
            this.workspaceFindings.remember(uri, raw, text);
        } else {
            for (const diagnostic of this.workspaceFindings.carry(uri, text)) raw.push(diagnostic);
        }
        const comments = readIgnoreComments(text());
        const ignored = new IgnoreIndex(findIgnoreRegions(comments, document.parseResult.value));
        const policy = new FindingPolicy(this.configs.configFor(document.uri), ignored);
        for (const diagnostic of ignoreCodeWarnings(comments.named)) raw.push(diagnostic);
        const kept: Diagnostic[] = [];
        for (const diagnostic of raw) {
            const code = normaliseDiagnostic(diagnostic, written => this.suggestions.nearestTo(document, diagnostic, written));
            if (!code) {
                kept.push(diagnostic);
                continue;
            }
            const severity = policy.severityOf(code, diagnostic.range.start.line);
            if (severity === undefined) continue;
            diagnostic.severity = severity;
            kept.push(diagnostic);
        }
        dropParserErrorsAtOneFactErrors(kept);
        return capSyntaxErrors(capRuleFindings(kept), document.parseResult.parserErrors.length);
    }

    /** What the survey results files say; a failure there must not lose the rest of the findings. */
    private async checkResults(document: LangiumDocument): Promise<Diagnostic[]> {
        try {
            const settings = this.configs.configFor(document.uri)?.survey ?? DEFAULT_SURVEY_SETTINGS;
            return await resultsDiagnostics(this.resultsFiles, document as LangiumDocument<Document>, settings);
        } catch (error) {
            console.error('cycle: reading the survey results failed:', error);
            return [];
        }
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

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const before = diagnostics.length;
        super.processParsingErrors(parseResult, diagnostics, options);
        moveParserErrorsToLineAbove(parseResult.parserErrors, diagnostics.slice(before));
    }
}
