/**
 * What a reader of each output would check, as functions returning the problems
 * found (empty when the output is sound). Used by the hostile-label property and by
 * the language-server property (the SVGs of cycle/compare).
 */
import { SaxesParser } from 'saxes';

/** A readable excerpt of `text` around `index`, escapes shown. */
export function excerpt(text: string, index: number): string {
    return JSON.stringify(text.substring(Math.max(0, index - 30), index + 30));
}

/** Well-formed XML (saxes is a conformant parser: it also refuses characters XML forbids). */
export function xmlProblems(xml: string, what: string): string[] {
    const problems: string[] = [];
    const parser = new SaxesParser({ xmlns: false, position: true });
    parser.on('error', error => {
        if (problems.length < 3) problems.push(`${what} is not well-formed XML: ${error.message}`);
    });
    try {
        parser.write(xml).close();
    } catch (error) {
        problems.push(`${what} is not well-formed XML: ${(error as Error).message}`);
    }
    return problems;
}

/** The `data-moment` attribute values of an SVG, in order. */
export function svgMomentIds(svg: string): string[] {
    const ids: string[] = [];
    const parser = new SaxesParser({ xmlns: false });
    parser.on('error', () => undefined);
    parser.on('attribute', attribute => { if (attribute.name === 'data-moment') ids.push(attribute.value); });
    try {
        parser.write(svg).close();
    } catch {
        // reported by xmlProblems
    }
    return ids;
}

/**
 * Text meant for a terminal: no control character but line ends and tabs (an escape
 * sequence in a label could recolour, retitle or clear the user's terminal).
 */
export function terminalProblems(text: string, what: string): string[] {
    const match = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.exec(text.replace(/\r\n/g, '\n'));
    return match ? [`${what} carries the raw control character U+${match[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}: ${excerpt(text, match.index)}`] : [];
}

/**
 * Markdown that GitHub shows in a pull request: a label must not ping anybody
 * (`@name`) nor become a link (`https://…`, `www.…`) nor open raw HTML (`<tag`).
 */
export function markdownProblems(markdown: string, what: string): string[] {
    const problems: string[] = [];
    const rules: [RegExp, string][] = [
        [/(?<![\\\w`])@[A-Za-z0-9]/, 'an @mention'],
        [/(?<![\\\w])https?:\/\//i, 'an autolink (http://)'],
        [/(?<![\\\w])www\\?\./i, 'an autolink (www.)'],
        [/<[A-Za-z!/?]/, 'raw HTML']
    ];
    for (const [pattern, name] of rules) {
        const match = pattern.exec(markdown);
        if (match) problems.push(`${what} has ${name}: ${excerpt(markdown, match.index)}`);
    }
    return problems.concat(terminalProblems(markdown, what));
}

/**
 * The tokens of a Mermaid journey, as Mermaid's own lexer cuts them (the rules of its
 * journey grammar, in their order: the first that matches wins).
 */
const MERMAID_JOURNEY_RULES: [RegExp, string | null][] = [
    [/^%(?!\{)[^\n]*/i, null],
    [/^[^}]%%[^\n]*/i, null],
    [/^[\n]+/i, 'newline'],
    [/^\s+/i, null],
    [/^#[^\n]*/i, null],
    [/^journey\b/i, 'journey'],
    [/^title\s[^#\n;]+/i, 'title'],
    [/^accTitle\s*:\s*/i, 'accTitle'],
    [/^accDescr\s*:\s*/i, 'accDescr'],
    [/^accDescr\s*\{\s*/i, 'accDescr'],
    [/^section\s[^#:\n;]+/i, 'section'],
    [/^[^#:\n;]+/i, 'task'],
    [/^:[^#\n;]+/i, 'taskData'],
    [/^:/i, 'colon']
];

function mermaidTokens(text: string): { kind: string; image: string }[] {
    const tokens: { kind: string; image: string }[] = [];
    let rest = text;
    while (rest.length > 0) {
        const rule = MERMAID_JOURNEY_RULES.find(([pattern]) => pattern.test(rest));
        if (!rule) {
            tokens.push({ kind: 'invalid', image: rest[0] });
            rest = rest.substring(1);
            continue;
        }
        const image = rule[0].exec(rest)![0];
        if (rule[1]) tokens.push({ kind: rule[1], image });
        rest = rest.substring(image.length);
    }
    return tokens;
}

/**
 * A Mermaid journey that draws every moment: one `journey` header, one title, and
 * exactly one task (a name, then `: score: actors`) per moment, in order.
 */
export function mermaidProblems(text: string, momentCount: number, what: string): string[] {
    const tokens = mermaidTokens(text).filter(t => t.kind !== 'newline');
    const problems: string[] = [];
    const journeys = tokens.filter(t => t.kind === 'journey').length;
    if (journeys !== 1) problems.push(`${what} has ${journeys} \`journey\` headers, not one`);
    const titles = tokens.filter(t => t.kind === 'title').length;
    if (titles !== 1) problems.push(`${what} has ${titles} titles, not one`);
    const tasks = tokens.filter(t => t.kind === 'task');
    if (tasks.length !== momentCount) {
        problems.push(`${what} has ${tasks.length} tasks for ${momentCount} moments: ${JSON.stringify(tokens.map(t => `${t.kind} ${t.image}`).slice(0, 12))}`);
    }
    tokens.forEach((token, index) => {
        if (token.kind === 'task' && tokens[index + 1]?.kind !== 'taskData') problems.push(`${what}: the task ${JSON.stringify(token.image)} has no score`);
        if (token.kind === 'invalid' || token.kind === 'colon') problems.push(`${what} has a stray ${JSON.stringify(token.image)}`);
    });
    return problems;
}

/** JSON text that parses; the parsed value, or the problem. */
export function parseJson(text: string, what: string): { value: unknown } | { problem: string } {
    try {
        return { value: JSON.parse(text) };
    } catch (error) {
        return { problem: `${what} is not JSON: ${(error as Error).message}` };
    }
}
