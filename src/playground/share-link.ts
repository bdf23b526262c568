import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';

/**
 * Share links: the whole text of a cycle in the URL fragment, so sharing needs no
 * server and a link never reaches one (browsers do not send the fragment).
 *
 * Format, version 1 (docs/share-links.md):  `#v1/<data>` where `<data>` is the text
 * as UTF-8, compressed with raw DEFLATE (RFC 1951, no zlib or gzip header), written
 * in base64url (RFC 4648 §5) without padding. A later version gets a new prefix
 * (`v2/…`); every version ever written keeps being read.
 */
export const SHARE_PREFIX = 'v1/';

/** A fragment that is not a share link this version can read, with a message a person understands. */
export class ShareLinkError extends Error {
    override readonly name = 'ShareLinkError';
}

/** The fragment (without `#`) for a text. */
export function encodeShareFragment(text: string): string {
    const bytes = new TextEncoder().encode(text);
    return SHARE_PREFIX + toBase64Url(deflateSync(bytes, { level: 9 }));
}

/** Whether a fragment (with or without `#`) looks like a share link at all, of any version. */
export function isShareFragment(fragment: string): boolean {
    return /^#?v\d+\//.test(fragment);
}

/** The text a fragment carries; throws ShareLinkError when it cannot be read. */
export function decodeShareFragment(fragment: string): string {
    const body = fragment.startsWith('#') ? fragment.slice(1) : fragment;
    const version = /^v(\d+)\//.exec(body);
    if (!version) throw new ShareLinkError('This link does not hold a cycle: a share link ends in #v1/ and the text.');
    if (version[1] !== '1') {
        throw new ShareLinkError(`This link was made by a newer playground (format v${version[1]}); this one reads v1 links. Open it in the current playground.`);
    }
    const data = body.slice(version[0].length);
    if (data === '') throw new ShareLinkError('This share link is cut short: it ends where the text should begin. Was it copied whole?');
    let compressed: Uint8Array;
    try {
        compressed = fromBase64Url(data);
    } catch {
        throw new ShareLinkError('This share link is damaged: it holds characters a link made by the playground never has. Was it copied whole?');
    }
    let bytes: Uint8Array;
    try {
        bytes = inflateSync(compressed);
    } catch {
        throw new ShareLinkError('This share link is cut short or damaged: its text could not be unpacked. Was it copied whole?');
    }
    try {
        return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
        throw new ShareLinkError('This share link is damaged: its text is not valid UTF-8.');
    }
}

function toBase64Url(bytes: Uint8Array): string {
    // Bytes as a "binary string" (one character per byte, latin1), which is what btoa reads.
    return btoa(strFromU8(bytes, true)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
    if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) throw new Error('not base64url');
    return strToU8(atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4)), true);
}
