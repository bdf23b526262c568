import { describe, expect, it } from 'vitest';
import { layoutVisualDiff } from '../../src/diagram/diff-overlay.js';
import { ALL_VIEWS, VIEWS, layoutCycle, type Scene } from '../../src/diagram/index.js';
import { diffCycles } from '../../src/diff/diff-cycles.js';
import { languageOf } from '../../src/diagram/layout-options.js';
import type { SceneNode } from '../../src/diagram/scene.js';
import { detectLanguage, ENGLISH, LANGUAGE_CODES, wordsFor, type Words } from '../../src/domain/words/index.js';
import type { CycleModel } from '../../src/model/cycle-model.js';
import { cycleOf, example } from './diagram-helpers.js';

function* walk(nodes: SceneNode[]): Iterable<SceneNode> {
    for (const node of nodes) {
        yield node;
        if (node.kind === 'group') yield* walk(node.children);
    }
}

function drawnText(scene: Scene): string {
    return [...walk(scene.nodes)].flatMap(n => (n.kind === 'text' ? n.lines : [])).join('\n');
}

/** Every string a Words set holds, the functions' answers for sample arguments included. */
function allWords(words: Words): string[] {
    const out: string[] = [];
    const visit = (value: unknown): void => {
        if (typeof value === 'string') out.push(value);
        else if (typeof value === 'function') {
            out.push(String((value as (...a: unknown[]) => unknown)(3, 2, 1)));
            for (const kind of ['sec', 'min', 'hour', 'day', 'week']) out.push(String((value as (...a: unknown[]) => unknown)(kind, 2)));
        } else if (value && typeof value === 'object') Object.values(value).forEach(visit);
    };
    visit(words);
    return out;
}

/**
 * The English words of the diagrams, four letters or more (shorter ones hide in too
 * many labels), but the language's keywords, which stay English in every file
 * (`feels` in "not rated (no feels)").
 */
const ENGLISH_WORDS = [...new Set(allWords(ENGLISH).flatMap(w => w.match(/[A-Za-z]{4,}/g) ?? []))].filter(w => w !== 'feels');

/** Every view of a cycle, detailed, with a plan date: all the words a diagram of it can draw. */
function everything(cycle: CycleModel): string {
    return ALL_VIEWS.map(view => drawnText(layoutCycle(cycle, view, { detail: true, today: '2030-01-01' }))).join('\n');
}

/**
 * The visual diff of a cycle against an edited copy, in every view it draws: a moment
 * added, one removed, one relabelled; its legend, marks and title.
 */
function everythingOfADiff(cycle: CycleModel): string {
    const [first, second, third] = cycle.moments;
    const before: CycleModel = { ...cycle, moments: [...cycle.moments.slice(1), { ...third, id: 'gone' }] };
    const after: CycleModel = { ...cycle, moments: cycle.moments.map(m => (m === second ? { ...m, label: `${m.label}!` } : m)) };
    expect(first).toBeDefined();
    return VIEWS.map(view => {
        const scene = layoutVisualDiff(before, after, diffCycles(before, after), view, { detail: true });
        return `${scene.title}\n${drawnText(scene)}`;
    }).join('\n');
}

const CASES: [string, 'ru' | 'id' | 'zh'][] = [['pizza-delivery.ru.cycle', 'ru'], ['savings-account.id.cycle', 'id'], ['online-shopping.zh.cycle', 'zh']];

describe('the diagrams speak the cycle\'s language', () => {
    for (const [file, language] of CASES) {
        it(`${file}: every diagram word in ${language}, none in English`, () => {
            const cycle = example(file);
            expect(languageOf(cycle)).toBe(language);
            const words = wordsFor(language);
            const text = everything(cycle);
            // A word both languages spell alike ("internal" in Indonesian) is not English here.
            const own = allWords(words).join(' ');
            const english = ENGLISH_WORDS.filter(w => !own.includes(w)).filter(w => new RegExp(`(^|[^A-Za-z])${w}([^A-Za-z]|$)`).test(text));
            expect(english, 'English words drawn').toEqual([]);
            // The visual diff (cycle render --against, Compare with HEAD) too.
            const diff = everythingOfADiff(cycle);
            expect(ENGLISH_WORDS.filter(w => !own.includes(w)).filter(w => new RegExp(`(^|[^A-Za-z])${w}([^A-Za-z]|$)`).test(diff)), 'English words in the diff').toEqual([]);
            for (const word of [words.diff.added(1), words.diff.removed(1), words.diff.changed(1), words.diff.moved(0), words.diff.criticalCentre,
                words.diff.was(String(cycle.moments[2].step)), `— ${words.diff.changes}`]) {
                expect(diff, `"${word}" drawn in the diff`).toContain(word);
            }
            for (const word of [words.goal, words.lanes.evidence, words.lanes.action, words.lanes.backstage, words.lanes.support,
                words.lineOfVisibility, words.lineOfInteraction, words.lineOfInternalInteraction, words.feels[4], words.feels[0],
                words.moment, words.critical, words.failPoint, words.plan.requirements, words.plan.areas, words.risk]) {
                // (A lane name may wrap onto two lines.)
                expect(text.replace(/\n/g, ' '), `"${word}" drawn`).toContain(word);
            }
        });
    }

    it('the English examples keep English words', () => {
        expect(languageOf(example('bank-check-cashing.cycle'))).toBe('en');
        expect(everything(example('bank-check-cashing.cycle'))).toContain('GOAL');
        const diff = everythingOfADiff(example('bank-check-cashing.cycle'));
        for (const word of ['1 added', '1 removed', '1 changed', '0 moved', 'red centre: critical', 'was 3', '— changes']) expect(diff).toContain(word);
    });

    it('--lang overrides the file', () => {
        const cycle = example('pizza-delivery.ru.cycle');
        expect(drawnText(layoutCycle(cycle, 'clock', { language: 'zh' }))).toContain('目标');
        expect(drawnText(layoutCycle(cycle, 'clock', { language: 'en' }))).toContain('GOAL');
    });

    it('detects the language from the labels\' script: Cyrillic, Han, else English', () => {
        expect(detectLanguage(['Заказ пиццы', 'Pizza'])).toBe('ru');
        expect(detectLanguage(['在网上商城购买', 'ATM card'])).toBe('zh');
        expect(detectLanguage(['Membuka rekening tabungan'])).toBe('en');
        expect(detectLanguage([])).toBe('en');
        // The `language` line wins over the script.
        expect(languageOf(cycleOf('language zh\ncycle c "Заказ пиццы"\n  moment a "Звонок"\n'))).toBe('zh');
    });

    it('each language has every word, none empty, and the plurals of Russian', () => {
        for (const code of LANGUAGE_CODES) {
            const words = allWords(wordsFor(code));
            expect(words.length).toBe(allWords(ENGLISH).length);
            expect(words.every(w => w.trim().length > 0), code).toBe(true);
        }
        const ru = wordsFor('ru');
        expect([1, 2, 5, 11, 21, 22].map(n => ru.stats(n, 0, 0).split(' · ')[0])).toEqual(['1 момент', '2 момента', '5 моментов', '11 моментов', '21 момент', '22 момента']);
    });
});
