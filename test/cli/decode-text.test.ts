import { describe, expect, it } from 'vitest';
import { encodingProblem, wideEncoding } from '../../src/cli/decode-text.js';

const TEXT = 'cycle café "Un café, s\'il vous plaît"\n  goal "Servi en cinq minutes"\n  moment order "Commande"\n';

describe('issue 10 item 12: telling UTF-16 from binary', () => {
    it('issue 10 item 12: UTF-16 with or without a byte-order mark, in either byte order, accents included', () => {
        const le = Buffer.from(TEXT, 'utf16le');
        const be = Buffer.from(le).swap16();
        expect(wideEncoding(Buffer.concat([Buffer.from([0xff, 0xfe]), le]))).toBe('UTF-16');
        expect(wideEncoding(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe('UTF-16');
        expect(wideEncoding(le)).toBe('UTF-16');
        expect(wideEncoding(be)).toBe('UTF-16');
        expect(encodingProblem(le, 'a.cycle')).toBe('a.cycle is UTF-16 text; save it as UTF-8.');
    });

    it('issue 10 item 12: a UTF-32 byte-order mark is named UTF-32, not UTF-16', () => {
        expect(wideEncoding(Buffer.from([0xff, 0xfe, 0, 0, 0x63, 0, 0, 0]))).toBe('UTF-32');
        expect(wideEncoding(Buffer.from([0, 0, 0xfe, 0xff, 0, 0, 0, 0x63]))).toBe('UTF-32');
    });

    it('UTF-8 text and binary files are not taken for UTF-16', () => {
        expect(wideEncoding(Buffer.from(TEXT, 'utf8'))).toBeUndefined();
        expect(encodingProblem(Buffer.from(TEXT, 'utf8'), 'a.cycle')).toBeUndefined();
        // A PNG header: zero bytes on both sides of the pairs.
        const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 0, 0xc8]);
        expect(wideEncoding(png)).toBeUndefined();
        expect(encodingProblem(png, 'a.cycle')).toMatch(/looks like a binary file/);
    });
});
