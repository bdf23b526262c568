import { AstUtils, GrammarAST, type MaybePromise } from 'langium';
import { DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type NextFeature } from 'langium/lsp';
import { CompletionItemKind } from 'vscode-languageserver';
import { CHANNELS, QUALITY_COMPONENTS } from '../../model/vocabulary.js';

/**
 * Langium's completion (keywords valid at the cursor's block level, references in
 * scope), plus the closed vocabularies written as ids: channels and the ten quality
 * components, each with what it means.
 */
export class CycleCompletionProvider extends DefaultCompletionProvider {
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
        return super.completionFor(context, next, acceptor);
    }
}
