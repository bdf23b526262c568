/**
 * Property: `cycle fmt` is safe on any file. For an example mutated at random
 * (lines inserted, cut, moved, re-indented, hostile text, CRLF, BOM, thousands of
 * comment lines):
 * - a file that does not parse is never rewritten (byte for byte);
 * - a file that parses is rewritten into a file that still parses, that `fmt --check`
 *   accepts as it is (idempotent), and that has the same model as the original
 *   (`cycle export --to json` without the source ranges).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { createCycleCoreServices } from '../../../src/model/services.js';
import type { Document } from '../../../src/language/generated/ast.js';
import { hasSyntaxErrors } from '../../../src/language/syntax-errors.js';
import { buildFileModel } from '../../../src/model/build-model.js';
import { cycle, internalErrorProblem } from '../cli-in-process.js';
import { mutatedExample, mutatedText, type MutatedExample } from '../generators.js';
import type { FuzzProperty } from '../runner.js';
import { stats } from '../stats.js';
import { removeFolder, temporaryFolder } from '../workspace.js';

const services = createCycleCoreServices(EmptyFileSystem).Cycle;

function parse(text: string): { broken: boolean; model: unknown } {
    const document = services.shared.workspace.LangiumDocumentFactory.fromString<Document>(text.replace(/^\uFEFF/, ''), URI.file('/fuzz/x.cycle'));
    const broken = hasSyntaxErrors(document);
    return { broken, model: broken ? null : withoutRanges(buildFileModel(document.parseResult.value, 'x.cycle')) };
}

/** The model as `export --to json` shows it, minus where things are in the source. */
function withoutRanges(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(withoutRanges);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(Object.entries(value).filter(([key]) => !/range$/i.test(key)).map(([key, v]) => [key, withoutRanges(v)]));
}

export async function checkFmt(input: MutatedExample): Promise<string[]> {
    // What reaches the disk: a cut through an emoji becomes U+FFFD in UTF-8.
    const original = Buffer.from(mutatedText(input), 'utf8');
    const folder = temporaryFolder('fmt');
    const file = join(folder, 'mutated.cycle');
    try {
        writeFileSync(file, original);
        stats.cliRuns++;
        const run = await cycle(['fmt', file]);
        const crashed = internalErrorProblem(run, 'cycle fmt');
        if (crashed.length > 0) {
            stats.unhandledExceptions++;
            return crashed;
        }
        const after = readFileSync(file);
        const before = parse(original.toString('utf8'));
        // A NUL byte makes it a binary file: unreadable input (exit 2), like a file that does not parse, left alone.
        const binary = original.includes(0);
        if (before.broken || binary) {
            if (!after.equals(original)) {
                stats.alteredFiles++;
                return [`cycle fmt rewrote a file with syntax errors (exit ${run.status}); it must leave it byte for byte`];
            }
            const expected = binary ? 2 : 1;
            return run.status === expected ? [] : [`cycle fmt exited ${run.status} on a file with ${binary ? 'a NUL byte' : 'syntax errors'}, not ${expected}: ${run.stderr.trim()}`];
        }
        const problems: string[] = [];
        if (run.status !== 0) problems.push(`cycle fmt exited ${run.status} on a file that parses: ${run.stderr.trim()}`);
        const formatted = parse(after.toString('utf8'));
        if (formatted.broken) return [...problems, `the file cycle fmt wrote does not parse:\n${after.toString('utf8').substring(0, 600)}`];
        const again = await cycle(['fmt', '--check', file]);
        if (again.status !== 0) problems.push(`cycle fmt is not idempotent: fmt --check on its own output exits ${again.status} (${again.stderr.trim()})`);
        const expected = JSON.stringify(before.model);
        const actual = JSON.stringify(formatted.model);
        if (expected !== actual) {
            const at = [...expected].findIndex((c, i) => c !== actual[i]);
            problems.push(`cycle fmt changed the model: before …${expected.substring(at - 80, at + 80)}… after …${actual.substring(at - 80, at + 80)}…`);
        }
        return problems;
    } finally {
        removeFolder(folder);
    }
}

export const fmtRoundTrip: FuzzProperty<MutatedExample> = {
    name: 'cycle fmt: round trips on mutated examples',
    arbitrary: mutatedExample({ hugeComments: true }),
    check: checkFmt,
    show: input => [`${input.example}, mutated by:`, ...input.mutations.map(m => `  ${JSON.stringify(m)}`)].join('\n')
};
