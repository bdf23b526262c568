import type { LanguageCode } from './words.js';

/**
 * The few words `cycle survey form` prints around a survey's own labels, in each
 * language a cycle may be written in. Kept beside the diagrams' words rather than inside
 * `Words`: the form needs only these, and a survey form is printed for respondents, so
 * its words speak to them, not to the designer.
 */
export interface FormWords {
    /** The document's kind, under the survey's title. */
    kind: string;
    /** How to fill it in, on screen or on paper. */
    instructions: string;
    yes: string;
    no: string;
    /** The accessible name of a number or free-text field. */
    answer: string;
    /** The closing line. */
    thanks: string;
}

const FORM_WORDS: Record<LanguageCode, FormWords> = {
    en: {
        kind: 'Survey',
        instructions: 'Please answer each question by marking one box, or by writing in the space given. You may leave out any question.',
        yes: 'Yes', no: 'No', answer: 'Your answer', thanks: 'Thank you for your answers.'
    },
    ru: {
        kind: 'Анкета',
        instructions: 'Отметьте один вариант в каждом вопросе или впишите ответ в отведённое место. Любой вопрос можно пропустить.',
        yes: 'Да', no: 'Нет', answer: 'Ваш ответ', thanks: 'Спасибо за ваши ответы.'
    },
    id: {
        kind: 'Survei',
        instructions: 'Jawablah setiap pertanyaan dengan menandai satu kotak, atau dengan menulis di tempat yang disediakan. Anda boleh melewati pertanyaan mana pun.',
        yes: 'Ya', no: 'Tidak', answer: 'Jawaban Anda', thanks: 'Terima kasih atas jawaban Anda.'
    },
    zh: {
        kind: '问卷调查',
        instructions: '请在每个问题中勾选一项，或在空白处填写。任何问题都可以不答。',
        yes: '是', no: '否', answer: '您的回答', thanks: '感谢您的回答。'
    }
};

export function formWordsFor(language: LanguageCode): FormWords {
    return FORM_WORDS[language];
}
