/**
 * Labels are data, never markup. One place for the escaping every output needs
 * (SVG has its own, in diagram/text.ts, for XML's stricter rules).
 */

/** For HTML text and attribute values. */
export function escapeHtml(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** For Markdown: backslash-escapes what Markdown reads, entity-escapes what HTML in it would. */
export function escapeMarkdown(text: string | null | undefined): string {
    return (text ?? '').replace(/[\\`*_{}[\]()#+\-.!|<>&~]/g, c => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '\\' + c));
}
