import { appendFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import packageJson from '../../../package.json' with { type: 'json' };
import { terminalLines } from '../../domain/neutralise/terminal.js';
import { CliError } from '../cli-error.js';
import { diffGit } from '../diff-command.js';
import { collectFindings, countBySeverity } from '../findings.js';
import { runFmt } from '../fmt-command.js';
import { formatPretty, NO_COLORS } from '../formats/pretty-format.js';
import { formatSarif } from '../formats/sarif-format.js';
import { loadWorkspace } from '../load-workspace.js';
import type { ActionInputs } from './inputs.js';
import { reviewComment, type CheckSummary } from './review-comment.js';
import { upsertStickyComment } from './sticky-comment.js';

export interface ActionLog {
    out(text: string): void;
}

/** A workflow command GitHub shows as an annotation on the run. */
function warning(log: ActionLog, message: string): void {
    log.out(`::warning::${terminalLines(message).replace(/\r?\n/g, ' ').replace(/%/g, '%25')}\n`);
}

/** `cycle check` on the paths: the SARIF file written, the findings printed, the counts returned. */
async function check(inputs: ActionInputs, log: ActionLog): Promise<Omit<CheckSummary, 'unformatted'>> {
    const workspace = await loadWorkspace(inputs.paths);
    for (const problem of workspace.problems) warning(log, problem.message);
    for (const problem of workspace.configProblems) warning(log, problem);
    const findings = collectFindings(workspace.files);
    writeFileSync(resolve(inputs.sarifFile), formatSarif(findings, packageJson.version));
    log.out(formatPretty(findings, workspace.files.length, NO_COLORS));
    const counts = countBySeverity(findings);
    return { files: workspace.files.length, errors: counts.error, warnings: counts.warning, infos: counts.info };
}

/** `cycle fmt --check` on the paths: the files that are not in canonical form. */
async function unformattedFiles(inputs: ActionInputs, log: ActionLog): Promise<string[]> {
    const listed: string[] = [];
    try {
        await runFmt(inputs.paths, { check: true }, {
            out: text => { for (const line of text.split('\n')) if (line) listed.push(line); },
            err: text => log.out(terminalLines(text)),
            colors: NO_COLORS,
            version: packageJson.version
        });
    } catch (error) {
        if (!(error instanceof CliError)) throw error;
        log.out(`cycle: ${error.message}\n`);
    }
    return listed;
}

function failed(inputs: ActionInputs, check: CheckSummary): boolean {
    const findings = inputs.failOn === 'never' ? 0
        : inputs.failOn === 'error' ? check.errors
            : inputs.failOn === 'warning' ? check.errors + check.warnings
                : check.errors + check.warnings + check.infos;
    return findings > 0 || (inputs.failOnFormat && check.unformatted.length > 0);
}

/**
 * The action: checks every cycle (SARIF for code scanning), checks the formatting,
 * compares the pull request with its base and keeps one comment up to date with the
 * review, then writes the counts as outputs. It fails (exit 1) only at the very end,
 * so the comment and the SARIF file exist whatever was found.
 */
export async function runAction(inputs: ActionInputs, log: ActionLog, doFetch: typeof fetch = fetch): Promise<number> {
    const counts = await check(inputs, log);
    const summary: CheckSummary = { ...counts, unformatted: await unformattedFiles(inputs, log) };
    for (const file of summary.unformatted) log.out(`not in canonical form: ${terminalLines(file)}\n`);

    let diff: Awaited<ReturnType<typeof diffGit>> = { diffs: [], problems: [], versions: [] };
    if (inputs.base) {
        try {
            diff = await diffGit(inputs.base);
            for (const problem of diff.problems) warning(log, problem);
        } catch (error) {
            warning(log, `cycle diff: ${(error as Error).message} (is the base fetched? actions/checkout needs fetch-depth: 0)`);
        }
    } else {
        log.out('No pull request base: the diff and the comment are skipped.\n');
    }
    const body = reviewComment(diff.diffs, diff.versions, summary);
    if (inputs.summaryFile) appendFileSync(inputs.summaryFile, body + '\n');

    let commentUrl = '';
    if (inputs.comment && inputs.base && inputs.pullRequest !== undefined && inputs.repository) {
        if (!inputs.token) {
            warning(log, 'no token: the review comment is not posted (the token input defaults to github.token).');
        } else {
            try {
                const posted = await upsertStickyComment({ apiUrl: inputs.apiUrl, repository: inputs.repository, pullRequest: inputs.pullRequest, token: inputs.token }, body, doFetch);
                commentUrl = posted.url;
                log.out(`${posted.updated ? 'Updated' : 'Posted'} the review comment ${posted.url || `#${posted.id}`}\n`);
            } catch (error) {
                // A pull request from a fork gets a read-only token: the review still fails or passes on its findings.
                warning(log, `the review comment could not be posted: ${(error as Error).message}`);
            }
        }
    }

    const outputs: Record<string, string | number> = {
        errors: summary.errors,
        warnings: summary.warnings,
        infos: summary.infos,
        files: summary.files,
        unformatted: summary.unformatted.length,
        changes: diff.diffs.reduce((n, d) => n + d.changes.length, 0),
        'risk-changes': diff.diffs.reduce((n, d) => n + d.risks.length, 0),
        introduced: diff.diffs.reduce((n, d) => n + d.introduced.length, 0),
        resolved: diff.diffs.reduce((n, d) => n + d.resolved.length, 0),
        'sarif-file': resolve(inputs.sarifFile),
        'comment-url': commentUrl
    };
    if (inputs.outputFile) {
        appendFileSync(inputs.outputFile, Object.entries(outputs).map(([k, v]) => `${k}=${String(v).replace(/[\r\n]/g, ' ')}\n`).join(''));
    }
    if (failed(inputs, summary)) {
        log.out(`::error::Service Cycles review failed: ${summary.errors} errors, ${summary.warnings} warnings, ${summary.unformatted.length} files not in canonical form (fail-on: ${inputs.failOn}).\n`);
        return 1;
    }
    return 0;
}
