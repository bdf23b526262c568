import { Cancellation, type AstNode, type LangiumDocument } from 'langium';
import { AbstractSemanticTokenProvider, AllSemanticTokenModifiers, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import * as ast from '../language/generated/ast.js';
import { walkAst } from '../language/ast-walk.js';

/** Token modifiers of our own, so themes (and our defaults) can colour them. */
const CRITICAL_MODIFIER = 'critical';
const UNMITIGATED_MODIFIER = 'unmitigated';

const CYCLE_MODIFIERS: Record<string, number> = {
    ...AllSemanticTokenModifiers,
    [CRITICAL_MODIFIER]: 1 << 10,
    [UNMITIGATED_MODIFIER]: 1 << 11
};

/**
 * Colours ids by what they name. A critical moment carries the `critical` modifier
 * wherever its id appears, and an unmitigated one also `unmitigated`: the extension
 * gives both a default colour, so a critical moment without prevention stands out
 * in every theme.
 */
export class CycleSemanticTokenProvider extends AbstractSemanticTokenProvider {
    override get tokenModifiers(): Record<string, number> {
        return CYCLE_MODIFIERS;
    }

    protected override async computeHighlighting(document: LangiumDocument, acceptor: SemanticTokenAcceptor, cancelToken: Cancellation.CancellationToken): Promise<void> {
        for (const node of walkAst(document.parseResult.value)) {
            if (cancelToken.isCancellationRequested) return;
            this.highlightElement(node, acceptor);
        }
    }

    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        if (ast.isMoment(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.function, modifier: [SemanticTokenModifiers.declaration, ...momentModifiers(node)] });
        } else if (ast.isRole(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.type, modifier: SemanticTokenModifiers.declaration });
        } else if (ast.isCycle(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.namespace, modifier: SemanticTokenModifiers.declaration });
        } else if (ast.isRequirement(node) || ast.isAction(node) || ast.isArea(node) || ast.isSurvey(node) || ast.isQuestion(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.variable, modifier: SemanticTokenModifiers.declaration });
        } else if (ast.isBy(node) || ast.isOwner(node)) {
            acceptor({ node, property: 'role', type: SemanticTokenTypes.type });
        } else if (ast.isFor(node) || ast.isCovers(node) || ast.isAbout(node)) {
            const moment = node.moment?.ref;
            acceptor({ node, property: 'moment', type: SemanticTokenTypes.function, modifier: moment ? momentModifiers(moment) : [] });
        } else if (ast.isMeets(node)) {
            acceptor({ node, property: 'requirement', type: SemanticTokenTypes.variable });
        } else if (ast.isPriorityItem(node)) {
            acceptor({ node, property: 'area', type: SemanticTokenTypes.variable });
        } else if (ast.isQuality(node) || ast.isChannel(node) || ast.isMeasures(node)) {
            acceptor({ node, property: 'value', type: SemanticTokenTypes.enumMember });
        }
    }
}

function momentModifiers(moment: ast.Moment): string[] {
    const critical = moment.items.find(ast.isCritical);
    if (!critical) return [];
    const prevented = critical.items.some(i => ast.isMitigation(i) && i.kind === 'prevent');
    return prevented ? [CRITICAL_MODIFIER] : [CRITICAL_MODIFIER, UNMITIGATED_MODIFIER];
}
