import { execFile } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';

/** The report formats the command offers, by the extension of the file chosen. */
export type ReportFormat = 'pdf' | 'html';

/** What a run of the bundled `cycle report` came to. */
export type ReportRun =
    | { readonly ok: true; readonly output: string; readonly format: ReportFormat; readonly warnings: readonly string[] }
    | { readonly ok: false; readonly message: string };

/** The report's format from the name chosen in the save dialog; undefined for any other extension. */
export function reportFormatOf(path: string): ReportFormat | undefined {
    const extension = extname(path).toLowerCase();
    if (extension === '.pdf') return 'pdf';
    if (extension === '.html' || extension === '.htm') return 'html';
    return undefined;
}

/** The name the save dialog proposes: the cycle file's own, beside it, as `.pdf`. */
export function defaultReportPath(cycleFile: string, format: ReportFormat = 'pdf'): string {
    return join(dirname(cycleFile), `${basename(cycleFile, extname(cycleFile))}.${format}`);
}

/** Whether two paths name the same file (the second may not exist yet). */
function samePath(a: string, b: string): boolean {
    const real = (path: string) => {
        try {
            return realpathSync(path);
        } catch {
            return resolve(path);
        }
    };
    return real(a) === real(b);
}

/** Why the report cannot go to `output`, before anything runs; undefined when it can. */
export function refusedTarget(cycleFile: string, output: string): string | undefined {
    if (samePath(cycleFile, output)) return `The report would replace ${basename(cycleFile)} itself: choose another name.`;
    if (!reportFormatOf(output)) return `Cannot tell the report's format from ${basename(output)}: name it .pdf or .html.`;
    return undefined;
}

/** How to run the bundled CLI: the program, its arguments, and the environment it needs. */
export interface CliLaunch {
    /** The Node to run it with: VS Code's own (`process.execPath`), which is Electron on the desktop. */
    readonly node: string;
    /** The CLI's entry, `dist/cli/cli.mjs` inside the installed extension. */
    readonly cli: string;
    readonly env?: NodeJS.ProcessEnv;
}

/**
 * The environment the CLI runs in: VS Code's Electron runs as plain Node only when
 * ELECTRON_RUN_AS_NODE is set (on code-server's Node it changes nothing), and colour
 * codes in the CLI's messages would show as noise in a notification.
 */
export function cliEnvironment(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
    return { ...base, ELECTRON_RUN_AS_NODE: '1', NO_COLOR: '1', FORCE_COLOR: '0' };
}

const TIMEOUT_MS = 120_000;

/** The CLI's lines on standard error without its `cycle: ` prefix. */
function linesOf(stderr: string): string[] {
    return stderr.split(/\r?\n/).map(l => l.replace(/^cycle: /, '').trim()).filter(l => l.length > 0);
}

/**
 * Runs `cycle report CYCLE -o OUTPUT` with the CLI bundled in the extension, as a child
 * process: the report's PDF writer (pdfkit, fonts read from disk) lives in the CLI, a
 * face the extension may not import (docs/decisions.md). The CLI itself refuses to
 * write over its input; this checks first so the message is the extension's own.
 */
export function runReport(launch: CliLaunch, cycleFile: string, output: string): Promise<ReportRun> {
    const refused = refusedTarget(cycleFile, output);
    if (refused) return Promise.resolve({ ok: false, message: refused });
    if (!existsSync(launch.cli)) return Promise.resolve({ ok: false, message: `The extension's report writer is missing (${launch.cli}): reinstall the extension.` });
    const format = reportFormatOf(output)!;
    return new Promise(done => {
        execFile(launch.node, [launch.cli, 'report', cycleFile, '-o', output, '--to', format],
            { cwd: dirname(cycleFile), env: launch.env ?? cliEnvironment(), timeout: TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, windowsHide: true },
            (error, _stdout, stderr) => {
                const lines = linesOf(String(stderr));
                if (error) {
                    const why = lines.join(' ') || (error.killed ? `it took longer than ${TIMEOUT_MS / 1000} s` : error.message);
                    done({ ok: false, message: `No report was made: ${why}` });
                    return;
                }
                done({ ok: true, output, format, warnings: lines.filter(l => !l.startsWith('wrote ')) });
            });
    });
}
