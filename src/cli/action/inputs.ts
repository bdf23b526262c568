import { readFileSync } from 'node:fs';

/** Which findings fail the job: errors only (the default), warnings too, any finding, or none. */
export type FailOn = 'error' | 'warning' | 'info' | 'never';

/** What the action was asked to do, read from its inputs and GitHub's environment. */
export interface ActionInputs {
    paths: string[];
    failOn: FailOn;
    /** Whether unformatted files fail the job too (`cycle fmt --check`). */
    failOnFormat: boolean;
    comment: boolean;
    token: string;
    sarifFile: string;
    /** The revision the pull request is compared with; undefined outside a pull request. */
    base: string | undefined;
    apiUrl: string;
    /** owner/name */
    repository: string | undefined;
    pullRequest: number | undefined;
    outputFile: string | undefined;
    summaryFile: string | undefined;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * An input as GitHub passes it: `INPUT_<NAME>` in capitals; a JavaScript action keeps
 * the hyphen (`INPUT_FAIL-ON`), which a shell cannot name, so the composite action
 * passes `INPUT_FAIL_ON`. Both are read.
 */
function input(env: Env, name: string): string {
    const upper = name.toUpperCase();
    return (env[`INPUT_${upper}`] ?? env[`INPUT_${upper.replace(/-/g, '_')}`] ?? '').trim();
}

function yes(value: string, fallback: boolean): boolean {
    if (value === '') return fallback;
    if (/^(true|yes|on|1)$/i.test(value)) return true;
    if (/^(false|no|off|0)$/i.test(value)) return false;
    throw new Error(`expected true or false, got "${value}"`);
}

/** Paths one a line (a YAML block), or separated by spaces on one line. */
export function splitPaths(value: string): string[] {
    const lines = value.split(/\r?\n/).map(l => l.trim()).filter(Boolean);
    const paths = lines.length === 1 ? lines[0].split(/\s+/) : lines;
    return paths.length > 0 ? paths : ['.'];
}

interface PullRequestEvent {
    pull_request?: { number?: number; base?: { sha?: string } };
    number?: number;
}

function readEvent(path: string | undefined): PullRequestEvent {
    if (!path) return {};
    try {
        return JSON.parse(readFileSync(path, 'utf8')) as PullRequestEvent;
    } catch {
        return {};
    }
}

export function readInputs(env: Env): ActionInputs {
    const failOn = input(env, 'fail-on') || 'error';
    if (!['error', 'warning', 'info', 'never'].includes(failOn)) {
        throw new Error(`fail-on: expected error, warning, info or never, got "${failOn}"`);
    }
    const event = readEvent(env.GITHUB_EVENT_PATH);
    return {
        paths: splitPaths(input(env, 'paths')),
        failOn: failOn as FailOn,
        failOnFormat: yes(input(env, 'fail-on-format'), true),
        comment: yes(input(env, 'comment'), true),
        token: input(env, 'token') || env.GITHUB_TOKEN || '',
        sarifFile: input(env, 'sarif-file') || 'cycle.sarif',
        base: input(env, 'base') || event.pull_request?.base?.sha || undefined,
        apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
        repository: env.GITHUB_REPOSITORY || undefined,
        pullRequest: event.pull_request?.number ?? undefined,
        outputFile: env.GITHUB_OUTPUT || undefined,
        summaryFile: env.GITHUB_STEP_SUMMARY || undefined
    };
}
