import { createHash } from 'node:crypto';

/**
 * The `sha256-…` source by which a page's Content-Security-Policy allows its one inline
 * stylesheet: the base64 SHA-256 of the stylesheet's exact text as UTF-8, as browsers
 * compute it over the `<style>` element's content. Here, not in export/, because it
 * needs Node's crypto and export/ is node-free.
 */
export function cspStyleHash(css: string): string {
    return `sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}`;
}
