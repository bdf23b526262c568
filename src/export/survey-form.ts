import { languageOf } from '../diagram/layout-options.js';
import { htmlText as t } from '../domain/neutralise/html.js';
import { formWordsFor } from '../domain/words/form-words.js';
import type { LanguageCode } from '../domain/words/index.js';
import type { AnswerModel, CycleModel, SurveyModel } from '../model/cycle-model.js';
import type { Measure } from '../results/results-types.js';
import { selfContainedHead } from './self-contained-head.js';

/**
 * `cycle survey form`: a survey as respondents meet it — a printable HTML page, a JSON
 * definition another tool can build a form from, and the empty results file its
 * answers go into. Pure builders: the CLI decides where they are written.
 */

/** One question of the JSON form definition: everything needed to ask it and to read its answer. */
export interface FormQuestion {
    readonly id: string;
    readonly label: string;
    readonly measures: Measure;
    readonly about: readonly string[];
    /** As the cycle model has it; null: no `answer` line (a free-text answer). */
    readonly answer: AnswerModel | null;
}

export interface FormDefinition {
    readonly cycle: string;
    readonly survey: string;
    readonly label: string;
    readonly language: LanguageCode;
    /** In the survey's order: the CSV template's columns after `respondent` and `date`. */
    readonly questions: readonly FormQuestion[];
}

export function formDefinition(cycle: CycleModel, survey: SurveyModel, language?: LanguageCode): FormDefinition {
    return {
        cycle: cycle.id,
        survey: survey.id,
        label: survey.label,
        language: languageOf(cycle, { language }),
        questions: survey.questions.map(q => ({ id: q.id, label: q.label, measures: q.measures, about: [...q.about], answer: q.answer }))
    };
}

/**
 * One RFC 4180 field: quoted when it holds a comma, a semicolon (the reader also
 * accepts `;` as the delimiter), a quote or a line break. Question ids never do
 * (the grammar's ID), but the template must stay one header row whatever it is given.
 */
function csvField(text: string): string {
    return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The empty results file: its header row only, with CRLF as RFC 4180 ends records. */
export function formCsvTemplate(definition: FormDefinition): string {
    return ['respondent', 'date', ...definition.questions.map(q => q.id)].map(csvField).join(',') + '\r\n';
}

/**
 * The page's only styles, allowed by their hash in the Content-Security-Policy: the
 * form is a file handed around and printed; it runs nothing and fetches nothing.
 */
export const FORM_CSS = `
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  color: #1f2328; background: #fff; margin: 0 auto; max-width: 820px; padding: 32px 24px 48px; line-height: 1.45; }
h1 { font-size: 26px; margin: 0 0 4px; }
.kind { color: #57606a; margin: 0 0 12px; text-transform: uppercase; letter-spacing: .06em; font-size: 13px; }
.instructions { margin: 0 0 24px; }
ol.questions { list-style: none; padding: 0; margin: 0; counter-reset: q; }
ol.questions > li { margin: 0 0 18px; break-inside: avoid; }
fieldset { border: 1px solid #d0d7de; border-radius: 8px; padding: 12px 16px 14px; margin: 0; }
legend { font-weight: bold; padding: 0 6px; }
.number { color: #57606a; margin-right: 4px; }
.options { display: flex; flex-wrap: wrap; gap: 8px 18px; margin: 6px 0 0; }
.options label { display: inline-flex; align-items: center; gap: 6px; }
.scale { display: flex; flex-wrap: wrap; gap: 6px; margin: 6px 0 0; }
.scale label { display: flex; flex-direction: column; align-items: center; min-width: 46px; max-width: 120px; text-align: center; }
.scale .point { font-weight: bold; }
.scale .end { font-size: 12px; color: #57606a; }
input[type="radio"] { width: 18px; height: 18px; margin: 2px; }
.field { display: flex; align-items: baseline; gap: 8px; margin: 6px 0 0; }
input[type="number"] { width: 9em; font: inherit; padding: 4px 6px; border: 1px solid #8c959f; border-radius: 4px; }
textarea { width: 100%; box-sizing: border-box; min-height: 4.5em; font: inherit; padding: 4px 6px; border: 1px solid #8c959f; border-radius: 4px; }
.unit { color: #57606a; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.thanks { margin-top: 28px; color: #57606a; }
@media print { body { padding: 0; max-width: none; } fieldset { border-color: #8c959f; } }
`;

/** Wider scales than 0..10 (eleven points, the NPS scale) are a number field, not a row of radios. */
const MAX_SCALE_RADIOS = 11;

/** The inputs of one question; `n` numbers the elements' ids (question ids may hold any letter). */
function answerHtml(question: FormQuestion, n: number, language: LanguageCode): string {
    const w = formWordsFor(language);
    const name = t(question.id);
    const radio = (value: string, inner: string): string =>
        `<label><input type="radio" name="${name}" value="${t(value)}">${inner}</label>`;
    const answer = question.answer;
    switch (answer?.kind) {
        case 'scale': {
            if (answer.high - answer.low + 1 > MAX_SCALE_RADIOS) {
                // 0..100 is typed, not clicked (and `scale 1..99999999` must not become a
                // hundred million radio buttons): a whole number between the ends, both named.
                const ends = [`${answer.low}${answer.lowLabel ? ` = ${answer.lowLabel}` : ''}`, `${answer.high}${answer.highLabel ? ` = ${answer.highLabel}` : ''}`];
                return `<div class="field"><label class="sr-only" for="q${n}-input">${t(w.answer)}</label>` +
                    `<input type="number" step="1" min="${answer.low}" max="${answer.high}" id="q${n}-input" name="${name}" aria-describedby="q${n}-ends">` +
                    `<span class="unit" id="q${n}-ends">${t(ends.join(' … '))}</span></div>`;
            }
            const points: string[] = [];
            for (let x = answer.low; x <= answer.high; x++) {
                // The ends carry the scale's labels inside their own label, so a screen
                // reader says "1 Very dissatisfied", and the printed page shows it under the box
                // (the space between the two spans is read, a flex layout does not draw it).
                const end = x === answer.low ? answer.lowLabel : x === answer.high ? answer.highLabel : null;
                points.push(radio(String(x), `<span class="point">${x}</span>${end ? ` <span class="end">${t(end)}</span>` : ''}`));
            }
            return `<div class="scale">${points.join('')}</div>`;
        }
        case 'yes-no':
            return `<div class="options">${radio('yes', t(w.yes))}${radio('no', t(w.no))}</div>`;
        case 'choice':
            // The value is the option's exact text, which the results file accepts as it is.
            return `<div class="options">${answer.options.map(o => radio(o, t(o))).join('')}</div>`;
        case 'number': {
            const unit = answer.unit ? `<span class="unit" id="q${n}-unit">${t(answer.unit)}</span>` : '';
            return `<div class="field"><label class="sr-only" for="q${n}-input">${t(w.answer)}</label>` +
                `<input type="number" step="any" inputmode="decimal" id="q${n}-input" name="${name}"${unit ? ` aria-describedby="q${n}-unit"` : ''}>${unit}</div>`;
        }
        default:
            return `<div class="field"><label class="sr-only" for="q${n}-input">${t(w.answer)}</label>` +
                `<textarea id="q${n}-input" name="${name}" rows="3"></textarea></div>`;
    }
}

/**
 * The form as one self-contained, printable HTML page: the questions in the survey's
 * order, each a `fieldset` whose `legend` is the question, radio buttons for scales,
 * yes/no and choices (a scale's ends labelled with its labels), a number field, a text
 * box; every label escaped. `styleHash` is the `sha256-…` source of FORM_CSS, computed
 * by the caller, which has the crypto.
 */
export function formHtml(definition: FormDefinition, cycleLabel: string, styleHash: string): string {
    const w = formWordsFor(definition.language);
    const out: string[] = [
        // form-action 'none' (in the head): the form is printed or read on screen; it sends nothing anywhere.
        selfContainedHead({ language: definition.language, title: definition.label, css: FORM_CSS, styleHash }),
        '<body>',
        '<main>',
        `<h1>${t(definition.label)}</h1>`,
        `<p class="kind">${t(w.kind)} · ${t(cycleLabel)}</p>`,
        `<p class="instructions">${t(w.instructions)}</p>`,
        // No <form>: there is nothing to send, and a form with a single number field would
        // "submit" (reload the page, answers lost) when Enter is pressed in it. Radio
        // buttons group by name without one.
        '<ol class="questions">'
    ];
    definition.questions.forEach((question, i) => {
        const n = i + 1;
        out.push(`<li><fieldset id="q${n}" data-question="${t(question.id)}">`,
            `<legend><span class="number">${n}.</span> ${t(question.label)}</legend>`,
            answerHtml(question, n, definition.language),
            '</fieldset></li>');
    });
    out.push('</ol>', `<p class="thanks">${t(w.thanks)}</p>`, '</main>', '</body>', '</html>', '');
    return out.join('\n');
}
