import { CHINESE_CHANGES } from './change-words-zh.js';
import { ENGLISH_CHANGES } from './change-words-en.js';
import { INDONESIAN_CHANGES } from './change-words-id.js';
import { RUSSIAN_CHANGES } from './change-words-ru.js';
import type { LanguageCode } from './words.js';

/**
 * The words of the written list of changes (the Compare with HEAD panel): its headings,
 * the sentence of each change and of each risk change, in each language a cycle may be
 * written in. Kept beside the diagrams' words rather than inside `Words`: only the
 * list needs them, and they are many.
 *
 * Every argument that comes from the file (ids, labels, amounts) arrives already
 * written: ids as code spans (`` `pay` ``), labels quoted. A language only places them.
 */
export interface ChangeWords {
    /** The panel's heading: `bank.cycle: changes since HEAD`. */
    title(file: string): string;
    riskChanges: string;
    noRiskChanges: string;
    changes: string;
    noChange: string;
    diagnostics: string;
    /** A finding the change brings (`new warning`) or clears (`resolved warning`). */
    introduced: Record<FindingSeverity, string>;
    resolved: Record<FindingSeverity, string>;
    /** What a change is about: `moment`, `prevent mitigation`… */
    kinds: Record<ChangeKindName, string>;
    /** A part of a moment: `risk of `pay``. */
    of(noun: string, moment: string): string;
    /** `moment `pay` added: "Pays" at step 4`; `label` and `place` are absent when the change has none. */
    added(kind: ChangeKindName, subject: string, label: string | null, place: ChangePlace | null): string;
    removed(kind: ChangeKindName, subject: string, label: string | null): string;
    moved(kind: ChangeKindName, subject: string, key: ChangePlace['key'], from: string, to: string): string;
    /** `moment `a` renamed to `b`` and, when more changed, `; label "A" → "B"`. */
    renamed(kind: ChangeKindName, noun: string, from: string, to: string, rest: string | null): string;
    /** `moment `pay` changed: wait limit "5 min" → "10 min"`. */
    changed(kind: ChangeKindName, subject: string, parts: string): string;
    /** The names of the attributes a `changed` sentence lists. */
    fields: Record<ChangeField, string>;
    /** Between the attributes a `changed` sentence lists. */
    separator: string;
    /** An attribute with no value. */
    none: string;
    yes: string;
    no: string;
    /** A critical moment's severity, in the risk sentences. */
    severity: Record<'low' | 'medium' | 'high', string>;
    /** The sentences of the risk changes a reviewer must not miss. */
    risks: RiskWords;
}

export interface RiskWords {
    newUnmitigated(moment: string): string;
    severityRaised(moment: string, from: string, to: string): string;
    waitLengthened(bound: 'target' | 'limit', moment: string, from: string, to: string): string;
    waitLimitRemoved(moment: string, was: string): string;
    /** `only`: no mitigation of that kind is left. `owner` is absent when it had none. */
    mitigationLost(kind: 'prevent' | 'recover', only: boolean, moment: string, text: string, owner: string | null): string;
    criticalRemoved(moment: string, mitigations: number): string;
}

export type FindingSeverity = 'error' | 'warning' | 'info';

/** The elements a change can be about (the diff's `ChangeKind`, which must stay within these). */
export type ChangeKindName = 'moment' | 'critical' | 'risk' | 'prevent' | 'recover' | 'role' | 'requirement' | 'action' | 'area'
    | 'priority' | 'survey' | 'question' | 'cycle';

/** Where an added or moved moment or priority stands: a moment's step, a priority's rank. */
export interface ChangePlace {
    key: 'rank' | 'step';
    n: string;
}

/** Every attribute the diff compares (its attribute names, which are not the file's keywords). */
export type ChangeField = 'label' | 'customer' | 'goal' | 'stage' | 'peaks' | 'phase' | 'by' | 'channel' | 'feels' | 'qualities'
    | 'waitTarget' | 'waitLimit' | 'evidence' | 'frontstage' | 'backstage' | 'support' | 'achievesGoal' | 'severity' | 'owner'
    | 'for' | 'from' | 'meets' | 'due' | 'because' | 'covers' | 'about' | 'answer';

export const CHANGE_FIELDS: readonly ChangeField[] = [
    'label', 'customer', 'goal', 'stage', 'peaks', 'phase', 'by', 'channel', 'feels', 'qualities', 'waitTarget', 'waitLimit',
    'evidence', 'frontstage', 'backstage', 'support', 'achievesGoal', 'severity', 'owner', 'for', 'from', 'meets', 'due',
    'because', 'covers', 'about', 'answer'
];

export function isChangeField(key: string): key is ChangeField {
    return (CHANGE_FIELDS as readonly string[]).includes(key);
}

const CHANGE_WORDS: Record<LanguageCode, ChangeWords> = { en: ENGLISH_CHANGES, ru: RUSSIAN_CHANGES, id: INDONESIAN_CHANGES, zh: CHINESE_CHANGES };

export function changeWordsFor(language: LanguageCode): ChangeWords {
    return CHANGE_WORDS[language];
}

export { ENGLISH_CHANGES };
