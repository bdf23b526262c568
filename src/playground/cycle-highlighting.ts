import { HighlightStyle, StreamLanguage, syntaxHighlighting, type StringStream } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import type { Extension } from '@codemirror/state';
import type { CycleKeywordNames } from '../language/generated/ast.js';

/**
 * Highlighting drawn in the page, at once, without waiting for the worker: the language
 * has one fact per line, so a line scanner is all it takes (no parser, 2 KB). What
 * only the server knows — which moment is critical, which is unmitigated — comes on
 * top as semantic tokens (semantic-marks.ts).
 *
 * Every keyword of the grammar has a place here: the type below lists them from the
 * generated grammar, so a keyword added to cycle.langium fails the type check until
 * it is given one.
 */
type Place = 'statement' | 'takes-id' | 'value' | 'unit';
const KEYWORDS: Record<Exclude<CycleKeywordNames, '-' | '..'>, Place> = {
    about: 'takes-id', achieves: 'statement', action: 'takes-id', answer: 'statement', area: 'takes-id',
    backstage: 'statement', because: 'statement', by: 'takes-id', channel: 'statement', choice: 'value',
    covers: 'takes-id', critical: 'statement', customer: 'statement', cycle: 'takes-id', day: 'unit', days: 'unit',
    decline: 'value', deterioration: 'value', due: 'statement', en: 'value', evidence: 'statement', feels: 'statement',
    for: 'takes-id', from: 'statement', frontstage: 'statement', goal: 'statement', growth: 'value', high: 'value', hour: 'unit', hours: 'unit',
    id: 'value', importance: 'value', introduction: 'value', language: 'statement', limit: 'value', low: 'value', maturity: 'value', medium: 'value',
    meets: 'takes-id', measures: 'statement', min: 'unit', mins: 'unit', minute: 'unit', minutes: 'unit', moment: 'takes-id', number: 'value',
    owner: 'takes-id', peak: 'statement', phase: 'statement', prevent: 'statement', priorities: 'statement',
    overall: 'value', quality: 'statement', question: 'takes-id', recommend: 'value', recover: 'statement', requirement: 'takes-id',
    results: 'statement', risk: 'statement', ru: 'value', satisfaction: 'value', expectation: 'value',
    role: 'takes-id', scale: 'value', sec: 'unit', second: 'unit', seconds: 'unit', secs: 'unit', severity: 'statement',
    stage: 'statement', support: 'statement', survey: 'takes-id', target: 'value', text: 'value', wait: 'statement',
    week: 'unit', weeks: 'unit', 'yes-no': 'value', zh: 'value'
};
/** Keywords that declare a name (the id after them is a definition, not a reference). */
const DECLARES = new Set(['cycle', 'moment', 'role', 'requirement', 'action', 'area', 'survey', 'question']);
const WORD = /^[\p{L}_][\p{L}\p{M}\p{Nd}_-]*/u;

interface LineState {
    /** What the next word is: the line's keyword, an id after one, or any word. */
    expect: 'keyword' | 'definition' | 'reference' | 'value';
}

const cycleStream = StreamLanguage.define<LineState>({
    name: 'cycle',
    startState: () => ({ expect: 'keyword' }),
    copyState: state => ({ ...state }),
    token(stream: StringStream, state: LineState): string | null {
        if (stream.sol()) state.expect = 'keyword';
        if (stream.eatSpace()) return null;
        if (stream.peek() === '#') {
            stream.skipToEnd();
            return 'comment';
        }
        if (stream.peek() === '"') {
            stream.next();
            let escaped = false;
            for (let ch = stream.next(); ch !== undefined && ch !== null; ch = stream.next()) {
                if (ch === '"' && !escaped) break;
                escaped = !escaped && ch === '\\';
            }
            state.expect = 'value';
            return 'string';
        }
        if (stream.match(/^\d{4}-\d{2}-\d{2}/) || stream.match(/^[+-]?\d+/)) {
            state.expect = 'value';
            return 'number';
        }
        if (state.expect === 'keyword' && stream.match(/^-(?=\s)/)) {
            state.expect = 'reference';
            return 'keyword';
        }
        const word = stream.match(WORD) as RegExpMatchArray | null;
        if (!word) {
            stream.next();
            return null;
        }
        const text = word[0];
        const place = (KEYWORDS as Record<string, Place | undefined>)[text];
        const expected = state.expect;
        if (expected === 'keyword') {
            state.expect = place === 'takes-id' ? (DECLARES.has(text) ? 'definition' : 'reference') : 'value';
            return place ? 'keyword' : null;
        }
        state.expect = 'value';
        if (expected === 'definition') return 'variableName.definition';
        if (expected === 'reference') return 'variableName';
        return place === 'value' || place === 'unit' ? 'atom' : 'variableName';
    },
    languageData: { commentTokens: { line: '#' } }
});

/** Colours that read on both themes (the page's CSS variables switch them). */
const cycleColours = HighlightStyle.define([
    { tag: tags.keyword, color: 'var(--syntax-keyword)', fontWeight: '600' },
    { tag: tags.string, color: 'var(--syntax-string)' },
    { tag: tags.comment, color: 'var(--syntax-comment)', fontStyle: 'italic' },
    { tag: tags.number, color: 'var(--syntax-number)' },
    { tag: tags.atom, color: 'var(--syntax-value)' },
    { tag: tags.definition(tags.variableName), color: 'var(--syntax-definition)', fontWeight: '600' },
    { tag: tags.variableName, color: 'var(--syntax-reference)' }
]);

export function cycleHighlighting(): Extension {
    return [cycleStream, syntaxHighlighting(cycleColours)];
}

export const cycleLanguage = cycleStream;
