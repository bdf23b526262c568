import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../src/domain/base64-bytes.js';

describe('bytes to base64 and back (results files sent to the browser worker)', () => {
    it('agrees with Node\'s own encoder on every byte value, including 0x80–0x9F and NUL', () => {
        const all = Uint8Array.from({ length: 256 }, (_, i) => i);
        expect(bytesToBase64(all)).toBe(Buffer.from(all).toString('base64'));
        expect([...base64ToBytes(Buffer.from(all).toString('base64'))]).toEqual([...all]);
    });

    it('agrees with Node on every length\'s padding (0, 1 and 2 bytes left over)', () => {
        for (let length = 0; length <= 7; length++) {
            const bytes = Uint8Array.from({ length }, (_, i) => 250 - i * 37);
            const expected = Buffer.from(bytes).toString('base64');
            expect(bytesToBase64(bytes)).toBe(expected);
            expect([...base64ToBytes(expected)]).toEqual([...bytes]);
        }
    });

    it('carries a 32 MB file without overflowing the stack', () => {
        const big = new Uint8Array(32 * 1024 * 1024);
        for (let i = 0; i < big.length; i++) big[i] = (i * 31) & 0xff;
        const text = bytesToBase64(big);
        expect(text.length).toBe(Math.ceil(big.length / 3) * 4);
        const back = base64ToBytes(text);
        expect(back.length).toBe(big.length);
        expect(back[12_345_678]).toBe(big[12_345_678]);
    });

    it('refuses text that is not base64', () => {
        expect(() => base64ToBytes('not base64!')).toThrow();
        expect(() => base64ToBytes('ab*d')).toThrow(/character 3/);
        expect(() => base64ToBytes('a=bc')).toThrow();
        expect(() => base64ToBytes('абвг')).toThrow();
    });
});
