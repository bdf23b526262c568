import type { IToken } from 'chevrotain';

/** The tokens of a text, as the cycle scanner gives them. */
interface ScannedText {
    tokens: readonly IToken[];
    /** Comments. */
    hidden: readonly IToken[];
}

const INDENT_UNIT = '  ';

/**
 * The canonical form of a cycle file: two spaces per block level, one space between
 * the parts of a line (`1..5` stays glued), comments kept on their lines (a comment
 * line takes the indentation of the line it introduces), groups of blank lines kept
 * as one blank line, no trailing spaces, one line end at the end of the file.
 *
 * Pure: the caller scans the text and must not format a text that has syntax errors
 * (`cycle fmt` and the editor both refuse to).
 */
export function formatCycle(text: string, scanned: ScannedText): string {
    const bom = text.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
    // The file's own line end, as its first line ends: CRLF, LF or a lone CR (old Mac).
    const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
    const sourceLines = text.split(/\r\n|\r|\n/);

    // Depth and content of every line that holds tokens (1-based line numbers).
    const depthOfLine = new Map<number, number>();
    const partsOfLine = new Map<number, string[]>();
    let depth = 0;
    for (const token of scanned.tokens) {
        const name = token.tokenType.name;
        if (name === 'INDENT') { depth++; continue; }
        if (name === 'DEDENT') { depth = Math.max(0, depth - 1); continue; }
        const line = token.startLine ?? 1;
        if (!depthOfLine.has(line)) depthOfLine.set(line, depth);
        let parts = partsOfLine.get(line);
        if (!parts) partsOfLine.set(line, parts = []);
        if (name === '..' && parts.length > 0) {
            parts[parts.length - 1] += '..';
        } else if (parts.length > 0 && parts[parts.length - 1].endsWith('..')) {
            parts[parts.length - 1] += token.image;
        } else {
            parts.push(token.image);
        }
    }
    const commentOfLine = new Map<number, string>();
    for (const comment of scanned.hidden) {
        commentOfLine.set(comment.startLine ?? 1, comment.image.replace(/\s+$/, ''));
    }

    // A comment line takes the depth of the next line with content: found in one
    // backward pass, so a long run of comments costs one step a line, not its length.
    const depthOfNextContent = new Int32Array(sourceLines.length + 2);
    for (let line = sourceLines.length; line >= 1; line--) {
        depthOfNextContent[line] = depthOfLine.get(line + 1) ?? depthOfNextContent[line + 1];
    }

    const out: string[] = [];
    let pendingBlank = false;
    for (let index = 0; index < sourceLines.length; index++) {
        const line = index + 1;
        const parts = partsOfLine.get(line);
        const comment = commentOfLine.get(line);
        if (!parts && comment === undefined) {
            if (out.length > 0) pendingBlank = true;
            continue;
        }
        if (pendingBlank) out.push('');
        pendingBlank = false;
        if (parts) {
            const body = INDENT_UNIT.repeat(depthOfLine.get(line) ?? 0) + parts.join(' ');
            out.push(comment === undefined ? body : `${body} ${comment}`);
        } else {
            out.push(INDENT_UNIT.repeat(depthOfNextContent[line]) + comment);
        }
    }
    return out.length === 0 ? '' : bom + out.join(eol) + eol;
}
