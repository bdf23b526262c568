import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInputs, splitPaths } from '../../src/cli/action/inputs.js';
import { reviewComment } from '../../src/cli/action/review-comment.js';
import { MARKER, upsertStickyComment } from '../../src/cli/action/sticky-comment.js';
import type { FileDiff } from '../../src/diff/format-diff.js';
import { PROJECT_ROOT } from './run-cli.js';

/** A fetch that answers from a table and records each call. */
function fakeFetch(answer: (method: string, url: string) => { status: number; body: unknown }) {
    const calls: string[] = [];
    const doFetch = (async (url: string, init?: RequestInit) => {
        const method = init?.method ?? 'GET';
        calls.push(`${method} ${url}`);
        const { status, body } = answer(method, url);
        return new Response(JSON.stringify(body), { status });
    }) as typeof fetch;
    return { calls, doFetch };
}

const target = { apiUrl: 'http://api.test', repository: 'o/r', pullRequest: 3, token: 't' };

describe('the sticky comment', () => {
    it('finds the marked comment on a later page and edits it', async () => {
        const page1 = Array.from({ length: 100 }, (_, i) => ({ id: i, body: 'chat' }));
        const { calls, doFetch } = fakeFetch((method, url) => method === 'GET'
            ? { status: 200, body: /[?&]page=1$/.test(url) ? page1 : [{ id: 500, body: `${MARKER}\nold` }] }
            : { status: 200, body: { id: 500, html_url: 'u' } });
        const posted = await upsertStickyComment(target, 'new', doFetch);
        expect(posted).toEqual({ id: 500, url: 'u', updated: true });
        expect(calls.at(-1)).toBe('PATCH http://api.test/repos/o/r/issues/comments/500');
        expect(calls.filter(c => c.startsWith('POST'))).toEqual([]);
    });

    it('posts a new comment when none is marked, and when the marked one cannot be edited', async () => {
        for (const existing of [[{ id: 1, body: 'no marker here' }], [{ id: 2, body: `${MARKER} copied by a person` }]]) {
            const { calls, doFetch } = fakeFetch(method => method === 'GET' ? { status: 200, body: existing }
                : method === 'PATCH' ? { status: 403, body: { message: 'Forbidden' } } : { status: 201, body: { id: 9 } });
            const posted = await upsertStickyComment(target, 'body', doFetch);
            expect(posted.updated).toBe(false);
            expect(calls.at(-1)).toBe('POST http://api.test/repos/o/r/issues/3/comments');
        }
    });

    it('fails on any other refusal', async () => {
        const { doFetch } = fakeFetch(() => ({ status: 500, body: {} }));
        await expect(upsertStickyComment(target, 'x', doFetch)).rejects.toThrow(/500/);
    });
});

describe('the action inputs', () => {
    it('reads GitHub variables, both spellings of a hyphenated input, and the pull request event', () => {
        const event = join(PROJECT_ROOT, 'test', 'fixtures', 'action-event.json');
        const inputs = readInputs({ 'INPUT_FAIL-ON': 'warning', INPUT_PATHS: 'a b', GITHUB_EVENT_PATH: event, GITHUB_API_URL: 'http://x/' });
        expect(inputs).toMatchObject({ failOn: 'warning', paths: ['a', 'b'], apiUrl: 'http://x', pullRequest: 42, base: 'abc123', comment: true });
        expect(readInputs({ INPUT_FAIL_ON: 'never' }).failOn).toBe('never');
        expect(readInputs({}).base).toBeUndefined();
        expect(() => readInputs({ INPUT_FAIL_ON: 'sometimes' })).toThrow(/fail-on/);
        expect(() => readInputs({ INPUT_COMMENT: 'perhaps' })).toThrow(/true or false/);
        expect(splitPaths('one dir\nother')).toEqual(['one dir', 'other']);
        expect(splitPaths('')).toEqual(['.']);
    });
});

describe('the review comment', () => {
    it('starts with the marker; without changes it says so and still reports the checks', () => {
        const body = reviewComment([], [], { files: 2, errors: 1, warnings: 0, infos: 0, unformatted: ['a.cycle'] });
        expect(body.startsWith(MARKER)).toBe(true);
        expect(body).toContain('No `.cycle` file changed');
        expect(body).toContain('1 error, 0 warnings');
        expect(body).toContain('`a.cycle`');
    });

    it('leaves pictures out, and says so, rather than exceed GitHub\'s 65,536 characters', () => {
        const label = 'x'.repeat(3000);
        const moments = Array.from({ length: 8 }, (_, i) => ({ id: `m${i}`, label, step: i + 1, phase: null, unmitigated: false, critical: null }));
        const cycles = Array.from({ length: 6 }, (_, i) => ({ id: `c${i}`, moments }));
        const changes = cycles.map(c => ({ change: 'added' as const, kind: 'moment' as const, cycle: c.id, id: 'm0', moment: null, before: null, after: { label: 'y' } }));
        const diff: FileDiff = { file: 'f.cycle', status: 'modified', changes, risks: [], introduced: [], resolved: [] };
        const version = { model: { cycles }, diagnostics: [] } as never;
        const body = reviewComment([diff], [{ before: version, after: version }], { files: 1, errors: 0, warnings: 0, infos: 0, unformatted: [] });
        expect(body.length).toBeLessThanOrEqual(65_000);
        expect(body).toMatch(/\d pictures? left out/);
        expect(body).toContain('```mermaid');
    });
});

describe('action.yml and the example workflow', () => {
    const action = readFileSync(join(PROJECT_ROOT, 'action.yml'), 'utf8');
    const workflow = readFileSync(join(PROJECT_ROOT, 'examples/ci/cycle-review.yml'), 'utf8');
    const inputs = [...action.split('\noutputs:')[0].matchAll(/^ {2}([a-z-]+):$/gm)].map(m => m[1]);

    it('runs the bundled entry point, installs only its own lockfile, and uploads SARIF even after a failure', () => {
        expect(action).toContain('using: composite');
        expect(action).toContain('node "$GITHUB_ACTION_PATH/dist/cli/action.mjs"');
        expect(action).toMatch(/run: npm ci\b/);
        expect(action).not.toMatch(/npm (install|i|add) /);
        expect(action).toMatch(/if: \$\{\{ !cancelled\(\)[^\n]*\n\s+uses: github\/codeql-action\/upload-sarif/);
        // Each input reaches the entry point (or a step), each output comes from it.
        for (const input of inputs) expect(action, input).toContain(`inputs.${input}`);
        const outputs = [...action.split('\noutputs:')[1].split('\nruns:')[0].matchAll(/^ {2}([a-z-]+):$/gm)].map(m => m[1]);
        const source = readFileSync(join(PROJECT_ROOT, 'src/cli/action/run-action.ts'), 'utf8');
        for (const output of outputs) expect(source, output).toMatch(new RegExp(`'${output}'|\\b${output}:`));
    });

    it('the workflow uses the action with inputs it has, pinned by the user, and builds nothing itself', () => {
        expect(workflow).toMatch(/uses: [\w-]+\/service-cycles@/);
        const given = [...workflow.split('with:').at(-1)!.matchAll(/^ {10}([a-z-]+):/gm)].map(m => m[1]);
        expect(given.length).toBeGreaterThan(0);
        for (const name of given) expect(inputs).toContain(name);
        const code = workflow.split('\n').filter(line => !line.trimStart().startsWith('#')).join('\n');
        expect(code).not.toMatch(/npm (install|i|add|ci)\b/);
        expect(code).toContain('fetch-depth: 0');
    });
});
