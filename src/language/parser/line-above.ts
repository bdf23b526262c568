import type { IToken } from 'chevrotain';

/**
 * Reading the scanner's tokens backwards from a line, to find the line just above
 * it at its own level (its previous sibling): a line one level too shallow usually
 * belongs under that one.
 */

function isBlockToken(token: IToken): boolean {
    const name = token.tokenType?.name;
    return name === 'INDENT' || name === 'DEDENT';
}

/** Where `token` sits in `tokens` (sorted by offset), or -1. */
export function indexOfToken(tokens: readonly IToken[], token: IToken): number {
    let low = 0;
    let high = tokens.length - 1;
    while (low < high) {
        const middle = (low + high) >> 1;
        if (tokens[middle].startOffset < token.startOffset) low = middle + 1;
        else high = middle;
    }
    // Zero-width DEDENTs may share an offset with their neighbours.
    for (let i = low; i < tokens.length && tokens[i].startOffset <= token.startOffset; i++) {
        if (tokens[i] === token) return i;
    }
    return -1;
}

/**
 * The index of the first token of the line just above the line that starts at
 * `index`, at the same block level, skipping the blocks nested in between; -1 when
 * that line is the first of its block. Costs the length of that previous sibling's
 * block, so each line is passed over at most once per block it closes.
 */
export function previousSiblingLine(tokens: readonly IToken[], index: number): number {
    let depth = 0;
    for (let i = index - 1; i >= 0; i--) {
        const token = tokens[i];
        const name = token.tokenType?.name;
        if (name === 'DEDENT') {
            depth++;
        } else if (name === 'INDENT') {
            if (depth === 0) return -1;
            depth--;
        } else if (depth === 0 && startsLine(tokens, i)) {
            return i;
        }
    }
    return -1;
}

function startsLine(tokens: readonly IToken[], index: number): boolean {
    const before = tokens[index - 1];
    return !before || isBlockToken(before) || (before.endLine ?? 0) < (tokens[index].startLine ?? 0);
}

/**
 * How the line at `index` reads in a message: its keyword and its id (`moment m4`),
 * or its keyword and its label (`prevent "Check first"`), or its keyword alone.
 */
export function describeLine(tokens: readonly IToken[], index: number): string {
    const first = tokens[index];
    const next = tokens[index + 1];
    const sameLine = next && !isBlockToken(next) && next.startLine === first.startLine;
    if (!sameLine) return first.image;
    const name = next.tokenType?.name;
    if (name === 'ID') return `${first.image} ${next.image}`;
    if (name === 'STRING') return `${first.image} ${next.image.length > 30 ? next.image.substring(0, 28) + '…"' : next.image}`;
    return first.image;
}
