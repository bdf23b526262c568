import { CHINESE } from './chinese.js';
import { INDONESIAN } from './indonesian.js';
import { RUSSIAN } from './russian.js';
import { ENGLISH, type LanguageCode, type Words } from './words.js';

export { ENGLISH, LANGUAGE_CODES, isLanguageCode, type LanguageCode, type ReportWords, type ResultsWords, type UnitKind, type Words } from './words.js';
export { detectLanguage } from './detect-language.js';
export { CHANGE_FIELDS, ENGLISH_CHANGES, changeWordsFor, isChangeField, type ChangePlace, type ChangeField, type ChangeKindName, type ChangeWords, type FindingSeverity, type RiskWords } from './change-words.js';

const WORDS: Record<LanguageCode, Words> = { en: ENGLISH, ru: RUSSIAN, id: INDONESIAN, zh: CHINESE };

export function wordsFor(language: LanguageCode): Words {
    return WORDS[language];
}
