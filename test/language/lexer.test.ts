import { describe, expect, it } from 'vitest';
import { freshServices } from '../helpers.js';

const services = freshServices();
const lexer = services.parser.Lexer;

function kinds(text: string): string[] {
    return lexer.tokenize(text).tokens.map(t => t.tokenType.name === 'ID' || t.tokenType.name === 'STRING' || t.tokenType.name === 'INT' || t.tokenType.name === 'DATE'
        ? `${t.tokenType.name}:${t.image}` : t.tokenType.name);
}

describe('the line scanner', () => {
    it('makes blocks from indentation', () => {
        expect(kinds('cycle c "x"\n  moment m "y"\n    feels 3\n  moment n "z"\n')).toEqual([
            'cycle', 'ID:c', 'STRING:"x"', 'INDENT', 'moment', 'ID:m', 'STRING:"y"', 'INDENT', 'feels', 'INT:3',
            'DEDENT', 'moment', 'ID:n', 'STRING:"z"', 'DEDENT'
        ]);
    });

    it('lets comments and blank lines sit at any indentation without closing blocks', () => {
        const text = 'cycle c "x"\n  moment m "y"\n# a comment at column 0\n\n      \n    feels 3\n';
        expect(kinds(text)).toEqual(['cycle', 'ID:c', 'STRING:"x"', 'INDENT', 'moment', 'ID:m', 'STRING:"y"', 'INDENT', 'feels', 'INT:3', 'DEDENT', 'DEDENT']);
        expect(lexer.tokenize(text).hidden.map(t => t.image)).toEqual(['# a comment at column 0']);
    });

    it('reads Unicode identifiers: Cyrillic, Latin with diacritics, CJK, Devanagari, Arabic', () => {
        for (const id of ['доставка-пиццы', 'café-crème', '网上购物', 'डिलीवरी', 'توصيل_الطلب', 'ĉambro2']) {
            expect(kinds(`moment ${id} "x"`)).toEqual(['moment', `ID:${id}`, 'STRING:"x"']);
        }
    });

    it('reads a word that starts with a keyword as an identifier', () => {
        expect(kinds('question wait-minutes "x"')).toEqual(['question', 'ID:wait-minutes', 'STRING:"x"']);
        expect(kinds('by format')).toEqual(['by', 'ID:format']);
        expect(kinds('answer yes-no')).toEqual(['answer', 'yes-no']);
    });

    it('tells dates, signed numbers, ranges and list dashes apart', () => {
        expect(kinds('due 2027-03-31')).toEqual(['due', 'DATE:2027-03-31']);
        expect(kinds('feels -1')).toEqual(['feels', 'INT:-1']);
        expect(kinds('scale 1..5')).toEqual(['scale', 'INT:1', '..', 'INT:5']);
        expect(kinds('- area-1')).toEqual(['-', 'ID:area-1']);
    });

    it('keeps any backslash but \\" and \\\\ as written in labels', () => {
        expect(kinds('risk "say \\"no\\" to C:\\temp"')).toEqual(['risk', 'STRING:"say \\"no\\" to C:\\temp"']);
    });

    it('reports a tab in indentation, counting it as one column, and goes on', () => {
        const result = lexer.tokenize('cycle c "x"\n\tmoment m "y"\n\tmoment n "z"\n');
        const messages = result.report?.diagnostics ?? [];
        expect(messages).toHaveLength(2);
        expect(messages[0]).toMatchObject({ line: 2, column: 1, length: 1 });
        expect(messages[0].message).toMatch(/spaces, not tabs/);
        expect(result.tokens.filter(t => t.tokenType.name === 'moment')).toHaveLength(2);
    });

    it('reports an unterminated label but keeps it as a label', () => {
        const result = lexer.tokenize('moment m "no end\n');
        expect(result.tokens.map(t => t.tokenType.name)).toEqual(['moment', 'ID', 'STRING']);
        expect(result.report?.diagnostics[0].message).toMatch(/closing quote/);
    });

    it('reports unexpected characters once per run, with their position', () => {
        const result = lexer.tokenize('moment m "x" @@@ ;\n');
        expect(result.errors.map(e => [e.column, e.length])).toEqual([[14, 3], [18, 1]]);
        expect(result.errors[0].message).toContain('`@@@`');
    });

    it('accepts a byte-order mark and CRLF line ends', () => {
        expect(kinds('\uFEFFcycle c "x"\r\n  goal "g"\r\n')).toEqual(['cycle', 'ID:c', 'STRING:"x"', 'INDENT', 'goal', 'STRING:"g"', 'DEDENT']);
    });

    it('reports a dedent to a level no block has, and keeps the line in the nearest block', () => {
        const result = lexer.tokenize('cycle c "x"\n    moment a "A"\n  moment b "B"\n');
        expect(result.report?.diagnostics[0].message).toMatch(/matches no enclosing block/);
        expect(result.tokens.map(t => t.tokenType.name)).toEqual(['cycle', 'ID', 'STRING', 'INDENT', 'moment', 'ID', 'STRING', 'moment', 'ID', 'STRING', 'DEDENT']);
    });

    it('gives every token its line and column', () => {
        const token = lexer.tokenize('cycle c "x"\n  goal "g"\n').tokens.find(t => t.image === '"g"')!;
        expect([token.startLine, token.startColumn, token.endColumn]).toEqual([2, 8, 10]);
    });

    it('in partial mode (completion), leaves blocks open and follows the indentation of the cursor\'s empty line', () => {
        const names = (text: string) => lexer.tokenize(text, { mode: 'partial' }).tokens.map(t => t.tokenType.name);
        expect(names('cycle c "x"\n  goal "g"').at(-1)).toBe('STRING');
        expect(names('cycle c "x"\n  goal "g"\n  ').at(-1)).toBe('STRING');
        expect(names('cycle c "x"\n  moment m "M"\n    ').at(-1)).toBe('INDENT');
        expect(names('cycle c "x"\n  goal "g"\n').at(-1)).toBe('DEDENT');
    });
});
