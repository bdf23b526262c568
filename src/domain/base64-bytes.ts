/**
 * Bytes to base64 and back (RFC 4648 §4, with padding), for binary files sent over
 * JSON-RPC, which carries text only: a survey's results file read by VS Code for the
 * Web and sent to the language server's worker.
 *
 * Written over typed arrays rather than through `btoa`/`atob`: those take a "binary
 * string", and building one from a 30 MB file took seconds (character by character)
 * or risked the stack (spread into `String.fromCharCode`); this takes tens of
 * milliseconds. The digits are ASCII, so the text decoder turns them into a string at once.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const PAD = '='.charCodeAt(0);
const DIGITS = new TextEncoder().encode(ALPHABET);
/** The value of each ASCII code as a base64 digit; -1: not a digit. */
const VALUES = new Int16Array(128).fill(-1);
DIGITS.forEach((code, value) => { VALUES[code] = value; });

export function bytesToBase64(bytes: Uint8Array): string {
    const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
    let o = 0;
    let i = 0;
    for (; i + 2 < bytes.length; i += 3) {
        const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
        out[o++] = DIGITS[n >> 18];
        out[o++] = DIGITS[(n >> 12) & 63];
        out[o++] = DIGITS[(n >> 6) & 63];
        out[o++] = DIGITS[n & 63];
    }
    const left = bytes.length - i;
    if (left > 0) {
        const n = (bytes[i] << 16) | (left === 2 ? bytes[i + 1] << 8 : 0);
        out[o++] = DIGITS[n >> 18];
        out[o++] = DIGITS[(n >> 12) & 63];
        out[o++] = left === 2 ? DIGITS[(n >> 6) & 63] : PAD;
        out[o++] = PAD;
    }
    return new TextDecoder().decode(out);
}

/** Throws when `text` is not base64 (a wrong length, or a character outside the alphabet). */
export function base64ToBytes(text: string): Uint8Array {
    const codes = new TextEncoder().encode(text);
    if (codes.length % 4 !== 0) throw new Error('not base64: its length is not a multiple of 4');
    const padding = codes.length === 0 ? 0 : (codes[codes.length - 1] === PAD ? 1 : 0) + (codes[codes.length - 2] === PAD ? 1 : 0);
    const bytes = new Uint8Array((codes.length / 4) * 3 - padding);
    let b = 0;
    for (let i = 0; i < codes.length; i += 4) {
        let n = 0;
        for (let k = 0; k < 4; k++) {
            const code = codes[i + k];
            const last = i + 4 === codes.length;
            const value = last && code === PAD && k >= 4 - padding ? 0 : code < 128 ? VALUES[code] : -1;
            if (value < 0) throw new Error(`not base64: character ${i + k + 1} is not a base64 digit`);
            n = (n << 6) | value;
        }
        if (b < bytes.length) bytes[b++] = n >> 16;
        if (b < bytes.length) bytes[b++] = (n >> 8) & 255;
        if (b < bytes.length) bytes[b++] = n & 255;
    }
    return bytes;
}
