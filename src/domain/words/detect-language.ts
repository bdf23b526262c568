import type { LanguageCode } from './words.js';

const CYRILLIC = /\p{Script=Cyrillic}/u;
const HAN = /\p{Script=Han}/u;

/**
 * The language of a cycle's words when its file has no `language` line: the script
 * most of its labels' letters are written in. Cyrillic → ru, Han → zh, anything else
 * → en. Indonesian is written in Latin letters like English and no word list tells
 * the two apart reliably from a few labels, so an Indonesian cycle says `language id`.
 */
export function detectLanguage(labels: Iterable<string>): LanguageCode {
    let cyrillic = 0;
    let han = 0;
    let other = 0;
    for (const label of labels) {
        for (const char of label) {
            if (CYRILLIC.test(char)) cyrillic++;
            else if (HAN.test(char)) han++;
            else if (/\p{L}/u.test(char)) other++;
        }
    }
    // Han characters carry a word each where Latin and Cyrillic take about five letters.
    const weighted = [{ code: 'ru' as const, n: cyrillic }, { code: 'zh' as const, n: han * 4 }, { code: 'en' as const, n: other }];
    weighted.sort((a, b) => b.n - a.n);
    return weighted[0].n > 0 ? weighted[0].code : 'en';
}
