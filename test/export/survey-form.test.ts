import { URI } from 'langium';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/model/analyse.js';
import type { CycleModel } from '../../src/model/cycle-model.js';
import { formCsvTemplate, formDefinition, formHtml } from '../../src/export/survey-form.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

function elements(node: Node, into: Element[] = []): Element[] {
    if ('tagName' in node) into.push(node);
    if ('childNodes' in node) for (const child of node.childNodes) elements(child, into);
    return into;
}
function textOf(node: Node): string {
    if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
    return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}
const attr = (element: Element, name: string): string | undefined => element.attrs.find(a => a.name === name)?.value;

async function cycleOf(text: string): Promise<CycleModel> {
    const analysis = await analyse([{ uri: URI.file('/workspace/form.cycle'), text }]);
    return analysis.texts[0].model.cycles[0];
}

const SOURCE = `cycle cafe "Buying a coffee"
  moment order "Orders at the counter"
  moment wait "Waits for the coffee"
  survey exit "After the visit"
    results "wave-1.csv"
    question overall "Overall, how satisfied are you?"
      measures overall
      answer scale 1..5 "Very dissatisfied" "Very satisfied"
    question wait-ok "Was the wait acceptable?"
      about wait
      answer yes-no
    question size "Which size did you order?"
      about order
      answer choice "Small" "Large"
    question minutes "How many minutes did you wait?"
      about wait
      answer number "minutes"
    question comment "Anything else?"
      answer text
    question bare "A question with no answer line"
`;

describe('formDefinition', () => {
    it('lists the questions in order, with what they measure, what they are about and their answer', async () => {
        const definition = formDefinition(await cycleOf(SOURCE), (await cycleOf(SOURCE)).surveys[0]);
        expect(definition.cycle).toBe('cafe');
        expect(definition.survey).toBe('exit');
        expect(definition.language).toBe('en');
        expect(definition.questions.map(q => q.id)).toEqual(['overall', 'wait-ok', 'size', 'minutes', 'comment', 'bare']);
        expect(definition.questions[0]).toEqual({
            id: 'overall', label: 'Overall, how satisfied are you?', measures: 'overall', about: [],
            answer: { kind: 'scale', low: 1, high: 5, lowLabel: 'Very dissatisfied', highLabel: 'Very satisfied' }
        });
        // No `measures` line: satisfaction, as the contract says.
        expect(definition.questions[1]).toMatchObject({ measures: 'satisfaction', about: ['wait'], answer: { kind: 'yes-no' } });
        expect(definition.questions[5].answer).toBeNull();
    });
});

describe('formCsvTemplate', () => {
    it('is the header row only: respondent, date, then every question id in order', async () => {
        const cycle = await cycleOf(SOURCE);
        expect(formCsvTemplate(formDefinition(cycle, cycle.surveys[0]))).toBe('respondent,date,overall,wait-ok,size,minutes,comment,bare\r\n');
    });
    it('quotes an id that would split the row (never from the grammar, but the template stays one header row)', () => {
        const text = formCsvTemplate({ cycle: 'c', survey: 's', label: 'l', language: 'en', questions: [{ id: 'a,"b";c', label: '', measures: 'satisfaction', about: [], answer: null }] });
        expect(text).toBe('respondent,date,"a,""b"";c"\r\n');
    });
});

describe('formHtml', () => {
    it('one fieldset per question, its legend the question; radios for scales, yes/no and choices; ends labelled', async () => {
        const cycle = await cycleOf(SOURCE);
        const html = formHtml(formDefinition(cycle, cycle.surveys[0]), cycle.label, 'sha256-x');
        const all = elements(parse(html));
        const fieldsets = all.filter(e => e.tagName === 'fieldset');
        expect(fieldsets.map(f => attr(f, 'data-question'))).toEqual(['overall', 'wait-ok', 'size', 'minutes', 'comment', 'bare']);
        const legends = fieldsets.map(f => textOf(elements(f).find(e => e.tagName === 'legend')!).trim());
        expect(legends[0]).toBe('1. Overall, how satisfied are you?');
        const radios = (f: Element): Element[] => elements(f).filter(e => e.tagName === 'input' && attr(e, 'type') === 'radio');
        expect(radios(fieldsets[0]).map(r => attr(r, 'value'))).toEqual(['1', '2', '3', '4', '5']);
        expect(radios(fieldsets[0]).every(r => attr(r, 'name') === 'overall')).toBe(true);
        // The scale's ends carry its labels, inside the labels of the first and last points.
        const labels = elements(fieldsets[0]).filter(e => e.tagName === 'label').map(l => textOf(l));
        expect(labels).toEqual(['1 Very dissatisfied', '2', '3', '4', '5 Very satisfied']);
        expect(radios(fieldsets[1]).map(r => attr(r, 'value'))).toEqual(['yes', 'no']);
        expect(elements(fieldsets[1]).filter(e => e.tagName === 'label').map(textOf)).toEqual(['Yes', 'No']);
        expect(radios(fieldsets[2]).map(r => attr(r, 'value'))).toEqual(['Small', 'Large']);
        const number = elements(fieldsets[3]).find(e => e.tagName === 'input')!;
        expect(attr(number, 'type')).toBe('number');
        expect(textOf(fieldsets[3])).toContain('minutes');
        // Free text, and a question without an answer line, get a text box with a label for screen readers.
        for (const f of [fieldsets[4], fieldsets[5]]) {
            const box = elements(f).find(e => e.tagName === 'textarea')!;
            const label = elements(f).find(e => e.tagName === 'label')!;
            expect(attr(label, 'for')).toBe(attr(box, 'id'));
            expect(textOf(label)).toBe('Your answer');
        }
    });

    it('a scale wider than 0..10 is a whole-number field between its named ends, not a row of radios', async () => {
        const cycle = await cycleOf(`cycle c "C"
  moment m "M"
  survey s "S"
    question pct "How much of it went well, in percent?"
      about m
      answer scale 0..100 "Nothing" "Everything"
    question nps "Recommend?"
      about m
      answer scale 0..10
    question huge "A scale nobody would click through"
      about m
      answer scale 1..99999999
`);
        const html = formHtml(formDefinition(cycle, cycle.surveys[0]), cycle.label, 'sha256-x');
        const [pct, nps, huge] = elements(parse(html)).filter(e => e.tagName === 'fieldset');
        const input = elements(pct).find(e => e.tagName === 'input')!;
        expect([attr(input, 'type'), attr(input, 'min'), attr(input, 'max'), attr(input, 'step')]).toEqual(['number', '0', '100', '1']);
        expect(textOf(pct)).toContain('0 = Nothing … 100 = Everything');
        expect(elements(nps).filter(e => e.tagName === 'input')).toHaveLength(11);
        expect(elements(huge).filter(e => e.tagName === 'input')).toHaveLength(1);
        expect(html.length).toBeLessThan(20_000);
    });

    it('escapes labels: a <script> in a question, quotes in a choice, stay text', async () => {
        const hostile = `cycle c "A <b>cycle</b>"
  moment m "M"
  survey s "Survey </title><script>alert(1)</script>"
    question q "<script>alert('x')</script> & \\"quoted\\""
      about m
      answer choice "a\\" onclick=\\"alert(2)" "<img src=x>"
`;
        const cycle = await cycleOf(hostile);
        const html = formHtml(formDefinition(cycle, cycle.surveys[0]), cycle.label, 'sha256-x');
        const all = elements(parse(html));
        expect(all.filter(e => e.tagName === 'script' || e.tagName === 'img' || e.tagName === 'b')).toEqual([]);
        expect(all.some(e => e.attrs.some(a => a.name === 'onclick'))).toBe(false);
        expect(textOf(all.find(e => e.tagName === 'legend')!)).toBe('1. <script>alert(\'x\')</script> & "quoted"');
        expect(textOf(all.find(e => e.tagName === 'title')!)).toBe('Survey </title><script>alert(1)</script>');
        const values = all.filter(e => e.tagName === 'input').map(e => attr(e, 'value'));
        expect(values).toEqual(['a" onclick="alert(2)', '<img src=x>']);
    });

    it('allows only its own stylesheet, runs nothing and sends nothing (CSP)', async () => {
        const cycle = await cycleOf(SOURCE);
        const html = formHtml(formDefinition(cycle, cycle.surveys[0]), cycle.label, 'sha256-abc=');
        const csp = elements(parse(html)).find(e => e.tagName === 'meta' && attr(e, 'http-equiv') === 'Content-Security-Policy');
        expect(attr(csp!, 'content')).toBe("default-src 'none'; style-src 'sha256-abc='; base-uri 'none'; form-action 'none'");
    });

    it("speaks the cycle's language: Russian words around Russian labels", async () => {
        const cycle = await cycleOf(`language ru
cycle kofe "Покупка кофе"
  moment order "Заказ у стойки"
  survey s "После визита"
    question q "Заказ был принят вежливо?"
      about order
      answer yes-no
`);
        const html = formHtml(formDefinition(cycle, cycle.surveys[0]), cycle.label, 'sha256-x');
        const all = elements(parse(html));
        expect(attr(all.find(e => e.tagName === 'html')!, 'lang')).toBe('ru');
        expect(all.filter(e => e.tagName === 'label').map(textOf)).toEqual(['Да', 'Нет']);
    });
});
