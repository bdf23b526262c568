/**
 * Why bytes are not a UTF-8 `.cycle` text, in words that say what to do, or
 * undefined when they are. `shown` is the file's name as the user sees it.
 */
export function encodingProblem(bytes: Uint8Array, shown: string): string | undefined {
    const wide = wideEncoding(bytes);
    if (wide) return `${shown} is ${wide} text; save it as UTF-8.`;
    if (bytes.subarray(0, PROBE_BYTES).includes(0)) {
        return `${shown}: looks like a binary file, not a text .cycle file.`;
    }
    const invalidAt = firstInvalidUtf8Byte(bytes);
    if (invalidAt >= 0) {
        return `${shown}: is not valid UTF-8 text (byte ${invalidAt} breaks it); save the file as UTF-8.`;
    }
    return undefined;
}

const PROBE_BYTES = 8192;

/**
 * 'UTF-16' or 'UTF-32' when the bytes look like text in one of them: by its byte-order
 * mark, or, without one, by zero bytes on one side of each pair only (the high byte
 * of every Latin letter in UTF-16), which binary files do not show.
 */
export function wideEncoding(bytes: Uint8Array): 'UTF-16' | 'UTF-32' | undefined {
    const starts = (...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
    if (starts(0xff, 0xfe, 0, 0) || starts(0, 0, 0xfe, 0xff)) return 'UTF-32';
    if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) return 'UTF-16';
    const pairs = Math.floor(Math.min(bytes.length, PROBE_BYTES) / 2);
    if (pairs < 2) return undefined;
    let evenZeros = 0;
    let oddZeros = 0;
    for (let i = 0; i < pairs * 2; i += 2) {
        if (bytes[i] === 0) evenZeros++;
        if (bytes[i + 1] === 0) oddZeros++;
    }
    const [many, few] = evenZeros > oddZeros ? [evenZeros, oddZeros] : [oddZeros, evenZeros];
    // A quarter of the characters in the first 256 (Latin letters, digits, spaces,
    // line ends), and almost no zero byte on the other side.
    return many >= pairs / 4 && few <= pairs / 100 ? 'UTF-16' : undefined;
}

/** Offset of the first byte that breaks UTF-8, or -1 when the bytes are valid UTF-8. */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        let extra: number;
        let min: number;
        if (b < 0x80) { i++; continue; }
        else if (b >= 0xc2 && b <= 0xdf) { extra = 1; min = 0x80; }
        else if (b >= 0xe0 && b <= 0xef) { extra = 2; min = 0x800; }
        else if (b >= 0xf0 && b <= 0xf4) { extra = 3; min = 0x10000; }
        else return i;
        if (i + extra >= bytes.length) return i;
        let code = b & (0x3f >> extra);
        for (let k = 1; k <= extra; k++) {
            const c = bytes[i + k];
            if ((c & 0xc0) !== 0x80) return i;
            code = (code << 6) | (c & 0x3f);
        }
        if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
        i += extra + 1;
    }
    return -1;
}
