import { INVISIBLE_CONTROL } from './characters.js';

/**
 * Text for a terminal. Labels, ids, messages and file names come from files someone
 * else may have written: an ESC in a label could erase the line above ("loses the only
 * prevent mitigation") or rewrite a finding. Every control character, DEL, and every
 * bidi formatting character is shown escaped, as JavaScript would write it (`\x1b`,
 * `\u009b`, `\u202e`), so the reader sees that it is there and the terminal obeys
 * nothing. Backslashes are left alone: a Windows path stays readable.
 */
export function terminalText(text: string): string {
    return text.replace(INVISIBLE_CONTROL, escapeForTerminal);
}

/** As `terminalText`, but line breaks stay line breaks: for messages of several lines. */
export function terminalLines(text: string): string {
    return text.split('\n').map(terminalText).join('\n');
}

const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeForTerminal(char: string): string {
    const code = char.charCodeAt(0);
    if (NAMED[char]) return NAMED[char];
    if (code < 0x20 || code === 0x7f) return '\\x' + code.toString(16).padStart(2, '0');
    return '\\u' + code.toString(16).padStart(4, '0');
}
