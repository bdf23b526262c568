import { htmlText as t } from '../domain/neutralise/html.js';

/**
 * The opening of a page that is a file handed around (the report, the survey form):
 * from the doctype to `</head>`, with one inline stylesheet and a Content-Security-Policy
 * that allows that stylesheet by its hash and nothing else: no script, no request, no
 * form sent anywhere. One builder, so the two pages cannot drift apart in what they allow.
 */
export interface SelfContainedHead {
    /** The page's language (`en`, `zh`, …), for `<html lang>`. Escaped here. */
    readonly language: string;
    /** The page's title as plain text. Escaped here: it comes from the cycle's labels. */
    readonly title: string;
    /** The page's only styles: our own constant, put in as it is (the hash is of exactly this text). */
    readonly css: string;
    /** The `sha256-…` source of `css`, computed by the caller, which has the crypto. */
    readonly styleHash: string;
    /**
     * Directives allowed beyond the stylesheet, placed after `style-src` (the report's
     * `img-src data:`). Each escaped, never a way out of the attribute.
     */
    readonly extraCsp?: readonly string[];
}

/** The lines from `<!DOCTYPE html>` to `</head>`, joined by line breaks (no final one). */
export function selfContainedHead(head: SelfContainedHead): string {
    const csp = ["default-src 'none'", `style-src '${t(head.styleHash)}'`, ...(head.extraCsp ?? []).map(d => t(d)), "base-uri 'none'", "form-action 'none'"];
    return [
        '<!DOCTYPE html>',
        `<html lang="${t(head.language)}">`,
        '<head>',
        '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="${csp.join('; ')}">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        // The file is opened anywhere: a link followed from it tells no one where it came from.
        '<meta name="referrer" content="no-referrer">',
        `<title>${t(head.title)}</title>`,
        `<style>${head.css}</style>`,
        '</head>'
    ].join('\n');
}
