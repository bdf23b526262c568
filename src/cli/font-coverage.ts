/**
 * Which characters a TrueType/OpenType font has glyphs for, read from its `cmap`
 * table (formats 4 and 12, the Unicode subtables every current font carries).
 * Returned as sorted, non-overlapping ranges of code points.
 */
export interface CodeRange { readonly first: number; readonly last: number }

function tableOffset(font: Buffer, tag: string): number | undefined {
    const tables = font.readUInt16BE(4);
    for (let i = 0; i < tables; i++) {
        const record = 12 + i * 16;
        if (font.toString('latin1', record, record + 4) === tag) return font.readUInt32BE(record + 8);
    }
    return undefined;
}

/** Format 4: segments of 16-bit code points; a code is covered when it maps to a glyph other than 0. */
function format4(font: Buffer, at: number, add: (code: number) => void): void {
    const segments = font.readUInt16BE(at + 6) / 2;
    const ends = at + 14;
    const starts = ends + segments * 2 + 2;
    const deltas = starts + segments * 2;
    const rangeOffsets = deltas + segments * 2;
    for (let s = 0; s < segments; s++) {
        const start = font.readUInt16BE(starts + s * 2);
        const end = font.readUInt16BE(ends + s * 2);
        const delta = font.readUInt16BE(deltas + s * 2);
        const rangeOffset = font.readUInt16BE(rangeOffsets + s * 2);
        for (let code = start; code <= end && code !== 0xffff; code++) {
            let glyph: number;
            if (rangeOffset === 0) {
                glyph = (code + delta) & 0xffff;
            } else {
                const address = rangeOffsets + s * 2 + rangeOffset + (code - start) * 2;
                glyph = address + 1 < font.length ? font.readUInt16BE(address) : 0;
                if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
            }
            if (glyph !== 0) add(code);
        }
    }
}

/** Format 12: groups of 32-bit code points, each mapped to consecutive glyphs. */
function format12(font: Buffer, at: number, addRange: (first: number, last: number) => void): void {
    const groups = font.readUInt32BE(at + 12);
    for (let g = 0; g < groups; g++) {
        const group = at + 16 + g * 12;
        addRange(font.readUInt32BE(group), font.readUInt32BE(group + 4));
    }
}

/** The code points `font` (the bytes of a .ttf/.otf file) has glyphs for. */
export function fontCoverage(font: Buffer): CodeRange[] {
    const cmap = tableOffset(font, 'cmap');
    if (cmap === undefined) return [];
    const codes: number[] = [];
    const ranges: CodeRange[] = [];
    const subtables = font.readUInt16BE(cmap + 2);
    let best: { format: number; at: number } | undefined;
    for (let i = 0; i < subtables; i++) {
        const record = cmap + 4 + i * 8;
        const platform = font.readUInt16BE(record);
        const encoding = font.readUInt16BE(record + 2);
        const at = cmap + font.readUInt32BE(record + 4);
        const format = font.readUInt16BE(at);
        // Unicode subtables only (platform 0, or Windows 1 = BMP / 10 = full repertoire); format 12 covers the most.
        const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
        if (unicode && (format === 12 || (format === 4 && best?.format !== 12))) best = { format, at };
    }
    if (!best) return [];
    if (best.format === 12) format12(font, best.at, (first, last) => ranges.push({ first, last }));
    else format4(font, best.at, code => codes.push(code));
    for (const code of codes) {
        const previous = ranges[ranges.length - 1];
        if (previous && previous.last === code - 1) ranges[ranges.length - 1] = { first: previous.first, last: code };
        else ranges.push({ first: code, last: code });
    }
    return mergeRanges(ranges);
}

/** Sorted, overlapping or touching ranges joined: the union of several fonts' coverage. */
export function mergeRanges(ranges: readonly CodeRange[]): CodeRange[] {
    const sorted = [...ranges].sort((a, b) => a.first - b.first);
    const merged: CodeRange[] = [];
    for (const range of sorted) {
        const previous = merged[merged.length - 1];
        if (previous && range.first <= previous.last + 1) merged[merged.length - 1] = { first: previous.first, last: Math.max(previous.last, range.last) };
        else merged.push(range);
    }
    return merged;
}

/** Whether `code` falls in one of the sorted `ranges`. */
export function covers(ranges: readonly CodeRange[], code: number): boolean {
    let low = 0;
    let high = ranges.length - 1;
    while (low <= high) {
        const middle = (low + high) >> 1;
        if (code < ranges[middle].first) high = middle - 1;
        else if (code > ranges[middle].last) low = middle + 1;
        else return true;
    }
    return false;
}
