import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { selfContainedHead, type SelfContainedHead } from '../../src/export/self-contained-head.js';

type Element = DefaultTreeAdapterMap['element'];

/* The head of the pages handed around as files (report, survey form), read back as a browser parses it. */

const HOSTILE = `</title><script>alert(1)</script><meta http-equiv="refresh" content="0;url=https://evil.example"> & 'q' \u202Eevil`;

/** The page the head opens, with an empty body, parsed; `html` and the elements of its head. */
function parsed(head: SelfContainedHead): { html: Element; head: Element[] } {
    const document = parse(`${selfContainedHead(head)}\n<body></body></html>`);
    const html = document.childNodes.find((n): n is Element => 'tagName' in n && n.tagName === 'html')!;
    const headElement = html.childNodes.find((n): n is Element => 'tagName' in n && n.tagName === 'head')!;
    return { html, head: headElement.childNodes.filter((n): n is Element => 'tagName' in n) };
}
const attr = (element: Element, name: string): string | undefined => element.attrs.find(a => a.name === name)?.value;
const text = (element: Element): string => element.childNodes.map(n => (n as DefaultTreeAdapterMap['textNode']).value ?? '').join('');
function cspOf(head: Element[]): string {
    const meta = head.filter(e => e.tagName === 'meta' && attr(e, 'http-equiv') === 'Content-Security-Policy');
    expect(meta).toHaveLength(1);
    return attr(meta[0], 'content')!;
}

describe('selfContainedHead', () => {
    const plain: SelfContainedHead = { language: 'en', title: 'Buying a coffee', css: 'body { color: #123; }', styleHash: 'sha256-abc=' };

    it('allows the one stylesheet by its hash, and nothing else: no script, no request, no form sent', () => {
        const { head } = parsed(plain);
        expect(cspOf(head)).toBe("default-src 'none'; style-src 'sha256-abc='; base-uri 'none'; form-action 'none'");
    });

    it('names no source a page could fetch from or run, with or without the extra directives', () => {
        for (const extraCsp of [undefined, ['img-src data:']]) {
            const directives = cspOf(parsed({ ...plain, extraCsp }).head).split(';').map(d => d.trim().split(/\s+/));
            expect(directives.map(d => d[0])).toContain('default-src');
            for (const [name, ...sources] of directives) {
                // A host, a scheme that fetches, a wildcard, 'self', or the 'unsafe-…' keywords would let the file reach out or run.
                for (const source of sources) expect(source, `${name} ${source}`).toMatch(/^('none'|'sha256-[A-Za-z0-9+/=]+'|data:)$/);
            }
        }
    });

    it('puts the extra directives after style-src, as the report has them', () => {
        expect(cspOf(parsed({ ...plain, extraCsp: ['img-src data:'] }).head))
            .toBe("default-src 'none'; style-src 'sha256-abc='; img-src data:; base-uri 'none'; form-action 'none'");
    });

    it('holds the stylesheet as it is, and the title, language and charset a reader needs', () => {
        const { html, head } = parsed(plain);
        expect(attr(html, 'lang')).toBe('en');
        expect(head.map(e => e.tagName)).toEqual(['meta', 'meta', 'meta', 'meta', 'title', 'style']);
        expect(attr(head[0], 'charset')).toBe('utf-8');
        expect(text(head.find(e => e.tagName === 'title')!)).toBe('Buying a coffee');
        expect(text(head.find(e => e.tagName === 'style')!)).toBe('body { color: #123; }');
        expect(head.find(e => attr(e, 'name') === 'referrer')?.attrs.find(a => a.name === 'content')?.value).toBe('no-referrer');
    });

    it('keeps a hostile title and language as text: no element, no attribute of theirs, controls shown by name', () => {
        const { html, head } = parsed({ ...plain, title: HOSTILE, language: `en" onload="alert(2)` });
        // Still the six elements: the title opened no script and no refreshing meta.
        expect(head.map(e => e.tagName)).toEqual(['meta', 'meta', 'meta', 'meta', 'title', 'style']);
        expect(text(head.find(e => e.tagName === 'title')!)).toBe(HOSTILE.replace('\u202E', '<U+202E>'));
        expect(html.attrs.map(a => a.name)).toEqual(['lang']);
        expect(attr(html, 'lang')).toBe(`en" onload="alert(2)`);
    });

    it('keeps a hostile hash or directive inside the policy attribute', () => {
        const { head } = parsed({ ...plain, styleHash: `x'"><script>alert(3)</script>`, extraCsp: [`img-src data:"><script>alert(4)</script>`] });
        expect(head.map(e => e.tagName)).toEqual(['meta', 'meta', 'meta', 'meta', 'title', 'style']);
        expect(cspOf(head)).toContain(`style-src 'x'"><script>alert(3)</script>'`);
    });
});
