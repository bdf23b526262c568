import { escapeMarkdown } from './escape.js';
import { nameControls } from './characters.js';

/**
 * Text for Markdown that GitHub shows in a pull request (`cycle diff --format markdown`,
 * `cycle export --to markdown`). Escaping the syntax is not enough there, because
 * GitHub acts on the rendered text itself: an `@name` notifies that person or team,
 * `#12` (or `GH-12`) cross-references issue 12, and a bare `https://…` or `www.…`
 * becomes a link, whatever backslashes the source has. A word joiner (U+2060:
 * invisible, joins nothing, allows no line break) after the `@`, after the `#` or `GH`,
 * and before a URL's `://` or `www`'s dot breaks each of those patterns while the text
 * reads the same.
 * Control and bidi formatting characters, invisible and able to reorder the sentence
 * around them, are shown by name (`<U+202E>`).
 */
export function markdownText(text: string | null | undefined): string {
    return escapeMarkdown(defuseGitHubLinks(showControls(text ?? '')));
}

/**
 * A code span (ids, file names): GitHub neither mentions nor links inside one, but a
 * backtick would end it and a bidi override would still reorder it.
 */
export function markdownCode(text: string): string {
    return '`' + showControls(text).replace(/`/g, "'") + '`';
}

const WORD_JOINER = '\u2060';

function defuseGitHubLinks(text: string): string {
    return text
        .replace(/@(?=[\p{L}\p{N}_])/gu, '@' + WORD_JOINER)
        .replace(/#(?=\d)/g, '#' + WORD_JOINER)
        .replace(/\bGH(?=-\d)/gi, 'GH' + WORD_JOINER)
        .replace(/(?<=\b(?:https?|ftp))(?=:\/\/)/gi, WORD_JOINER)
        .replace(/(?<=\bwww)(?=\.)/gi, WORD_JOINER);
}

function showControls(text: string): string {
    return nameControls(text, name => `<${name}>`);
}
