import { escapeHtml } from './escape.js';
import { nameControls } from './characters.js';

/**
 * Text and attribute values for HTML (the editor's "Compare with HEAD" view): markup
 * escaped, quotes included, so a label can neither open a tag nor leave an attribute;
 * control and bidi formatting characters shown by name (`<U+202E>`), since an override
 * would otherwise reorder the rest of the sentence ("added" read as "removed").
 */
export function htmlText(text: string): string {
    return escapeHtml(nameControls(text, name => `<${name}>`));
}
