import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import parsePdf from 'pdf-parse/lib/pdf-parse.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CycleModel, FileModel } from '../../src/model/cycle-model.js';
import { runCli } from './run-cli.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const scratch = (): string => mkdtempSync(join(tmpdir(), 'cycle-report-'));
const EXAMPLES = readdirSync('examples').filter(f => f.endsWith('.cycle') && f !== 'team.cycle').map(f => `examples/${f}`);
/** Text compared without its spacing: the PDF wraps lines where it likes, between Chinese characters too. */
const squash = (text: string): string => text.replace(/\s+/g, '');

function firstCycle(file: string): CycleModel {
    const result = runCli(['export', file, '--to', 'json']);
    expect(result.status).toBe(0);
    return (JSON.parse(result.stdout) as FileModel).cycles[0];
}

function elements(node: Node, into: Element[] = []): Element[] {
    if ('tagName' in node) into.push(node);
    if ('childNodes' in node) for (const child of node.childNodes) elements(child, into);
    if ('content' in node && node.content) elements(node.content as Node, into);
    return into;
}

function textOf(node: Node): string {
    if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
    return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

function attr(element: Element, name: string): string | undefined {
    return element.attrs.find(a => a.name === name)?.value;
}

/** What makes a page run code or fetch something: scripts, handlers, and URLs that leave the file. */
function leaks(html: string): string[] {
    const found: string[] = [];
    for (const element of elements(parse(html))) {
        if (element.tagName === 'script') found.push('<script>');
        if (['iframe', 'object', 'embed', 'link', 'img', 'image', 'use', 'a'].includes(element.tagName)) {
            const url = attr(element, 'src') ?? attr(element, 'href') ?? attr(element, 'xlink:href');
            if (url !== undefined && !url.startsWith('data:') && !url.startsWith('#')) found.push(`${element.tagName} ${url}`);
        }
        for (const a of element.attrs) {
            if (a.name.startsWith('on')) found.push(`${element.tagName} ${a.name}`);
            if (['src', 'href', 'xlink:href', 'action', 'formaction', 'poster', 'srcset'].includes(a.name) && /^\s*(https?:|\/\/|javascript:)/i.test(a.value)) found.push(`${element.tagName} ${a.name}=${a.value}`);
        }
        if (element.tagName === 'style' && /@import|url\(/i.test(textOf(element))) found.push('style fetches');
    }
    return found;
}

describe('cycle report on every example', () => {
    const dir = scratch();
    for (const file of EXAMPLES) {
        describe(file, () => {
            const base = join(dir, file.replace(/^examples\//, '').replace(/\.cycle$/, ''));
            let cycle: CycleModel;
            beforeAll(() => {
                cycle = firstCycle(file);
            });

            it('writes a PDF of several pages with every critical moment\'s risk as selectable text', async () => {
                const pdf = `${base}.pdf`;
                const result = runCli(['report', file, '-o', pdf, '--today', '2026-12-02']);
                expect(result.stderr).toContain(`wrote ${pdf}`);
                expect(result.status).toBe(0);
                const bytes = readFileSync(pdf);
                expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
                const parsed = await parsePdf(bytes);
                expect(parsed.numpages).toBeGreaterThan(1);
                const text = squash(parsed.text);
                const risks = cycle.moments.flatMap(m => m.critical?.risks.map(r => r.text) ?? []);
                expect(risks.length).toBeGreaterThan(0);
                for (const risk of risks) expect(text).toContain(squash(risk));
                for (const m of cycle.moments.filter(x => x.critical)) {
                    for (const p of m.critical!.prevent) expect(text).toContain(squash(p.text));
                }
                // The fonts are embedded: a font file stream is in the PDF.
                expect(bytes.includes(Buffer.from('/FontFile2')) || bytes.includes(Buffer.from('/FontFile3'))).toBe(true);
            });

            it('writes one self-contained HTML page: no script, no request, every critical moment carded', () => {
                const html = `${base}.html`;
                const result = runCli(['report', file, '-o', html, '--today', '2026-12-02']);
                expect(result.status).toBe(0);
                const text = readFileSync(html, 'utf8');
                expect(leaks(text)).toEqual([]);
                const document = parse(text);
                const all = elements(document);
                const csp = all.find(e => e.tagName === 'meta' && attr(e, 'http-equiv') === 'Content-Security-Policy');
                expect(attr(csp!, 'content')).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src data:/);
                const cards = all.filter(e => e.tagName === 'article' && attr(e, 'class')?.split(' ').includes('card'));
                expect(cards).toHaveLength(cycle.moments.filter(m => m.critical).length);
                const unmitigated = cards.filter(c => attr(c, 'class')!.split(' ').includes('unmitigated'));
                expect(unmitigated).toHaveLength(cycle.moments.filter(m => m.unmitigated).length);
                // The three diagrams are inline SVG.
                expect(all.filter(e => e.tagName === 'svg').length).toBe(3);
            });
        });
    }
});

describe('cycle report', () => {
    it('the style hash in the CSP is the hash of the page\'s stylesheet (else the browser drops the styles)', async () => {
        const { createHash } = await import('node:crypto');
        const result = runCli(['report', 'examples/shoe-order.cycle', '--to', 'html']);
        expect(result.status).toBe(0);
        const all = elements(parse(result.stdout));
        const style = textOf(all.find(e => e.tagName === 'style')!);
        const hash = createHash('sha256').update(style, 'utf8').digest('base64');
        expect(attr(all.find(e => attr(e, 'http-equiv') === 'Content-Security-Policy')!, 'content')).toContain(`'sha256-${hash}'`);
    });

    it('neutralises a hostile label in the HTML and keeps it as plain text in the PDF', async () => {
        const dir = scratch();
        const hostile = '</style><script>alert(1)</script><img src=https://evil.example/x>';
        const file = join(dir, 'hostile.cycle');
        writeFileSync(file, `cycle hostile "${hostile.replace(/"/g, "'")}"
  goal "${hostile}"
  moment a "Arrive ${hostile}"
    critical
      risk "${hostile}"
      recover "Say sorry ${hostile}"
  moment b "Leave"
`);
        const result = runCli(['report', file, '--to', 'html']);
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        expect(leaks(result.stdout)).toEqual([]);
        const all = elements(parse(result.stdout));
        expect(all.filter(e => e.tagName === 'style')).toHaveLength(1);
        // The label reads as written: text, not markup.
        expect(textOf(all.find(e => e.tagName === 'h1')!)).toBe(hostile.replace(/"/g, "'"));
        const pdf = join(dir, 'hostile.pdf');
        expect(runCli(['report', file, '-o', pdf]).status).toBe(0);
        expect(squash((await parsePdf(readFileSync(pdf))).text)).toContain(squash(`Arrive ${hostile}`));
    });

    it('speaks the cycle\'s language: Russian, Indonesian and Chinese headings', async () => {
        const dir = scratch();
        const cases: [string, string[]][] = [
            ['examples/pizza-delivery.ru.cycle', ['Критические моменты', 'Схема обслуживания', 'Вопросы опроса']],
            ['examples/savings-account.id.cycle', ['Momen kritis', 'Cetak biru layanan', 'Pertanyaan survei']],
            ['examples/online-shopping.zh.cycle', ['危急时刻', '服务蓝图', '调查问题', '改进计划']]
        ];
        for (const [file, words] of cases) {
            const html = runCli(['report', file, '--to', 'html']);
            expect(html.status).toBe(0);
            const headings = elements(parse(html.stdout)).filter(e => e.tagName === 'h2').map(textOf);
            for (const word of words) expect(headings).toContain(word);
            expect(headings).not.toContain('Critical moments');
            const pdf = join(dir, 'r.pdf');
            expect(runCli(['report', file, '-o', pdf]).status).toBe(0);
            const text = squash((await parsePdf(readFileSync(pdf))).text);
            for (const word of words) expect(text).toContain(squash(word));
        }
        // --lang overrides the file's language.
        const english = runCli(['report', 'examples/pizza-delivery.ru.cycle', '--to', 'html', '--lang', 'en']);
        expect(elements(parse(english.stdout)).filter(e => e.tagName === 'h2').map(textOf)).toContain('Critical moments');
    });

    it('lists the open findings of cycle check for the file', () => {
        const check = runCli(['check', 'examples/bank-check-cashing.cycle', '--format', 'json']);
        const findings = JSON.parse(check.stdout) as { code: string }[];
        expect(findings.length).toBeGreaterThan(0);
        const html = runCli(['report', 'examples/bank-check-cashing.cycle', '--to', 'html']).stdout;
        const items = elements(parse(html)).filter(e => e.tagName === 'ul' && attr(e, 'class') === 'findings').flatMap(e => e.childNodes.filter(c => c.nodeName === 'li'));
        expect(items.map(textOf).map(t => t.match(/\S+$/)![0])).toEqual(findings.map(f => f.code));
    });

    it('refuses a file with syntax errors, as render does, and writes nothing', () => {
        const dir = scratch();
        const file = join(dir, 'broken.cycle');
        writeFileSync(file, 'cycle broken "Broken"\n  moment a "A" by by\n');
        const out = join(dir, 'broken.pdf');
        const result = runCli(['report', file, '-o', out]);
        expect(result.status).toBe(1);
        expect(result.stderr).toMatch(/cannot report on .*broken\.cycle: it has syntax errors \(the first on line 2\); run `cycle check/);
        expect(existsSync(out)).toBe(false);
    });

    it('never writes over its input, nor over a read-only file, and asks for a format it knows', () => {
        const dir = scratch();
        const file = join(dir, 'copy.cycle');
        const source = readFileSync('examples/shoe-order.cycle', 'utf8');
        writeFileSync(file, source);
        const over = runCli(['report', file, '-o', file, '--to', 'html']);
        expect(over.status).toBe(2);
        expect(over.stderr).toContain('it is the input file');
        expect(readFileSync(file, 'utf8')).toBe(source);

        const readOnly = join(dir, 'kept.html');
        writeFileSync(readOnly, 'keep');
        chmodSync(readOnly, 0o444);
        // Refused by its mode bits, as root too (write-output.ts checks them).
        const refused = runCli(['report', file, '-o', readOnly]);
        expect(refused.status).toBe(2);
        expect(readFileSync(readOnly, 'utf8')).toBe('keep');

        const unknown = runCli(['report', file, '-o', join(dir, 'x.docx')]);
        expect(unknown.status).toBe(2);
        expect(unknown.stderr).toContain('name it .html or .pdf');
        const disagree = runCli(['report', file, '-o', join(dir, 'x.pdf'), '--to', 'html']);
        expect(disagree.status).toBe(2);
        expect(disagree.stderr).toContain('--to says html');
        const pdfToStdout = runCli(['report', file, '--to', 'pdf']);
        expect(pdfToStdout.status).toBe(2);
        expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
        // Atomic: no temporary file is left beside what was written.
        expect(runCli(['report', file, '-o', join(dir, 'ok.pdf')]).status).toBe(0);
        expect(readdirSync(dir).filter(f => f.endsWith('.tmp'))).toEqual([]);
    });
});
