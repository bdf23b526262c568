import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

/**
 * Labels know only two escapes, `\"` and `\\`; any other backslash is kept as
 * written (`"C:\temp"` stays `C:\temp`). Langium's default would turn `\t` into a tab.
 */
export class CycleValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'STRING') {
            return unquoteLabel(input);
        }
        if (rule.name === 'ID' || rule.name === 'DATE') {
            return input;
        }
        return super.runConverter(rule, input, cstNode);
    }
}

function unquoteLabel(source: string): string {
    // A label in other quotes (`“Hi”`, reported by the lexer) is read without them, as written.
    if (!source.startsWith('"')) return source.substring(1, source.length - 1);
    // An unterminated label (reported by the lexer) has no closing quote to drop.
    const closed = source.length >= 2 && source.endsWith('"') && !isEscapedAt(source, source.length - 1);
    const body = source.substring(1, closed ? source.length - 1 : source.length);
    return body.replace(/\\(["\\])/g, '$1');
}

function isEscapedAt(text: string, index: number): boolean {
    let backslashes = 0;
    for (let i = index - 1; i > 0 && text[i] === '\\'; i--) backslashes++;
    return backslashes % 2 === 1;
}
