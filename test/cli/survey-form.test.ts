import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const CAFE = 'test/fixtures/survey-results/cafe.cycle';
const scratch = (): string => mkdtempSync(join(tmpdir(), 'cycle-survey-form-'));

const TWO_CYCLES = `cycle a "First"
  moment m "M"
  survey exit "Exit"
    question q "Q?"
      about m
      answer yes-no
cycle b "Second"
  moment n "N"
  survey exit "Exit"
    question r "R?"
      about n
      answer scale 1..5
  survey phone "Phone"
    question s "S?"
      about n
      answer text
`;

describe('cycle survey form', () => {
    it('-o form.html: the printable form, its stylesheet allowed by its hash', () => {
        const dir = scratch();
        const out = join(dir, 'form.html');
        const result = runCli(['survey', 'form', CAFE, '-o', out]);
        expect(result.status).toBe(0);
        expect(result.stderr).toBe(`cycle: wrote ${out} (the printable form of survey exit of cafe, 3 questions).\n`);
        const html = readFileSync(out, 'utf8');
        expect(html.match(/<fieldset/g)).toHaveLength(3);
        const css = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
        const hash = createHash('sha256').update(css, 'utf8').digest('base64');
        expect(html).toContain(`style-src 'sha256-${hash}'`);
        // The 0..10 scale: eleven points, its ends labelled.
        expect(html.match(/name="recommend"/g)).toHaveLength(11);
        expect(html).toContain('<span class="point">0</span> <span class="end">Not at all likely</span>');
    });

    it('-o form.json: the form definition; --format json prints it', () => {
        const dir = scratch();
        const out = join(dir, 'form.json');
        expect(runCli(['survey', 'form', CAFE, '-o', out]).status).toBe(0);
        const written = JSON.parse(readFileSync(out, 'utf8'));
        const printed = runCli(['survey', 'form', CAFE, '--format', 'json']);
        expect(printed.status).toBe(0);
        expect(JSON.parse(printed.stdout)).toEqual(written);
        expect(written).toMatchObject({ cycle: 'cafe', survey: 'exit', label: 'After the visit', language: 'en' });
        expect(written.questions.map((q: { id: string; measures: string }) => `${q.id}:${q.measures}`)).toEqual(['order-sat:satisfaction', 'wait-ok:satisfaction', 'recommend:recommend']);
        expect(written.questions[2].answer).toEqual({ kind: 'scale', low: 0, high: 10, lowLabel: 'Not at all likely', highLabel: 'Extremely likely' });
    });

    it('-o template.csv: the header row only', () => {
        const dir = scratch();
        const out = join(dir, 'template.csv');
        expect(runCli(['survey', 'form', CAFE, '-o', out]).status).toBe(0);
        expect(readFileSync(out, 'utf8')).toBe('respondent,date,order-sat,wait-ok,recommend\r\n');
        expect(runCli(['survey', 'form', CAFE, '--format', 'csv']).stdout).toBe('respondent,date,order-sat,wait-ok,recommend\r\n');
    });

    it('asks where to when neither -o nor --format says, and refuses a name it cannot tell or that disagrees', () => {
        const none = runCli(['survey', 'form', CAFE]);
        expect(none.status).toBe(2);
        expect(none.stderr).toContain('where to? cycle survey form FILE -o form.html|form.json|template.csv');
        expect(none.stdout).toBe('');
        const dir = scratch();
        const odd = runCli(['survey', 'form', CAFE, '-o', join(dir, 'form.txt')]);
        expect(odd.status).toBe(2);
        expect(odd.stderr).toContain('name it .html, .json or .csv');
        const disagree = runCli(['survey', 'form', CAFE, '-o', join(dir, 'form.html'), '--format', 'csv']);
        expect(disagree.status).toBe(2);
        expect(disagree.stderr).toContain('--format says csv');
        expect(existsSync(join(dir, 'form.html'))).toBe(false);
    });

    it('never writes over its input', () => {
        const dir = scratch();
        const input = join(dir, 'cafe.html');
        writeFileSync(input, readFileSync(CAFE, 'utf8'));
        // The .cycle file is named .html here: the command must see it is its own input.
        const result = runCli(['survey', 'form', input, '-o', input]);
        expect(result.status).toBe(2);
        expect(result.stderr).toContain('it is the input file');
        expect(readFileSync(input, 'utf8')).toBe(readFileSync(CAFE, 'utf8'));
    });

    it('several surveys: --cycle and --survey choose, else a clear error listing them', () => {
        const dir = scratch();
        const file = join(dir, 'two.cycle');
        writeFileSync(file, TWO_CYCLES);
        const unclear = runCli(['survey', 'form', file, '--format', 'csv']);
        expect(unclear.status).toBe(2);
        expect(unclear.stderr).toContain('has 3 surveys: choose one with --cycle a --survey exit; --cycle b --survey exit; --cycle b --survey phone.');
        const twoExits = runCli(['survey', 'form', file, '--format', 'csv', '--survey', 'exit']);
        expect(twoExits.status).toBe(2);
        expect(twoExits.stderr).toContain('has 2 surveys named `exit`: choose one with --cycle a --survey exit; --cycle b --survey exit.');
        expect(runCli(['survey', 'form', file, '--format', 'csv', '--cycle', 'b', '--survey', 'exit']).stdout).toBe('respondent,date,r\r\n');
        expect(runCli(['survey', 'form', file, '--format', 'csv', '--survey', 'phone']).stdout).toBe('respondent,date,s\r\n');
        const only = runCli(['survey', 'form', file, '--format', 'csv', '--cycle', 'a']);
        expect(only.stdout).toBe('respondent,date,q\r\n');
        const unknown = runCli(['survey', 'form', file, '--format', 'csv', '--survey', 'web']);
        expect(unknown.status).toBe(2);
        expect(unknown.stderr).toContain('has no survey `web`; it has: --cycle a --survey exit; --cycle b --survey exit; --cycle b --survey phone.');
        const noCycle = runCli(['survey', 'form', file, '--format', 'csv', '--cycle', 'z']);
        expect(noCycle.stderr).toContain('has no cycle `z`; it has `a`, `b`.');
    });

    it('a file with no survey says so', () => {
        const dir = scratch();
        const file = join(dir, 'bare.cycle');
        writeFileSync(file, 'cycle a "A"\n  moment m "M"\n');
        const result = runCli(['survey', 'form', file, '--format', 'html']);
        expect(result.status).toBe(2);
        expect(result.stderr).toContain('has no survey: add one');
    });

    it('--lang chooses the words around the labels; a control character in --survey is echoed escaped', () => {
        const zh = runCli(['survey', 'form', CAFE, '--format', 'html', '--lang', 'zh']);
        expect(zh.stdout).toContain('<html lang="zh">');
        expect(zh.stdout).toContain('<label><input type="radio" name="wait-ok" value="yes">是</label>');
        const hostile = runCli(['survey', 'form', CAFE, '--format', 'csv', '--survey', 'x\u001b[2J']);
        expect(hostile.status).toBe(2);
        expect(hostile.stderr).toContain('has no survey `x\\x1b[2J`');
        expect(hostile.stderr).not.toContain('\u001b');
    });

    it("speaks the example's language: the Indonesian bank's form says Ya and Tidak", () => {
        const result = runCli(['survey', 'form', 'examples/savings-account.id.cycle', '--format', 'html']);
        expect(result.status).toBe(0);
        expect(result.stdout).toContain('<html lang="id">');
        expect(result.stdout).toContain('Jawablah setiap pertanyaan');
        expect(result.stdout).toContain('value="yes">Ya</label>');
        expect(result.stdout).toContain('value="no">Tidak</label>');
    });
});
