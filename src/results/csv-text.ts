/**
 * From a results file's bytes to its text: the checks that come before any CSV
 * parsing, so that a spreadsheet saved in the wrong format, a binary file or a huge
 * file gives one clear sentence instead of a flood of meaningless cell problems.
 */

/**
 * The largest results file read: 32 MiB. A survey wave of 100,000 respondents and a
 * dozen questions is about 5 MB, so this leaves six times that room, while a stray
 * database dump or video is refused before it is decoded into a string twice its size.
 */
export const MAX_RESULTS_BYTES = 32 * 1024 * 1024;

export type DecodedText = { readonly text: string } | { readonly unreadable: string };

/** "50.0 MB": sizes in messages, in the units people see in file managers (10⁶ bytes). */
function megabytes(bytes: number): string {
    return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/**
 * The file's text, with its line breaks made `\n` (CRLF and lone CR alike, so that a
 * file mixing them still splits into the right records and line numbers count as an
 * editor counts them), or why it cannot be read as a results file.
 */
export function decodeResultsText(bytes: Uint8Array): DecodedText {
    if (bytes.length > MAX_RESULTS_BYTES) {
        return { unreadable: `The results file is ${megabytes(bytes.length)}, larger than the ${megabytes(MAX_RESULTS_BYTES)} a results file may be; split the wave or leave out columns no question reads.` };
    }
    // UTF-16 text has a NUL in almost every character: name the encoding rather than call it binary.
    if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
        return { unreadable: 'The results file is UTF-16 text; save it as CSV in UTF-8 (in a spreadsheet: "CSV UTF-8").' };
    }
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
        return { unreadable: `The results file is not text (it holds a NUL byte at byte ${nul + 1}): a results file is a CSV file, not a spreadsheet workbook or another binary file.` };
    }
    let text: string;
    try {
        // `fatal`: a byte sequence that is not UTF-8 is an error, never a silent U+FFFD
        // that would then be reported as an answer no question allows. `ignoreBOM: false`
        // (the default) drops one leading BOM, which spreadsheets write.
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
        return { unreadable: `The results file is not UTF-8 text (byte ${firstInvalidByte(bytes) + 1} starts no UTF-8 character); save it as CSV in UTF-8 (in a spreadsheet: "CSV UTF-8").` };
    }
    return { text: text.replace(/\r\n?/g, '\n') };
}

/**
 * The 0-based offset of the first byte that starts no valid UTF-8 sequence, for the
 * message: a user can look there in a hex viewer or find the accented letter nearby.
 */
export function firstInvalidByte(bytes: Uint8Array): number {
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
        if (length === 0 || i + length > bytes.length) return i;
        for (let k = 1; k < length; k++) {
            if ((bytes[i + k] & 0xc0) !== 0x80) return i;
        }
        // Overlong three- and four-byte forms, surrogates and code points past U+10FFFF.
        const second = bytes[i + 1];
        if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
        i += length;
    }
    return bytes.length - 1;
}
