import { GrammarAST } from 'langium';

/** The keywords that can start what a grammar element matches. */
export function leadingKeywords(element: GrammarAST.AbstractElement, seen = new Set<GrammarAST.AbstractRule>()): string[] {
    if (GrammarAST.isKeyword(element)) return [element.value];
    if (GrammarAST.isAlternatives(element)) return element.elements.flatMap(e => leadingKeywords(e, seen));
    if (GrammarAST.isGroup(element)) {
        const first = element.elements.find(e => !GrammarAST.isAction(e));
        return first ? leadingKeywords(first, seen) : [];
    }
    if (GrammarAST.isAssignment(element)) return leadingKeywords(element.terminal, seen);
    if (GrammarAST.isRuleCall(element) && GrammarAST.isParserRule(element.rule.ref) && !seen.has(element.rule.ref)) {
        seen.add(element.rule.ref);
        return leadingKeywords(element.rule.ref.definition, seen);
    }
    return [];
}
