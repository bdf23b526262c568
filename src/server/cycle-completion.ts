import { AstUtils, GrammarAST, UriUtils, type FileSystemNode, type FileSystemProvider, type Grammar, type MaybePromise, type URI } from 'langium';
import {
    DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type LangiumServices, type NextFeature
} from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import type { Measure } from '../results/results-types.js';
import { CHANNELS, QUALITY_COMPONENTS, TIME_UNIT_NAMES, TIME_UNIT_SECONDS } from '../domain/vocabulary.js';

/**
 * Langium's completion (keywords valid at the cursor's block level, references in
 * scope), plus the closed vocabularies written as ids: channels and the ten quality
 * components, each with what it means.
 *
 * One fact per line: once the line holds a token before the word being completed,
 * the keywords that start a fact (`goal`, `moment`, `about`, …) are not offered, only
 * what can still follow on that line (a value, a unit, a label), or nothing.
 */
export class CycleCompletionProvider extends DefaultCompletionProvider {
    private readonly factStarters: ReadonlySet<GrammarAST.Keyword>;
    /** Whether the editor takes snippets; until it says, as in tests, assume it does. */
    private snippets = true;

    private readonly fileSystem: FileSystemProvider;

    constructor(services: LangiumServices) {
        super(services);
        this.fileSystem = services.shared.workspace.FileSystemProvider;
        this.factStarters = factStartingKeywords(services.Grammar);
        services.shared.lsp.LanguageServer.onInitialize(params => {
            this.snippets = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
        });
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name;
        const assignment = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment);
        if (assignment?.feature === 'value' && (rule === 'Channel' || rule === 'Quality')) {
            const vocabulary: Record<string, string> = rule === 'Channel' ? CHANNELS : QUALITY_COMPONENTS;
            Object.entries(vocabulary).forEach(([name, meaning], index) => acceptor(context, {
                label: name,
                kind: CompletionItemKind.EnumMember,
                detail: rule === 'Channel' ? 'channel' : 'quality component',
                documentation: meaning,
                sortText: String(index).padStart(2, '0')
            }));
            return;
        }
        if (rule === 'Results' && assignment?.feature === 'path') {
            return this.completeResultsFiles(context, acceptor);
        }
        if (assignment && isStringCall(next.feature) && pastFirstToken(context)) {
            // A label (or a unit, an option) still fits on this line: offer a placeholder.
            const what = PLACEHOLDERS[assignment.feature] ?? assignment.feature;
            acceptor(context, {
                label: `"${what}"`,
                kind: CompletionItemKind.Snippet,
                detail: `${rule ?? ''} ${what}`.trim(),
                ...(this.snippets
                    ? { insertText: `"\${1:${what}}"`, insertTextFormat: InsertTextFormat.Snippet }
                    : { insertText: '""', insertTextFormat: InsertTextFormat.PlainText })
            });
            return;
        }
        return super.completionFor(context, next, acceptor);
    }

    /**
     * Every unit people write (`min`, `mins`, `minute`, `minutes`…) is offered, each
     * with its length, shortest first rather than alphabetically.
     */
    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name;
        if (rule === 'Measure' && Object.hasOwn(MEASURES, keyword.value)) {
            acceptor(context, {
                label: keyword.value,
                kind: CompletionItemKind.EnumMember,
                detail: 'what the answers measure',
                documentation: MEASURES[keyword.value as Measure],
                sortText: String(Object.keys(MEASURES).indexOf(keyword.value))
            });
            return;
        }
        const index = TIME_UNIT_NAMES.indexOf(keyword.value);
        if (rule !== 'TimeUnit' || index < 0) return super.completionForKeyword(context, keyword, acceptor);
        acceptor(context, {
            label: keyword.value,
            kind: CompletionItemKind.Unit,
            detail: `unit of time: ${describeSeconds(TIME_UNIT_SECONDS[keyword.value])}`,
            sortText: '1' + String(index).padStart(2, '0')
        });
    }

    /**
     * `results "…"`: the CSV files in the document's folder and the folders right under
     * it, as paths relative to the document, so a designer need not remember them. A
     * folder the file system cannot list offers nothing; the placeholder stays.
     */
    private async completeResultsFiles(context: CompletionContext, acceptor: CompletionAcceptor): Promise<void> {
        const folder = UriUtils.dirname(context.document.uri);
        const found: string[] = [];
        const list = async (uri: URI): Promise<FileSystemNode[]> => {
            try {
                return await this.fileSystem.readDirectory(uri);
            } catch {
                return [];
            }
        };
        for (const node of await list(folder)) {
            if (node.isFile && /\.csv$/i.test(node.uri.path)) found.push(UriUtils.basename(node.uri));
            if (node.isDirectory && !UriUtils.basename(node.uri).startsWith('.') && UriUtils.basename(node.uri) !== 'node_modules') {
                for (const inner of await list(node.uri)) {
                    if (inner.isFile && /\.csv$/i.test(inner.uri.path)) found.push(`${UriUtils.basename(node.uri)}/${UriUtils.basename(inner.uri)}`);
                }
            }
            if (found.length >= MAX_OFFERED_FILES) break;
        }
        for (const path of found.sort().slice(0, MAX_OFFERED_FILES)) {
            // A name with a quote or a backslash cannot be written as a label as it is: not offered.
            if (/["\\\r\n]/.test(path)) continue;
            acceptor(context, { label: `"${path}"`, kind: CompletionItemKind.File, detail: 'survey results file', insertText: `"${path}"` });
        }
        if (found.length === 0) {
            acceptor(context, { label: '"answers.csv"', kind: CompletionItemKind.Snippet, detail: 'Results path', insertText: '"answers.csv"' });
        }
    }

    protected override filterKeyword(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        if (this.factStarters.has(keyword) && pastFirstToken(context)) return false;
        return super.filterKeyword(context, keyword);
    }
}

/** A unit's length in words: `1 second`, `60 seconds`. */
function describeSeconds(seconds: number): string {
    return seconds === 1 ? '1 second' : `${seconds} seconds`;
}

/** At most this many results files are offered: a folder of exports should not flood the list. */
const MAX_OFFERED_FILES = 50;

/** What a placeholder for a quoted value says, by the grammar's feature. */
const PLACEHOLDERS: Readonly<Record<string, string>> = { options: 'option', lowLabel: 'low label', highLabel: 'high label' };

/** The values of `measures`, satisfaction (the default) first, each with what it means. */
const MEASURES: Readonly<Record<Measure, string>> = {
    satisfaction: 'How the customer rates the moments it is `about` (the default).',
    importance: 'How much the moments it is `about` matter to the customer.',
    expectation: 'What the customer expected of those moments (SERVQUAL\'s E), for the quality gaps.',
    overall: 'Satisfaction with the whole cycle (no `about`); importance is derived from it.',
    recommend: 'Likelihood to recommend, on `scale 0..10`: gives the NPS.'
};

/** Whether the line holds something before the word being completed. */
function pastFirstToken(context: CompletionContext): boolean {
    const text = context.textDocument.getText();
    // A line may end in \n, \r\n or a lone \r, as the scanner accepts.
    const lineStart = Math.max(text.lastIndexOf('\n', context.tokenOffset - 1), text.lastIndexOf('\r', context.tokenOffset - 1)) + 1;
    return /\S/.test(text.slice(lineStart, context.tokenOffset));
}

function isStringCall(feature: GrammarAST.AbstractElement): boolean {
    return GrammarAST.isRuleCall(feature) && feature.rule.ref?.name === 'STRING';
}

/**
 * The keywords that begin a fact: the leading keyword of every rule a block holds
 * (`items+=…`, `elements+=…`), through the alternatives that group them
 * (`CycleItem: Customer | Goal | …`), and the keywords of a leading datatype rule
 * (`prevent` | `recover`). `goal` of `achieves goal` is not one: it does not lead.
 */
function factStartingKeywords(grammar: Grammar): Set<GrammarAST.Keyword> {
    const result = new Set<GrammarAST.Keyword>();
    const seen = new Set<GrammarAST.AbstractRule>();
    const visitRule = (rule: GrammarAST.AbstractRule | undefined): void => {
        if (!rule || seen.has(rule) || !GrammarAST.isParserRule(rule)) return;
        seen.add(rule);
        leading(rule.definition);
    };
    const leading = (element: GrammarAST.AbstractElement): void => {
        if (GrammarAST.isKeyword(element)) {
            result.add(element);
        } else if (GrammarAST.isAlternatives(element)) {
            element.elements.forEach(leading);
        } else if (GrammarAST.isGroup(element)) {
            const first = element.elements.find(e => !GrammarAST.isAction(e));
            if (first) leading(first);
        } else if (GrammarAST.isAssignment(element)) {
            leading(element.terminal);
        } else if (GrammarAST.isRuleCall(element)) {
            visitRule(element.rule.ref);
        }
    };
    for (const assignment of AstUtils.streamAllContents(grammar).filter(GrammarAST.isAssignment)) {
        if (assignment.feature === 'items' || assignment.feature === 'elements' || assignment.feature === 'results') leading(assignment.terminal);
    }
    return result;
}
