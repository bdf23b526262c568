import { describe, expect, it } from 'vitest';
import { compareHtml } from '../../src/extension/compare/compare-html.js';
import { drawComparison } from '../../src/extension/compare/draw-comparison.js';
import { changeWordsFor, LANGUAGE_CODES, type ChangeWords, type LanguageCode } from '../../src/domain/words/index.js';
import { compareResult, CHINESE_FIXTURE, ENGLISH_FIXTURE, INDONESIAN_FIXTURE, RUSSIAN_FIXTURE, type FixtureWords } from './compare-fixture.js';

/**
 * Each word function called with stand-ins that hold no letters, so what it returns is
 * only the language's own words. A function without a row here fails the key test.
 */
const SAMPLE_CALLS: Record<string, unknown[]> = {
    title: ['§'],
    of: ['§', '`1`'],
    added: ['moment', '§', '"2"', { key: 'step', n: '3' }],
    removed: ['moment', '§', '"2"'],
    moved: ['moment', '§', 'step', '2', '3'],
    renamed: ['role', '§', '`1`', '`2`', '§ 1 → 2'],
    changed: ['moment', '§', '§ 1 → 2'],
    'risks.newUnmitigated': ['`1`'],
    'risks.severityRaised': ['`1`', '§', '§'],
    'risks.waitLengthened': ['target', '`1`', '2', '3'],
    'risks.waitLimitRemoved': ['`1`', '2'],
    'risks.mitigationLost': ['prevent', true, '`1`', '"2"', '`3`'],
    'risks.criticalRemoved': ['`1`', 2]
};

/** More calls for the English vocabulary: the other branches of each sentence. */
const MORE_ENGLISH_CALLS: [string, unknown[]][] = [
    ['added', ['priority', '§', null, { key: 'rank', n: '3' }]],
    ['moved', ['priority', '§', 'rank', '2', '3']],
    ['risks.waitLengthened', ['limit', '`1`', '2', '3']],
    ['risks.mitigationLost', ['recover', false, '`1`', '"2"', null]],
    ['risks.criticalRemoved', ['`1`', 1]]
];

/** Every leaf of a language's words, by path: strings as they are, functions as the sample call returns. */
function leaves(words: ChangeWords): Map<string, string> {
    const found = new Map<string, string>();
    const walk = (node: unknown, path: string) => {
        if (typeof node === 'string') found.set(path, node);
        else if (typeof node === 'function') {
            const args = SAMPLE_CALLS[path];
            if (!args) throw new Error(`no sample call for ${path}`);
            found.set(path, (node as (...a: unknown[]) => string)(...args));
        } else for (const [key, child] of Object.entries(node as object)) walk(child, path ? `${path}.${key}` : key);
    };
    walk(words, '');
    return found;
}

function tokens(text: string): string[] {
    return (text.match(/\p{L}+/gu) ?? []).map(t => t.toLowerCase());
}

/**
 * The words the list itself says: without the file's ids (code spans), its labels and
 * values (quoted), the checker's messages (after a finding's code) and the markup.
 */
function ownText(html: string): string {
    return html
        .replace(/(<li class="(?:introduced|resolved)">[^<]*)<code>.*?<\/li>/g, '$1')
        .replace(/<code>.*?<\/code>/g, ' ')
        .replace(/<[^>]*>/g, ' ')
        .replace(/&quot;/g, '"').replace(/&#39;/g, '\'').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
        .replace(/"[^"]*"/g, ' ');
}

/**
 * Not the list's English: a wait's unit as the file writes it (`10 min`, the file's
 * keyword, shown as it stands) and git's HEAD.
 */
const NOT_ENGLISH_PROSE = new Set(['head', 'sec', 'secs', 'second', 'seconds', 'min', 'mins', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks']);

async function englishVocabulary(): Promise<Set<string>> {
    const english = changeWordsFor('en');
    const words = new Set<string>();
    for (const text of leaves(english).values()) for (const t of tokens(text)) words.add(t);
    for (const [path, args] of MORE_ENGLISH_CALLS) {
        const fn = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], english) as (...a: unknown[]) => string;
        for (const t of tokens(fn(...args))) words.add(t);
    }
    for (const t of tokens(ownText(drawComparison(await compareResult(ENGLISH_FIXTURE), 'light').html))) words.add(t);
    for (const word of NOT_ENGLISH_PROSE) words.delete(word);
    return words;
}

/**
 * Words Indonesian shares with English: `target tunggu` and `area prioritas` are what
 * the Indonesian diagrams already say.
 */
const SHARED_WITH_ENGLISH: Partial<Record<LanguageCode, readonly string[]>> = { id: ['target', 'area'] };

const CASES: [LanguageCode, FixtureWords, RegExp][] = [
    ['ru', RUSSIAN_FIXTURE, /\p{Script=Cyrillic}/u],
    ['id', INDONESIAN_FIXTURE, /\p{L}/u],
    ['zh', CHINESE_FIXTURE, /\p{Script=Han}/u]
];

describe('Compare with HEAD: the written list of changes', () => {
    it('an English cycle: the list is what it always was (snapshot taken before the list spoke other languages)', async () => {
        const drawn = drawComparison(await compareResult(ENGLISH_FIXTURE), 'light');
        expect(drawn.language).toBe('en');
        expect(drawn.html).toMatchSnapshot();
    });

    it('every word of the list exists in all four languages, and the other three translate it', () => {
        const english = leaves(changeWordsFor('en'));
        expect([...english.keys()].filter(k => /^(title|of|added|removed|moved|renamed|changed|risks\.)/.test(k)).sort()).toEqual(Object.keys(SAMPLE_CALLS).sort());
        for (const language of LANGUAGE_CODES) {
            const found = leaves(changeWordsFor(language));
            expect([...found.keys()].sort(), language).toEqual([...english.keys()].sort());
            for (const [path, text] of found) {
                expect(text.trim(), `${language} ${path}`).not.toBe('');
                // A separator (`; `) has no letters to translate.
                if (language !== 'en' && /\p{L}/u.test(english.get(path)!)) expect(text, `${language} ${path}`).not.toBe(english.get(path));
            }
        }
    });

    it('no word of the three translations is an English word of the list', async () => {
        const vocabulary = await englishVocabulary();
        for (const [language] of CASES) {
            const shared = new Set(SHARED_WITH_ENGLISH[language] ?? []);
            for (const [path, text] of leaves(changeWordsFor(language))) {
                const english = tokens(text).filter(t => vocabulary.has(t) && !shared.has(t));
                expect(english, `${language} ${path}: ${text}`).toEqual([]);
            }
        }
    });

    for (const [language, fixture, script] of CASES) {
        it(`a ${language} cycle: the list, its headings and every sentence speak ${language}, with no English word of the list`, async () => {
            const [vocabulary, english, result] = await Promise.all([englishVocabulary(), compareResult(ENGLISH_FIXTURE), compareResult(fixture)]);
            const drawn = drawComparison(result, 'light');
            expect(drawn.language).toBe(language);
            const shared = new Set(SHARED_WITH_ENGLISH[language] ?? []);
            const own = tokens(ownText(drawn.html));
            expect(own.filter(t => vocabulary.has(t) && !shared.has(t))).toEqual([]);
            // The same edit, so the same items: every one of them said in the language.
            const items = drawn.html.match(/<li [^>]*>.*?<\/li>/g) ?? [];
            expect(items).toHaveLength((drawComparison(english, 'light').html.match(/<li [^>]*>.*?<\/li>/g) ?? []).length);
            for (const item of items) expect(ownText(item), item).toMatch(script);
            const words = changeWordsFor(language);
            for (const heading of [words.riskChanges, words.changes, words.diagnostics]) expect(drawn.html).toContain(`<h2>${heading}</h2>`);
            const title = words.title('c.cycle');
            expect(tokens(title.replace('c.cycle', '')).filter(t => vocabulary.has(t))).toEqual([]);
            expect(compareHtml({ cspSource: 'x', styleUri: 'y', title, diffHtml: drawn.html, svgs: [] })).toContain('<html lang="en">');
            expect(compareHtml({ cspSource: 'x', styleUri: 'y', title, diffHtml: drawn.html, svgs: [], language })).toContain(`<html lang="${language}">`);
        });
    }

    it('ids and labels stay neutralised in a translated list: markup and bidi characters in them are shown, not obeyed', async () => {
        const hostile = { ...RUSSIAN_FIXTURE, labels: { ...RUSSIAN_FIXTURE.labels, g: 'Возвращается <img src=x onerror=alert(1)> \u202Eтекст', wrong: 'Не то <b>блюдо</b>' } };
        const drawn = drawComparison(await compareResult(hostile), 'light');
        expect(drawn.language).toBe('ru');
        expect(drawn.html).not.toContain('<img');
        expect(drawn.html).not.toContain('<b>');
        expect(drawn.html).not.toMatch(/\u202E/);
        expect(drawn.html).toContain('&lt;img src=x onerror=alert(1)&gt; &lt;U+202E&gt;текст');
        expect(drawn.html).toContain('момент <code>возвращение</code> добавлен');
    });
});
