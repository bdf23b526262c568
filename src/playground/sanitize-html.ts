/**
 * Hover texts are Markdown the server writes around labels someone else typed; the
 * editor renders that Markdown to HTML. Only plain formatting survives here: a
 * short list of elements, no attribute but `class` (the code highlighting), no links
 * (nothing may leave the page), everything else reduced to its text.
 */
const ALLOWED = new Set(['P', 'BR', 'HR', 'EM', 'STRONG', 'B', 'I', 'CODE', 'PRE', 'SPAN', 'UL', 'OL', 'LI', 'BLOCKQUOTE',
    'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'DEL']);

export function sanitizeHtml(html: string): string {
    const body = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
    clean(body);
    return body.innerHTML;
}

function clean(parent: Element): void {
    for (const child of [...parent.childNodes]) {
        if (child.nodeType === Node.TEXT_NODE) continue;
        if (child.nodeType !== Node.ELEMENT_NODE) {
            child.remove();
            continue;
        }
        const element = child as Element;
        if (!ALLOWED.has(element.tagName)) {
            element.replaceWith(document.createTextNode(element.textContent ?? ''));
            continue;
        }
        for (const attribute of [...element.attributes]) {
            if (attribute.name !== 'class') element.removeAttribute(attribute.name);
        }
        clean(element);
    }
}
