import { ENGLISH_CHANGES, isChangeField, type ChangeWords } from '../domain/words/index.js';
import type { Change } from './diff-cycles.js';

/** An attribute's value as the sentence shows it: labels quoted, lists joined, nothing as `(none)`. */
function value(v: unknown, words: ChangeWords): string {
    if (v === null || v === undefined) return words.none;
    if (Array.isArray(v)) return v.length === 0 ? words.none : v.map(x => value(x, words)).join(', ');
    if (typeof v === 'object') return JSON.stringify(v);
    if (typeof v === 'string') return `"${v}"`;
    if (typeof v === 'boolean') return v ? words.yes : words.no;
    return String(v);
}

/** An attribute by its name in the list's language; a name the words do not know yet stays as the diff wrote it. */
function field(key: string, words: ChangeWords): string {
    return isChangeField(key) ? words.fields[key] : key;
}

function attributeChanges(keys: string[], c: Change, words: ChangeWords): string {
    return keys.map(k => `${field(k, words)} ${value(c.before?.[k], words)} → ${value(c.after?.[k], words)}`).join(words.separator);
}

/**
 * One change as a sentence: "moment `x` added", "moment `x` changed: waitLimit "20 min" →
 * "40 min"", in the words given (English unless told: `cycle diff` prints English).
 * Ids are written as code spans, which each format shows as code and escapes.
 */
export function describeChange(c: Change, words: ChangeWords = ENGLISH_CHANGES): string {
    const noun = words.kinds[c.kind];
    const subject = c.kind === 'risk' || c.kind === 'prevent' || c.kind === 'recover' || c.kind === 'critical'
        ? words.of(noun, `\`${c.moment}\``)
        : `${noun} \`${c.id}\``;
    switch (c.change) {
        case 'added': {
            const label = c.after?.label ?? c.after?.text;
            const place = c.after?.rank ? { key: 'rank' as const, n: String(c.after.rank) }
                : c.after?.position ? { key: 'step' as const, n: String(c.after.position) } : null;
            return words.added(c.kind, subject, label ? value(label, words) : null, place);
        }
        case 'removed': {
            const label = c.before?.label ?? c.before?.text;
            return words.removed(c.kind, subject, label ? value(label, words) : null);
        }
        case 'moved': {
            const key = c.before?.rank !== undefined ? 'rank' : 'position';
            return words.moved(c.kind, subject, key === 'rank' ? 'rank' : 'step', String(c.before?.[key]), String(c.after?.[key]));
        }
        case 'changed': {
            if (c.before?.id && c.after?.id && c.before.id !== c.after.id) {
                const rest = Object.keys(c.after).filter(k => k !== 'id');
                return words.renamed(c.kind, noun, `\`${String(c.before.id)}\``, `\`${String(c.after.id)}\``, rest.length ? attributeChanges(rest, c, words) : null);
            }
            const parts = attributeChanges(Object.keys(c.after ?? {}).filter(k => k !== 'text'), c, words);
            const text = c.after?.text ? ` ${value(c.after.text, words)}` : '';
            return words.changed(c.kind, `${subject}${text}`, parts);
        }
    }
}
