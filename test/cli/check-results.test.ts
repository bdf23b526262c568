import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

/* `cycle check` on a cycle with survey results files: problems also listed against the CSV. */

const CYCLE = (path: string) => `cycle c "C"
  goal "Done"
  stage maturity
  moment m1 "First"
    achieves goal
  survey s "Exit"
    results "${path}"
    question q1 "How was it?"
      about m1
      answer scale 1..5
    question q2 "Anything else?"
      answer text
`;

function folder(files: Record<string, string | Uint8Array>): string {
    const dir = mkdtempSync(join(tmpdir(), 'cycle-check-results-'));
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    return dir;
}

describe('cycle check with survey results', () => {
    it('lists a bad cell against the CSV (file.csv:line:col) and on the results line, counted once', () => {
        const dir = folder({ 'c.cycle': CYCLE('w.csv'), 'w.csv': 'q2,q1\n"fine, thanks",5\nok,7\n' });
        const result = runCli(['check', 'c.cycle'], { cwd: dir });
        expect(result.status).toBe(1);
        // Row 3, the second field, which starts at character 4 of `ok,7`.
        expect(result.stdout).toMatch(/^w\.csv:3:4 error answer-out-of-scale .*Row 3, column 2/m);
        expect(result.stdout).toMatch(/^c\.cycle:7:13 error answer-out-of-scale/m);
        expect(result.stdout).toMatch(/  3 \| ok,7\n\s+\|\s{4}\^/);
        expect(result.stdout).toMatch(/1 error/);

        const json = JSON.parse(runCli(['check', 'c.cycle', '--format', 'json'], { cwd: dir }).stdout) as { file: string; line: number; column: number; code: string }[];
        const outOfScale = json.filter(f => f.code === 'answer-out-of-scale');
        expect(outOfScale.map(f => `${f.file}:${f.line}:${f.column}`).sort()).toEqual(['c.cycle:7:13', 'w.csv:3:4']);

        const sarif = JSON.parse(runCli(['check', 'c.cycle', '--format', 'sarif'], { cwd: dir }).stdout);
        const results = sarif.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'answer-out-of-scale');
        const places = results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }) => {
            const { artifactLocation, region } = r.locations[0].physicalLocation;
            return `${artifactLocation.uri}:${region.startLine}:${region.startColumn}`;
        });
        expect(places.sort()).toEqual(['c.cycle:7:13', 'w.csv:3:4']);
    });

    it('a missing results file is an error on its line, and the rest of the cycle is still checked', () => {
        const dir = folder({ 'c.cycle': CYCLE('nowhere.csv').replace('  stage maturity\n', '') });
        const result = runCli(['check', 'c.cycle'], { cwd: dir });
        expect(result.status).toBe(1);
        expect(result.stdout).toMatch(/^c\.cycle:6:13 error results-unreadable .*nowhere\.csv.*no such file/m);
        expect(result.stdout).toMatch(/missing-stage/);
    });

    it('a binary file is unreadable, without a crash', () => {
        const dir = folder({ 'c.cycle': CYCLE('w.csv'), 'w.csv': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0xff, 0xd8, 0xff, 0xe0, 0, 0x10]) });
        const result = runCli(['check', 'c.cycle'], { cwd: dir });
        expect(result.status).toBe(1);
        expect(result.stderr).toBe('');
        expect(result.stdout).toMatch(/^c\.cycle:7:13 error results-unreadable /m);
    });

    it('a clean results file adds nothing', () => {
        const dir = folder({ 'c.cycle': CYCLE('w.csv'), 'w.csv': 'q1,q2\n5,good\n' });
        const result = runCli(['check', 'c.cycle', '--format', 'json'], { cwd: dir });
        const codes = (JSON.parse(result.stdout) as { code: string }[]).map(f => f.code);
        expect(codes.filter(c => /results|scale/.test(c))).toEqual([]);
    });
});
