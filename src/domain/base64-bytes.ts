/**
 * Bytes to base64 and back, with the platform's `btoa`/`atob` (present in browsers, Web
 * Workers and Node alike), for binary files sent over JSON-RPC, which carries text only.
 */

/** One character per byte value: a "binary string", which is what `btoa` reads. */
const BYTE_CHARACTERS: readonly string[] = Array.from({ length: 256 }, (_, byte) => String.fromCharCode(byte));

export function bytesToBase64(bytes: Uint8Array): string {
    // Character by character into an array and joined once: spreading the bytes into
    // `String.fromCharCode` would put each on the stack, which overflows on large files.
    const characters = new Array<string>(bytes.length);
    for (let i = 0; i < bytes.length; i++) characters[i] = BYTE_CHARACTERS[bytes[i]];
    return btoa(characters.join(''));
}

/** Throws (a DOMException from `atob`) when `text` is not base64. */
export function base64ToBytes(text: string): Uint8Array {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
}
