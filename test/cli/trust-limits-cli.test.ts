import '../../src/preludes/node20-polyfill.cjs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspProcess } from '../server/lsp-client.js';
import { runCli } from './run-cli.js';

/*
 * Issue 10 ("Trust"), through the built `cycle` command and language server: huge
 * input must be answered, not crash with "Maximum call stack size exceeded".
 * The inputs are generated here, not committed.
 */

const SMALL_CYCLE = `cycle c "C"
  goal "g"
  moment m1 "M"
    channel web
`;

function scratchFile(name: string, text: string): string {
    const folder = mkdtempSync(join(tmpdir(), 'cycle-trust-'));
    const path = join(folder, name);
    writeFileSync(path, text);
    return path;
}

interface JsonFinding { line: number; severity: string; code: string; message: string }

function noCrash(stderr: string): void {
    expect(stderr).not.toMatch(/internal error|Maximum call stack|RangeError|\n\s+at .+:\d+:\d+/);
}

describe('issue 10 item 4: cycle check on huge input', () => {
    it('issue 10 item 4: cycle check of 130k comment lines answers without a stack overflow', () => {
        const file = scratchFile('comments.cycle', '# a note\n'.repeat(130_000) + SMALL_CYCLE);
        const result = runCli(['check', '--format', 'json', file]);
        noCrash(result.stderr);
        expect(result.status).toBe(0);
        const findings = JSON.parse(result.stdout) as JsonFinding[];
        expect(findings.map(f => f.code)).toContain('missing-stage');
    }, 120_000);

    it('issue 10 item 4: cycle check of an # ignore: line with 270k codes answers without a stack overflow', () => {
        const file = scratchFile('codes.cycle', `# ignore: ${Array.from({ length: 270_000 }, () => 'zz').join(', ')}\n${SMALL_CYCLE}`);
        const result = runCli(['check', '--format', 'json', file]);
        noCrash(result.stderr);
        expect(result.status).toBe(0);
        const findings = JSON.parse(result.stdout) as JsonFinding[];
        expect(findings.filter(f => f.code === 'unknown-ignore-code').length).toBeGreaterThan(900);
        expect(findings.some(f => / more findings are not listed /.test(f.message))).toBe(true);
    }, 120_000);

    it('issue 10 item 4: cycle check of 130k rule findings lists them, capped, instead of losing them all', () => {
        const file = scratchFile('feels.cycle', `cycle c "C"\n  goal "g"\n  moment m1 "M"\n${'    feels 7\n'.repeat(65_000)}`);
        const result = runCli(['check', '--format', 'json', file]);
        noCrash(result.stderr);
        // The findings are errors: before the fix they were all lost, and the exit status was 0.
        expect(result.status).toBe(1);
        const findings = JSON.parse(result.stdout) as JsonFinding[];
        expect(findings).toHaveLength(1001);
        expect(findings.filter(f => f.code === 'feels-out-of-range').length).toBeGreaterThan(400);
        expect(findings.filter(f => / more findings are not listed /.test(f.message))).toHaveLength(1);
    }, 120_000);
});

describe('issue 10 item 10: cycle check never passes a file with a syntax error', () => {
    it('issue 10 item 10: a cycle.config.json switching syntax-error off is refused, and the error still reported', () => {
        const folder = mkdtempSync(join(tmpdir(), 'cycle-trust-'));
        writeFileSync(join(folder, 'cycle.config.json'), JSON.stringify({ rules: { 'syntax-error': 'off' } }));
        writeFileSync(join(folder, 'broken.cycle'), `${SMALL_CYCLE}    feels four\n`);
        const result = runCli(['check', '--format', 'json', folder]);
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/^cycle: .*cycle\.config\.json: rule "syntax-error" cannot be set to "off"/m);
        const findings = JSON.parse(result.stdout) as JsonFinding[];
        expect(findings.some(f => f.code === 'syntax-error' && f.severity === 'error')).toBe(true);
    });

    it('issue 10 item 10: # ignore: syntax-error leaves the error, exit 1, with a warning saying why', () => {
        const file = scratchFile('ignored.cycle', `# ignore: syntax-error\n${SMALL_CYCLE}    feels four\n`);
        const result = runCli(['check', '--format', 'json', file]);
        expect(result.status).toBe(1);
        const findings = JSON.parse(result.stdout) as JsonFinding[];
        expect(findings.some(f => f.code === 'syntax-error' && f.severity === 'error')).toBe(true);
        expect(findings.find(f => f.code === 'unknown-ignore-code')?.message).toMatch(/^`syntax-error` cannot be silenced/);
    });
});

describe('issue 10 item 4: the language server on huge input', () => {
    let server: LspProcess;
    beforeAll(async () => {
        server = new LspProcess();
        await server.initialize(null);
    });
    afterAll(async () => server?.stop());

    it('issue 10 item 4: the server survives 130k comment lines and an ignore line with 270k codes', async () => {
        const comments = 'file:///trust/comments.cycle';
        const published = server.waitForDiagnostics(comments, d => d.some(x => x.code === 'missing-stage'), 60_000);
        await server.open(comments, '# a note\n'.repeat(130_000) + SMALL_CYCLE);
        await published;
        const codes = 'file:///trust/codes.cycle';
        const warned = server.waitForDiagnostics(codes, d => d.some(x => x.code === 'unknown-ignore-code'), 60_000);
        await server.open(codes, `# ignore: ${Array.from({ length: 270_000 }, () => 'zz').join(', ')}\n${SMALL_CYCLE}`);
        const diagnostics = await warned;
        expect(diagnostics.length).toBeLessThanOrEqual(1001);
        expect(server.exited).toBe(false);
        expect(server.errors.join('\n')).not.toMatch(/Maximum call stack|RangeError/);
    }, 150_000);
});

describe('issue 10 caps: what the CLI counts', () => {
    // 1,500 moments, each with a wait target and no limit: 1,500 `wait-without-limit` warnings.
    const manyWarnings = 'cycle c "C"\n  goal "g"\n  stage growth\n' +
        Array.from({ length: 1500 }, (_, i) => `  moment m${i} "Moment ${i}"\n    wait target 1 min\n`).join('');

    it('issue 10 caps: --max-warnings counts the warnings a capped file left out, and the summary says how many there are', () => {
        const file = scratchFile('warnings.cycle', manyWarnings);
        const capped = runCli(['check', '--max-warnings', '1200', file]);
        noCrash(capped.stderr);
        expect(capped.status).toBe(1);
        expect(capped.stderr).toMatch(/more than --max-warnings 1200/);
        expect(capped.stdout).toMatch(/\b1[5-9]\d\d warnings\b/);
        expect(runCli(['check', '--max-warnings', '5000', file]).status).toBe(0);
    });
});
