import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module shared with scripts/e2e.mjs
import { CHROMIUM } from '../../scripts/e2e/tools.mjs';
import { PROJECT_ROOT } from '../cli/run-cli.js';

/**
 * The GitHub Action's entry point (dist/cli/action.mjs, what action.yml runs) on a real
 * git repository with a pull request of two commits, against a fake of GitHub's REST
 * API served on loopback that records every request: the first push posts one comment,
 * the second edits that same comment; the Mermaid in it is parsed and drawn by the real
 * mermaid package in Chromium, as GitHub draws it.
 */
const require = createRequire(import.meta.url);
const ACTION = join(PROJECT_ROOT, 'dist', 'cli', 'action.mjs');
const TOKEN = 'test-token-123';

interface Recorded { method: string; url: string; authorization: string | undefined; body: { body?: string } | undefined }
interface StoredComment { id: number; body: string; html_url: string }

/** GitHub's issue-comment endpoints, as much of them as the action uses, with a person's comment already there. */
function fakeGitHub(): { server: Server; requests: Recorded[]; comments: StoredComment[] } {
    const requests: Recorded[] = [];
    const comments: StoredComment[] = [{ id: 11, body: 'Looks good to me, @reviewer', html_url: 'https://github.test/o/r/pull/7#issuecomment-11' }];
    let next = 100;
    const read = (req: IncomingMessage) => new Promise<string>(done => {
        let text = '';
        req.on('data', chunk => { text += chunk; });
        req.on('end', () => done(text));
    });
    const server = createServer(async (req, res) => {
        const text = await read(req);
        const body = text ? JSON.parse(text) as { body?: string } : undefined;
        requests.push({ method: req.method!, url: req.url!, authorization: req.headers.authorization, body });
        const send = (status: number, value: unknown) => {
            res.writeHead(status, { 'content-type': 'application/json' });
            res.end(JSON.stringify(value));
        };
        if (req.headers.authorization !== `Bearer ${TOKEN}`) return send(401, { message: 'Bad credentials' });
        const path = new URL(req.url!, 'http://x').pathname;
        if (req.method === 'GET' && path === '/repos/owner/repo/issues/7/comments') return send(200, comments);
        if (req.method === 'POST' && path === '/repos/owner/repo/issues/7/comments') {
            const comment = { id: next++, body: body!.body!, html_url: `https://github.test/o/r/pull/7#issuecomment-${next - 1}` };
            comments.push(comment);
            return send(201, comment);
        }
        const edit = /^\/repos\/owner\/repo\/issues\/comments\/(\d+)$/.exec(path);
        if (req.method === 'PATCH' && edit) {
            const comment = comments.find(c => c.id === Number(edit[1]));
            if (!comment) return send(404, { message: 'Not Found' });
            comment.body = body!.body!;
            return send(200, comment);
        }
        send(404, { message: 'Not Found' });
    });
    return { server, requests, comments };
}

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

const BASE = `cycle shoe-order "Ordering shoes online"
  goal "Get my order on time"
  role planner "Logistics planner"
  role care "Customer care"

  phase "Order"
  moment confirm "Gets a confirmation with a delivery date"
    channel correspondence
  phase "Delivery"
  moment wait-parcel "Waits for the parcel"
    channel correspondence
    critical
      severity high
      risk "The parcel arrives later than promised"
      prevent "Promise only dates the carrier can meet"
        owner planner
      recover "Proactive apology and shipping refund"
        owner care
  moment try-on "Opens the box and tries the shoes on"
    channel product
    achieves goal
`;

// Push 1: a moment added (with a label written to break out of Markdown and Mermaid),
// a label changed, and the only prevention of a critical moment removed.
const HOSTILE = 'Pays "now"] --> x[<img src=x onerror=alert(1)>] @octocat #12 %%{init: {}}%% `code`';
const PUSH_1 = BASE
    .replace('  phase "Delivery"', `  moment pay "${HOSTILE.replace(/"/g, '\\"')}"\n    channel correspondence\n  phase "Delivery"`)
    .replace('Opens the box and tries the shoes on', 'Opens the box and tries them on')
    .replace('      prevent "Promise only dates the carrier can meet"\n        owner planner\n', '');
// Push 2: the confirmation removed, the try-on moved before the wait, and a line left
// out of canonical form (spaces too many), which fails the job at the end.
const PUSH_2 = PUSH_1
    .replace('  moment confirm "Gets a confirmation with a delivery date"\n    channel correspondence\n', '')
    .replace('  moment try-on "Opens the box and tries them on"\n    channel product\n    achieves goal\n', '')
    .replace('  moment wait-parcel', '  moment try-on   "Opens the box and tries them on"\n    channel product\n    achieves goal\n  moment wait-parcel');

let browser: Browser;
let fake: ReturnType<typeof fakeGitHub>;
let apiUrl: string;

beforeAll(async () => {
    fake = fakeGitHub();
    await new Promise<void>(done => fake.server.listen(0, '127.0.0.1', done));
    apiUrl = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
});
afterAll(async () => {
    await browser?.close();
    await new Promise(done => fake?.server.close(done));
});

/** The action as GitHub runs it: a process with the inputs and GitHub's variables in its environment. */
function runAction(repo: string, base: string, work: string): Promise<{ status: number; stdout: string; outputs: Record<string, string> }> {
    const event = join(work, 'event.json');
    writeFileSync(event, JSON.stringify({ number: 7, pull_request: { number: 7, base: { sha: base } } }));
    const outputFile = join(work, `output-${Date.now()}`);
    writeFileSync(outputFile, '');
    const env = {
        ...process.env,
        GITHUB_API_URL: apiUrl, GITHUB_REPOSITORY: 'owner/repo', GITHUB_EVENT_PATH: event, GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: join(work, 'summary.md'),
        INPUT_PATHS: '.', INPUT_FAIL_ON: 'error', INPUT_COMMENT: 'true', INPUT_TOKEN: TOKEN, INPUT_SARIF_FILE: join(work, 'cycle.sarif')
    };
    // Asynchronous: the fake API answers from this same process.
    return new Promise(done => execFile(process.execPath, [ACTION], { cwd: repo, env, encoding: 'utf8' }, (error, stdout) => {
        const outputs = Object.fromEntries(readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map(l => [l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)]));
        done({ status: error ? (error as { code?: number }).code ?? 1 : 0, stdout, outputs });
    }));
}

function mermaidBlocks(body: string): string[] {
    return [...body.matchAll(/```mermaid\n([\s\S]*?)```/g)].map(m => m[1]);
}

async function drawMermaid(source: string): Promise<string> {
    const page = await browser.newPage();
    try {
        await page.setContent('<!DOCTYPE html><html><body></body></html>');
        await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
        return await page.evaluate(async text => {
            const mermaid = (window as unknown as { mermaid: { initialize(o: object): void; parse(t: string): Promise<unknown>; render(id: string, t: string): Promise<{ svg: string }> } }).mermaid;
            // GitHub draws with securityLevel strict.
            mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
            await mermaid.parse(text);
            return (await mermaid.render('change', text)).svg;
        }, source);
    } finally {
        await page.close();
    }
}

describe('the GitHub Action on a pull request of two pushes', () => {
    it('posts one sticky comment, then edits it in place; its Mermaid draws; outputs and SARIF are written', async () => {
        const work = mkdtempSync(join(tmpdir(), 'cycle-action-'));
        const repo = join(work, 'repo');
        execFileSync('git', ['init', '-q', '-b', 'main', repo]);
        git(repo, 'config', 'user.email', 'test@example.com');
        git(repo, 'config', 'user.name', 'Test');
        writeFileSync(join(repo, 'shoe-order.cycle'), BASE);
        git(repo, 'add', '.');
        git(repo, 'commit', '-q', '-m', 'base');
        const base = git(repo, 'rev-parse', 'HEAD');
        git(repo, 'checkout', '-q', '-b', 'feature');
        writeFileSync(join(repo, 'shoe-order.cycle'), PUSH_1);
        git(repo, 'commit', '-q', '-am', 'push 1');

        const first = await runAction(repo, base, work);
        expect(first.stdout).toContain('Posted the review comment');
        expect(first.status).toBe(0);
        const firstRequests = fake.requests.map(r => `${r.method} ${new URL(r.url, 'http://x').pathname}`);
        expect(firstRequests).toEqual(['GET /repos/owner/repo/issues/7/comments', 'POST /repos/owner/repo/issues/7/comments']);
        expect(fake.requests.every(r => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
        expect(fake.comments).toHaveLength(2);
        const posted = { ...fake.comments[1] };
        expect(posted.body.startsWith('<!-- service-cycles-review -->')).toBe(true);
        // Risk changes first, before the diff's details and the pictures.
        const riskAt = posted.body.indexOf('Risk changes');
        expect(riskAt).toBeGreaterThan(0);
        expect(posted.body.indexOf('### Details')).toBeGreaterThan(riskAt);
        expect(posted.body.indexOf('```mermaid')).toBeGreaterThan(posted.body.indexOf('### Details'));
        expect(posted.body).toMatch(/Mitigation removed.*`wait-parcel` loses the only prevent mitigation/);
        expect(posted.body).toMatch(/moment `pay` added/);
        // Diagnostics introduced by the change: the moment now critical without prevention.
        expect(posted.body).toMatch(/🆕 warning `critical-unmitigated`: Critical moment `wait-parcel`/);
        // Nobody is mentioned and no issue linked by a label.
        expect(posted.body).not.toMatch(/@octocat/);
        expect(posted.body).not.toMatch(/(^|[^\u2060])#12/);
        expect(first.outputs).toMatchObject({ errors: '0', unformatted: '0', 'risk-changes': '1' });
        expect(Number(first.outputs.changes)).toBeGreaterThanOrEqual(3);
        expect(Number(first.outputs.introduced)).toBeGreaterThanOrEqual(1);
        const sarif = JSON.parse(readFileSync(join(work, 'cycle.sarif'), 'utf8'));
        expect(sarif.version).toBe('2.1.0');
        expect(sarif.runs[0].results.length).toBeGreaterThan(0);

        const [firstPicture] = mermaidBlocks(posted.body);
        expect(firstPicture).toBeDefined();
        const svg1 = await drawMermaid(firstPicture);
        // Every moment drawn, marked in words as well as colour; the hostile label stays text.
        for (const words of ['Gets a confirmation', 'Waits for the parcel', 'tries them on', 'added', 'changed', 'no prevention', 'octocat']) expect(svg1, words).toContain(words);
        expect(svg1).not.toMatch(/<img/i);
        expect(svg1).toContain('‹img src=x onerror=alert(1)›'); // shown as words, not an element
        expect(svg1.match(/class="node /g)).toHaveLength(4); // no node smuggled in by the label
        expect(firstPicture.match(/^flowchart/gm)).toHaveLength(1);
        expect(firstPicture).not.toContain('%');

        // The second push: same pull request, the comment edited in place.
        writeFileSync(join(repo, 'shoe-order.cycle'), PUSH_2);
        git(repo, 'commit', '-q', '-am', 'push 2');
        fake.requests.length = 0;
        const second = await runAction(repo, base, work);
        const secondRequests = fake.requests.map(r => `${r.method} ${new URL(r.url, 'http://x').pathname}`);
        expect(secondRequests).toEqual(['GET /repos/owner/repo/issues/7/comments', `PATCH /repos/owner/repo/issues/comments/${posted.id}`]);
        expect(fake.comments).toHaveLength(2);
        expect(fake.comments[0].body).toBe('Looks good to me, @reviewer');
        const edited = fake.comments[1];
        expect(edited.id).toBe(posted.id);
        expect(edited.body).not.toBe(posted.body);
        expect(edited.body).toMatch(/moment `confirm` removed/);
        expect(edited.body).toContain('not in canonical form');
        // The unformatted file fails the job, after the comment was written.
        expect(second.status).toBe(1);
        expect(second.outputs.unformatted).toBe('1');

        const [secondPicture] = mermaidBlocks(edited.body);
        const svg2 = await drawMermaid(secondPicture);
        for (const words of ['removed', 'Gets a confirmation', 'moved', 'added']) expect(svg2, words).toContain(words);
    });
});
