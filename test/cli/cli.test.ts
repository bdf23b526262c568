import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_CODES } from '../../src/language/validation/rules.js';
import { runCli } from './run-cli.js';

const BANK = 'examples/bank-check-cashing.cycle';
const DENTAL = 'test/fixtures/dental-cleaning.invalid.cycle';

function scratch(): string {
    return mkdtempSync(join(tmpdir(), 'cycle-cli-'));
}

function noStackTrace(text: string): void {
    expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(text).not.toMatch(/TypeError|RangeError|internal error/);
}

describe('cycle check', () => {
    it('prints file:line:col, severity, code, message and the source line with a caret', () => {
        const result = runCli(['check', BANK]);
        expect(result.status).toBe(0);
        const lines = result.stdout.split('\n');
        const at = lines.findIndex(l => l.startsWith(`${BANK}:40:10 warning critical-unmitigated `));
        expect(at).toBeGreaterThanOrEqual(0);
        expect(lines[at + 1]).toBe('  40 |   moment told-take-number "Is told to take a number: service is by order of arrival"');
        expect(lines[at + 2]).toBe('     |          ' + '^'.repeat('told-take-number'.length));
        expect(result.stdout).toMatch(/5 problems \(0 errors, 1 warning, 4 info\) in 1 file\./);
        expect(result.stdout).not.toContain('\u001b[');
    });

    it('colours only on a terminal, or when asked to', () => {
        expect(runCli(['check', BANK], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[33mwarning');
    });

    it('gives the spec\'s JSON and exits 1 when there is an error', () => {
        const result = runCli(['check', '--format', 'json', DENTAL]);
        expect(result.status).toBe(1);
        const findings = JSON.parse(result.stdout);
        expect(Object.keys(findings[0]).sort()).toEqual(['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity']);
        expect(findings).toContainEqual(expect.objectContaining({ file: DENTAL, line: 21, column: 11, endLine: 21, endColumn: 12, severity: 'error', code: 'feels-out-of-range' }));
    });

    it('writes SARIF 2.1.0 with one rule per code', () => {
        const result = runCli(['check', '--format', 'sarif', DENTAL]);
        const sarif = JSON.parse(result.stdout);
        expect(sarif.version).toBe('2.1.0');
        const run = sarif.runs[0];
        expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(RULE_CODES);
        const feels = run.results.find((r: { ruleId: string }) => r.ruleId === 'feels-out-of-range');
        expect(feels.level).toBe('error');
        expect(feels.locations[0].physicalLocation.artifactLocation.uri).toBe(DENTAL);
        expect(feels.locations[0].physicalLocation.region).toEqual({ startLine: 21, startColumn: 11, endLine: 21, endColumn: 12 });
        expect(run.tool.driver.rules[feels.ruleIndex].id).toBe('feels-out-of-range');
        // A duplicate id points at the other copy.
        const duplicate = run.results.find((r: { ruleId: string }) => r.ruleId === 'duplicate-id');
        expect(duplicate.relatedLocations).toHaveLength(1);
        expect(duplicate.relatedLocations[0].physicalLocation.artifactLocation.uri).toBe(DENTAL);
        expect(duplicate.relatedLocations[0].physicalLocation.region.startLine).toBeLessThan(duplicate.locations[0].physicalLocation.region.startLine);
        expect(duplicate.relatedLocations[0].message.text).toMatch(/other/);
    });

    it('loads every path given as one workspace, so roles resolve across files', () => {
        const dir = scratch();
        writeFileSync(join(dir, 'team.cycle'), 'role auditor "Auditor"\n');
        writeFileSync(join(dir, 'use.cycle'), 'cycle c "x"\n  goal "g"\n  moment m "M"\n    by auditor\n');
        const together = JSON.parse(runCli(['check', '--format', 'json', dir]).stdout);
        expect(together.filter((f: { code: string }) => f.code === 'unresolved-reference')).toEqual([]);
        const alone = runCli(['check', '--format', 'json', join(dir, 'use.cycle')]);
        expect(alone.status).toBe(1);
        expect(JSON.parse(alone.stdout).some((f: { code: string }) => f.code === 'unresolved-reference')).toBe(true);
    });

    it('turns too many warnings into exit 1 with --max-warnings', () => {
        expect(runCli(['check', BANK, '--max-warnings', '1']).status).toBe(0);
        const over = runCli(['check', BANK, '--max-warnings', '0']);
        expect(over.status).toBe(1);
        expect(over.stderr).toMatch(/1 warnings?, more than --max-warnings 0/);
        const bad = runCli(['check', BANK, '--max-warnings', 'many']);
        expect(bad.status).toBe(2);
        expect(bad.stderr).toMatch(/whole number/);
    });

    it('answers --help and --version', () => {
        const help = runCli(['--help']);
        expect(help.status).toBe(0);
        expect(help.stdout).toMatch(/check/);
        const checkHelp = runCli(['check', '--help']);
        expect(checkHelp.stdout).toMatch(/--format/);
        expect(checkHelp.stdout).toMatch(/--max-warnings/);
        const version = runCli(['--version']);
        expect(version.status).toBe(0);
        expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    });

    it('exits 2 on bad usage', () => {
        const format = runCli(['check', '--format', 'xml', BANK]);
        expect(format.status).toBe(2);
        expect(format.stderr).toMatch(/xml/);
        expect(runCli(['frobnicate']).status).toBe(2);
    });

    it('honours cycle.config.json in the CLI and refuses a broken one with exit 2', () => {
        const dir = scratch();
        writeFileSync(join(dir, 'a.cycle'), 'cycle c "x"\n  goal "g"\n  moment m "M"\n    achieves goal\n');
        writeFileSync(join(dir, 'cycle.config.json'), JSON.stringify({ rules: { 'missing-survey': 'error' } }));
        const strict = runCli(['check', '--format', 'json', dir]);
        expect(strict.status).toBe(1);
        expect(JSON.parse(strict.stdout)).toContainEqual(expect.objectContaining({ code: 'missing-survey', severity: 'error' }));
        writeFileSync(join(dir, 'cycle.config.json'), '{ "rules": { "missing-survey": "loud" } }');
        const broken = runCli(['check', dir]);
        expect(broken.status).toBe(2);
        expect(broken.stderr).toMatch(/cycle\.config\.json: rule "missing-survey" is set to "loud"/);
    });
});

describe('bad input gets a clear answer, never a crash', () => {
    it('a missing path', () => {
        const result = runCli(['check', 'no/such/place.cycle']);
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/no\/such\/place\.cycle: no such file or folder/);
        noStackTrace(result.stderr);
    });

    it('a folder with no cycles', () => {
        const dir = scratch();
        writeFileSync(join(dir, 'notes.txt'), 'hello');
        const result = runCli(['check', dir]);
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/no \.cycle files/);
    });

    it('a binary file', () => {
        const dir = scratch();
        writeFileSync(join(dir, 'image.cycle'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]));
        const result = runCli(['check', join(dir, 'image.cycle')]);
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/binary file/);
        noStackTrace(result.stderr);
    });

    it('invalid UTF-8, naming the byte', () => {
        const dir = scratch();
        writeFileSync(join(dir, 'latin1.cycle'), Buffer.concat([Buffer.from('cycle c "caf'), Buffer.from([0xe9]), Buffer.from('"\n')]));
        const result = runCli(['check', join(dir, 'latin1.cycle')]);
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/not valid UTF-8 text \(byte 12/);
    });

    it('a bad file among good ones: the good ones are still checked', () => {
        const dir = scratch();
        writeFileSync(join(dir, 'bad.cycle'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
        writeFileSync(join(dir, 'good.cycle'), 'cycle c "x"\n');
        const result = runCli(['check', '--format', 'json', dir]);
        expect(result.status).toBe(2);
        expect(JSON.parse(result.stdout).some((f: { code: string }) => f.code === 'missing-goal')).toBe(true);
    });

    it('an empty file', () => {
        const dir = scratch();
        writeFileSync(join(dir, 'empty.cycle'), '');
        const result = runCli(['check', join(dir, 'empty.cycle')]);
        expect(result.status).toBe(0);
        expect(result.stdout).toMatch(/No problems in 1 file/);
    });

    it('a 10 MB file', () => {
        const dir = scratch();
        const moment = (i: number) => `  moment m${i} "Step ${i} of a very long cycle"\n    channel web\n    feels 3\n    quality courtesy\n`;
        let text = 'cycle big "Big"\n  goal "g"\n';
        for (let i = 0; text.length < 10 * 1024 * 1024; i++) text += moment(i);
        writeFileSync(join(dir, 'big.cycle'), text);
        const started = Date.now();
        const result = runCli(['check', '--format', 'json', join(dir, 'big.cycle')]);
        expect(result.status).toBe(0);
        const findings = JSON.parse(result.stdout);
        expect(findings.some((f: { code: string }) => f.code === 'goal-never-achieved')).toBe(true);
        noStackTrace(result.stderr);
        // Not a timing assertion: a note for whoever reads a slow CI log.
        console.log(`10 MB file checked in ${Date.now() - started} ms`);
    });

    it('a file with 5,000 broken lines', () => {
        const dir = scratch();
        const lines = ['cycle c "x"', '  goal "g"', ...Array.from({ length: 5000 }, (_, i) => `  moment m${i} "x" "y" "z"`)];
        writeFileSync(join(dir, 'broken.cycle'), lines.join('\n'));
        const result = runCli(['check', '--format', 'json', join(dir, 'broken.cycle')]);
        expect(result.status).toBe(1);
        const syntax = JSON.parse(result.stdout).filter((f: { code: string }) => f.code === 'syntax-error');
        expect(syntax.length).toBeGreaterThan(100);
        expect(syntax.length).toBeLessThan(400);
        noStackTrace(result.stderr);
    });

    it('mixed tabs and spaces', () => {
        const dir = scratch();
        writeFileSync(join(dir, 'tabs.cycle'), 'cycle c "x"\n  goal "g"\n\tmoment a "A"\n  \tmoment b "B"\n  moment c "C"\n');
        const result = runCli(['check', '--format', 'json', join(dir, 'tabs.cycle')]);
        expect(result.status).toBe(1);
        const syntax = JSON.parse(result.stdout).filter((f: { code: string }) => f.code === 'syntax-error');
        // Each tab is reported on its line; the lines without a tab are not blamed.
        expect(new Set(syntax.map((f: { line: number }) => f.line))).toEqual(new Set([3, 4]));
        expect(syntax.filter((f: { message: string }) => /spaces, not tabs/.test(f.message)).map((f: { line: number }) => f.line)).toEqual([3, 4]);
    });

    it('a folder with nested folders: found recursively, node_modules skipped', () => {
        const dir = scratch();
        mkdirSync(join(dir, 'a', 'b'), { recursive: true });
        mkdirSync(join(dir, 'node_modules', 'x'), { recursive: true });
        writeFileSync(join(dir, 'a', 'b', 'deep.cycle'), 'cycle deep "x"\n');
        writeFileSync(join(dir, 'node_modules', 'x', 'dep.cycle'), 'cycle dep "x"\n');
        const findings = JSON.parse(runCli(['check', '--format', 'json', dir]).stdout) as { file: string }[];
        expect(new Set(findings.map(f => f.file.split('/').pop()))).toEqual(new Set(['deep.cycle']));
    });

    it('a file named on the command line without the .cycle extension: checked as a cycle', () => {
        const dir = scratch();
        writeFileSync(join(dir, 'notes.txt'), 'cycle c "x"\n');
        writeFileSync(join(dir, 'TEAM.CYCLE'), 'role r "R"\n');
        writeFileSync(join(dir, 'good.cycle'), 'cycle d "y"\n');
        const result = runCli(['check', '--format', 'json', join(dir, 'notes.txt'), join(dir, 'TEAM.CYCLE'), join(dir, 'good.cycle')]);
        noStackTrace(result.stderr);
        expect(result.status).toBe(1);
        const files = new Set((JSON.parse(result.stdout) as { file: string }[]).map(f => f.file.split('/').pop()));
        expect(files).toEqual(new Set(['notes.txt', 'TEAM.CYCLE', 'good.cycle']));
    });

    it('a line of megabytes: the pretty output shows an excerpt around the caret', () => {
        const dir = scratch();
        writeFileSync(join(dir, 'long.cycle'), 'cycle c "x"\n  goal "' + 'a'.repeat(1_000_000) + '" stage growth\n');
        const result = runCli(['check', join(dir, 'long.cycle')]);
        expect(result.status).toBe(1);
        expect(result.stdout.length).toBeLessThan(5_000);
        const lines = result.stdout.split('\n');
        const at = lines.findIndex(l => /one fact per line/i.test(l));
        expect(at).toBeGreaterThanOrEqual(0);
        const source = lines[at + 1];
        const caret = lines[at + 2];
        expect(source).toMatch(/…a+" stage growth$/);
        // The caret still points at `stage`.
        expect(source.substring(caret.indexOf('^'), caret.indexOf('^') + 5)).toBe('stage');
    });
});
