import { INVISIBLE_IN_JSON } from './characters.js';

/**
 * JSON text whose value is exactly `JSON.stringify`'s, but that is safe to print:
 * `JSON.stringify` escapes C0 controls but passes DEL, C1 controls (CSI, U+009B, moves
 * a terminal's cursor) and bidi formatting characters through raw. They can only occur
 * inside strings, where `\uXXXX` means the same character, so a parser reads the same
 * data while a terminal or a code viewer shows nothing it would obey.
 */
export function jsonText(value: unknown): string {
    return JSON.stringify(value, null, 2).replace(INVISIBLE_IN_JSON, char => '\\u' + char.charCodeAt(0).toString(16).padStart(4, '0'));
}
