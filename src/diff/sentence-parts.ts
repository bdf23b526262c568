/** A piece of one of our sentences: an id or code we marked with backticks, or plain text. */
interface SentencePart {
    readonly code: boolean;
    readonly text: string;
}

/**
 * Our sentences ("moment `pay` changed: label "A" → "B"") mark ids and codes with
 * backticks. Only a backticked run of id characters is one of those marks: a label may
 * hold backticks too (`"`ok"`), and reading from its backtick to the next one would
 * turn the text between two labels into code and leave the rest unescaped.
 */
const CODE_SPAN = /(`[\p{L}\p{M}\p{N}_.\-]+`)/u;

export function sentenceParts(text: string): SentencePart[] {
    return text.split(CODE_SPAN).filter(part => part.length > 0).map(part =>
        CODE_SPAN.test(part) && part.startsWith('`') && part.endsWith('`')
            ? { code: true, text: part.slice(1, -1) }
            : { code: false, text: part });
}
