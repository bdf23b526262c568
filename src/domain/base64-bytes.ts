/**
 * Bytes to base64 and back, with the platform's `btoa`/`atob` (present in browsers, Web
 * Workers and Node alike), for binary files sent over JSON-RPC, which carries text only.
 */

/** `String.fromCharCode` takes its arguments on the stack: a few kilobytes per call. */
const CHUNK = 0x2000;

export function bytesToBase64(bytes: Uint8Array): string {
    let binary = '';
    for (let start = 0; start < bytes.length; start += CHUNK) {
        binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
    }
    return btoa(binary);
}

/** Throws (a DOMException from `atob`) when `text` is not base64. */
export function base64ToBytes(text: string): Uint8Array {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
}
