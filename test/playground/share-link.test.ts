import { readFileSync } from 'node:fs';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeShareFragment, encodeShareFragment, isShareFragment, ShareLinkError, SHARE_PREFIX } from '../../src/playground/share-link.js';
import { generateCycle } from '../../bench/generate-cycle.js';

/** Share links (docs/share-links.md): the whole text in the URL fragment, versioned. */
describe('share links', () => {
    it('open a link made on 2 December 2026 (format v1) to exactly its text, in this and every later version', () => {
        // Made by the playground of that day. Never change this link: change the code until it opens.
        const link = 'https://example.invalid/playground/#v1/NY2xDcIwFET7THHyJkxAAwNYzk9i4fgL-xuJjoIJENBTMgANBQ0LhBWQsgd2UKrT6e7emb1xBMNNQwS19jC6ed_xPZwxPIfX5zg8JjOeruPlpiqgZe2gFuhY5p316LSvS9pzT17AoaYAtSwSoQXSlZfkhUKpASZYsUa7yQDBxg3UKre2iVJGRkSGY9_-pylKJgc40juKqvoB';
        expect(decodeShareFragment(new URL(link).hash)).toBe(
            'cycle coffee "Un café — кофе — 咖啡"\n  goal "A hot coffee in hand"\n  moment order "Orders at the counter"\n    critical\n      risk "The queue is so long the customer leaves"\n');
    });

    it('round-trip every example, Cyrillic, CJK, emoji, CRLF, tabs and an empty text exactly', () => {
        const texts = [
            readFileSync('examples/bank-check-cashing.cycle', 'utf8'),
            readFileSync('examples/pizza-delivery.ru.cycle', 'utf8'),
            readFileSync('examples/online-shopping.zh.cycle', 'utf8'),
            'cycle x "Ünïcödé 🍕 \u200d\u{1F469}\u200d\u{1F4BB}"\r\n\tgoal "g"\r\n',
            '',
            '\uFEFFcycle bom "keeps its byte-order mark"\n'
        ];
        for (const text of texts) {
            const fragment = encodeShareFragment(text);
            expect(fragment.startsWith(SHARE_PREFIX)).toBe(true);
            expect(fragment).toMatch(/^v1\/[A-Za-z0-9_-]*$/); // nothing a URL would escape
            expect(decodeShareFragment(fragment)).toBe(text);
            expect(decodeShareFragment(`#${fragment}`)).toBe(text);
        }
    });

    it('keep a cycle of 1,000 moments exact in a link short enough for any browser', () => {
        const text = generateCycle(1000);
        const fragment = encodeShareFragment(text);
        expect(decodeShareFragment(fragment)).toBe(text);
        // Compressed: far under the text's size, and far under the 2 MB Chromium accepts.
        expect(fragment.length).toBeLessThan(text.length / 3);
    });

    it('tell a share link from any other fragment', () => {
        expect(isShareFragment('#v1/abc')).toBe(true);
        expect(isShareFragment('v2/abc')).toBe(true);
        expect(isShareFragment('#top')).toBe(false);
        expect(isShareFragment('')).toBe(false);
    });

    it('explain a damaged, truncated, foreign or newer link instead of crashing', () => {
        const good = encodeShareFragment(readFileSync('examples/bank-check-cashing.cycle', 'utf8'));
        const cases: Array<[string, RegExp]> = [
            [good.slice(0, good.length / 2), /cut short or damaged/],
            ['v1/', /cut short/],
            ['v1/abc$def', /characters a link made by the playground never has/],
            ['v1/a', /characters a link made by the playground never has/],
            ['v1/' + good.slice(3).replace(/[A-Z]/g, 'x'), /cut short or damaged|not valid UTF-8/],
            // Well compressed, but the bytes are not UTF-8.
            ['v1/' + btoa(String.fromCharCode(...deflateSync(new Uint8Array([0x63, 0xff, 0xc3, 0x28])))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''), /not valid UTF-8/],
            ['v2/abc', /newer playground \(format v2\)/],
            ['top', /does not hold a cycle/]
        ];
        for (const [fragment, message] of cases) {
            let caught: unknown;
            try {
                decodeShareFragment(fragment);
            } catch (error) {
                caught = error;
            }
            expect(caught, fragment).toBeInstanceOf(ShareLinkError);
            expect((caught as Error).message, fragment).toMatch(message);
        }
    });
});
