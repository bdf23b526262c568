import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readExpectedHeader, type Expectation } from './expected-header.js';
import { PROJECT_ROOT, runCli } from '../cli/run-cli.js';

interface JsonFinding { file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }

function covered(text: string, f: JsonFinding): string {
    const line = text.split(/\r?\n/)[f.line - 1] ?? '';
    return f.endLine === f.line ? line.substring(f.column - 1, f.endColumn - 1) : line.substring(f.column - 1);
}

function matches(e: Expectation, f: JsonFinding, text: string): boolean {
    if (e.severity !== f.severity || e.code !== f.code) return false;
    if (e.target !== undefined && covered(text, f) !== e.target) return false;
    return e.names.every(name => f.message.includes(name));
}

/** Holds a set of files to the headers they carry, through `cycle check --format json`. */
function holdToHeaders(folder: string, files: string[], loose = false): void {
    const result = runCli(['check', '--format', 'json', ...files.map(f => join(folder, f))]);
    const findings = JSON.parse(result.stdout) as JsonFinding[];
    for (const file of files) {
        it(`${file} gives ${loose ? 'at least ' : 'exactly '}the diagnostics its header lists`, () => {
            const text = readFileSync(join(folder, file), 'utf8');
            const header = readExpectedHeader(text);
            expect(header, 'every example lists its expected diagnostics').toBeDefined();
            const mine = findings.filter(f => f.file.endsWith('/' + file) || f.file === file);
            const unmatched = [...mine];
            for (const expectation of header!.expectations) {
                const index = unmatched.findIndex(f => matches(expectation, f, text));
                expect(index, `expected ${JSON.stringify(expectation)} in ${JSON.stringify(mine, null, 1)}`).toBeGreaterThanOrEqual(0);
                unmatched.splice(index, 1);
            }
            if (!header!.atLeast) {
                expect(unmatched, 'diagnostics the header does not list').toEqual([]);
            }
        });
    }
}

describe('the bundled examples', () => {
    const folder = join(PROJECT_ROOT, 'examples');
    const files = readdirSync(folder).filter(f => f.endsWith('.cycle')).sort();
    it('are at least the seven promised ones', () => {
        expect(files).toEqual(expect.arrayContaining([
            'bank-check-cashing.cycle', 'shoe-order.cycle', 'restaurant.cycle', 'team.cycle',
            'pizza-delivery.ru.cycle', 'savings-account.id.cycle', 'online-shopping.zh.cycle'
        ]));
    });
    holdToHeaders(folder, files);
});

/**
 * The language's reference cycles, kept in the project with their expected diagnostics
 * in their headers: two valid ones among the examples, one deliberately broken one
 * among the test fixtures (its header says "at least").
 */
describe('the reference examples', () => {
    const references = [
        join(PROJECT_ROOT, 'examples', 'bank-check-cashing.cycle'),
        join(PROJECT_ROOT, 'examples', 'shoe-order.cycle'),
        join(PROJECT_ROOT, 'test', 'fixtures', 'dental-cleaning.invalid.cycle')
    ];
    for (const path of references) {
        const folder = dirname(path);
        const file = basename(path);
        describe(file, () => holdToHeaders(folder, [file], /at least/i.test(readFileSync(path, 'utf8'))));
    }
});
