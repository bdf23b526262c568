/**
 * Which character separates the cells: a comma, or a semicolon (what spreadsheets
 * write where the comma is the decimal mark). Read from the header row alone, which
 * holds only column names: the separator is the one that occurs there, outside
 * quotes. Guessing from the data rows instead could be swayed by decimal commas.
 */

export type Delimiter = ',' | ';';

export interface DelimiterGuess {
    readonly delimiter: Delimiter;
    /** A separator that is not accepted but splits the header (tab, `|`), for the message when nothing else matches. */
    readonly other: 'tabs' | 'vertical bars' | null;
}

/** Counts the separators in the first record of `text` (line breaks are `\n`); a quoted name may hold any of them. */
export function guessDelimiter(text: string): DelimiterGuess {
    let commas = 0, semicolons = 0, tabs = 0, bars = 0;
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '"') quoted = !quoted; // a doubled quote toggles twice: still inside
        else if (quoted) continue;
        else if (c === '\n') break;
        else if (c === ',') commas++;
        else if (c === ';') semicolons++;
        else if (c === '\t') tabs++;
        else if (c === '|') bars++;
    }
    const delimiter: Delimiter = semicolons > commas ? ';' : ',';
    const other = commas + semicolons > 0 ? null : tabs > 0 ? 'tabs' : bars > 0 ? 'vertical bars' : null;
    return { delimiter, other };
}
