import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import parsePdf from 'pdf-parse/lib/pdf-parse.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliEnvironment, defaultReportPath, refusedTarget, reportFormatOf, runReport, type CliLaunch } from '../../src/extension/report/run-report.js';

/*
 * Export Report runs the CLI bundled in the extension (dist/cli/, with dist/fonts/)
 * as a child process of VS Code's Node. Here that bundle is copied to a folder with no
 * node_modules anywhere above it, as the installed .vsix has none, and run the same way.
 */
const ROOT = resolve(new URL('../../', import.meta.url).pathname);
let launch: CliLaunch;
let work: string;

const BANK = readFileSync(join(ROOT, 'examples', 'bank-check-cashing.cycle'), 'utf8');

beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist', 'cli', 'cli.mjs')) || !existsSync(join(ROOT, 'dist', 'fonts', 'DejaVuSans.ttf'))) {
        throw new Error('dist/cli or dist/fonts is missing: run `npm run build` first');
    }
    const installed = mkdtempSync(join(tmpdir(), 'cycle-extension-'));
    mkdirSync(join(installed, 'dist'));
    cpSync(join(ROOT, 'dist', 'cli'), join(installed, 'dist', 'cli'), { recursive: true });
    cpSync(join(ROOT, 'dist', 'fonts'), join(installed, 'dist', 'fonts'), { recursive: true });
    launch = { node: process.execPath, cli: join(installed, 'dist', 'cli', 'cli.mjs'), env: cliEnvironment() };
    work = mkdtempSync(join(tmpdir(), 'cycle-report-work-'));
    writeFileSync(join(work, 'bank.cycle'), BANK);
});

describe('Export Report: the bundled CLI as a child process', () => {
    it('writes a PDF with the text of every critical moment\'s risk, from the bundle alone', async () => {
        const output = join(work, 'bank report.pdf');
        const run = await runReport(launch, join(work, 'bank.cycle'), output);
        expect(run).toEqual({ ok: true, output, format: 'pdf', warnings: [] });
        const pdf = readFileSync(output);
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        const text = (await parsePdf(pdf)).text.replace(/\s+/g, ' ');
        expect(text).toContain('The employee answers as if it were obvious what to do');
        expect(text).toContain('The teller pays out less than expected');
    }, 60_000);

    it('writes a self-contained HTML report when the name ends in .html', async () => {
        const output = join(work, 'bank.html');
        const run = await runReport(launch, join(work, 'bank.cycle'), output);
        expect(run.ok).toBe(true);
        const html = readFileSync(output, 'utf8');
        expect(html).toMatch(/^<!DOCTYPE html>/i);
        expect(html).toContain('Cashing a check at a bank branch');
        expect(html).not.toMatch(/<script/i);
    }, 60_000);

    it('never writes over the .cycle file, also when named through a link, and says why', async () => {
        const input = join(work, 'bank.cycle');
        const refused = await runReport(launch, input, input);
        expect(refused).toEqual({ ok: false, message: 'The report would replace bank.cycle itself: choose another name.' });
        const link = join(work, 'link.pdf');
        symlinkSync(input, link);
        expect((await runReport(launch, input, link)).ok).toBe(false);
        expect(readFileSync(input, 'utf8')).toBe(BANK);
    });

    it('passes on the CLI\'s reason when the file cannot be reported on', async () => {
        const broken = join(work, 'broken.cycle');
        writeFileSync(broken, 'cycle c "C"\n  moment "\n');
        const run = await runReport(launch, broken, join(work, 'broken.pdf'));
        expect(run.ok).toBe(false);
        expect(run.ok ? '' : run.message).toMatch(/^No report was made: cannot report on broken\.cycle: it has syntax errors \(the first on line \d+\)/);
        expect(existsSync(join(work, 'broken.pdf'))).toBe(false);
    }, 60_000);

    it('says so when the extension\'s bundle is missing, or the name has no report format', async () => {
        const missing = await runReport({ ...launch, cli: join(work, 'nowhere', 'cli.mjs') }, join(work, 'bank.cycle'), join(work, 'x.pdf'));
        expect(missing.ok ? '' : missing.message).toContain('reinstall the extension');
        expect(refusedTarget(join(work, 'bank.cycle'), join(work, 'x.docx'))).toBe('Cannot tell the report\'s format from x.docx: name it .pdf or .html.');
        expect(refusedTarget(join(work, 'bank.cycle'), join(work, 'x.pdf'))).toBeUndefined();
    });
});

describe('Export Report: names and formats', () => {
    it('proposes the file\'s own name, beside it, as a PDF', () => {
        expect(defaultReportPath('/w/examples/bank-check-cashing.cycle')).toBe('/w/examples/bank-check-cashing.pdf');
        expect(defaultReportPath('/w/a.b.cycle', 'html')).toBe('/w/a.b.html');
    });

    it('tells the format by the extension, in any case', () => {
        expect(['r.pdf', 'r.PDF', 'r.html', 'r.htm', 'r.cycle', 'r'].map(reportFormatOf)).toEqual(['pdf', 'pdf', 'html', 'html', undefined, undefined]);
    });

    it('runs VS Code\'s Electron as Node, without colour codes', () => {
        expect(cliEnvironment({ PATH: '/bin' })).toEqual({ PATH: '/bin', ELECTRON_RUN_AS_NODE: '1', NO_COLOR: '1', FORCE_COLOR: '0' });
    });
});
