import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import type { CheckFormat, CommandIo } from './check-command.js';
import type { RenderOptions } from './render-command.js';
import type { DiffFormat } from './diff-command.js';
import type { ExportFormat } from './export-command.js';
import type { PlaygroundOptions } from './playground-command.js';
import type { ReportCommandOptions } from './report-command.js';
import type { SurveyFormOptions } from './survey-form-command.js';
import type { SurveyAnalyseOptions } from './survey-analyse-command.js';
import { CliError, EXIT_OK, EXIT_USAGE } from './cli-error.js';
import { ANSI_COLORS, NO_COLORS } from './formats/colors.js';
import { terminalLines } from '../domain/neutralise/terminal.js';
import { isValidCalendarDate } from '../domain/dates.js';

// Each command's code is imported when the command runs, not before: the bundle is
// split at these imports, so `cycle --version` and `cycle --help` load no language,
// and `cycle render` no SARIF, no formatter and no git.

function wantsColor(stream: NodeJS.WriteStream): boolean {
    if (process.env.NO_COLOR) return false;
    if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
    return stream.isTTY === true;
}

function parseCount(value: string): number {
    if (!/^\d+$/.test(value)) {
        throw new InvalidArgumentError('expected a whole number of warnings, such as 0 or 10.');
    }
    return Number(value);
}

/** `--width`: a width in px, from a slide's narrowest sensible width up. */
function parseWidth(value: string): number {
    const width = Number(value);
    if (!/^\d+$/.test(value) || width < 400) throw new InvalidArgumentError('expected a width in px of at least 400, such as 1600.');
    return width;
}

/** `--today`: a calendar date. */
function parseDate(value: string): string {
    if (!isValidCalendarDate(value)) throw new InvalidArgumentError('expected a date as YYYY-MM-DD, such as 2026-03-31.');
    return value;
}

/** `--scale`: a zoom, any positive number (`2`, `0.5`, `1.25`). */
function parseScale(value: string): number {
    const scale = Number(value);
    if (!/^\s*(\d+\.?\d*|\.\d+)\s*$/.test(value) || !(scale > 0) || !Number.isFinite(scale)) {
        throw new InvalidArgumentError('expected a zoom greater than 0, such as 1, 2 or 0.5 (pixels per unit of the SVG).');
    }
    return scale;
}

/** `--port`: a TCP port, 0 for any free one. */
function parsePort(value: string): number {
    const port = Number(value);
    if (!/^\d+$/.test(value) || port > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535 (0: any free port).');
    return port;
}

/** Builds the `cycle` program; every action resolves to an exit status. */
export function buildProgram(io: CommandIo, setExit: (code: number) => void): Command {
    const program = new Command('cycle')
        .description('Check, format, draw and compare customer service cycles written in the cycle language.')
        .version(io.version, '-V, --version', 'print the version')
        .helpOption('-h, --help', 'show help')
        .showHelpAfterError('(run `cycle --help` for usage)')
        .configureOutput({
            writeOut: text => io.out(text),
            writeErr: text => io.err(text),
            // Every message of the CLI starts with `cycle: `, commander's own usage errors too.
            outputError: (text, write) => write(text.replace(/^error: /, 'cycle: '))
        })
        .exitOverride();

    program.command('check')
        .description('validate cycles: every file and folder given is one workspace (folders are searched for *.cycle)')
        .argument('[paths...]', 'files and folders to check (default: the current folder)')
        .addOption(new Option('-f, --format <format>', 'output format').choices(['pretty', 'json', 'sarif']).default('pretty'))
        .option('--max-warnings <count>', 'exit 1 when there are more warnings than this', parseCount)
        .action(async (paths: string[], options: { format: CheckFormat; maxWarnings?: number }) => {
            const { runCheck } = await import('./check-command.js');
            setExit(await runCheck(paths, options, io));
        });

    program.command('render')
        .description('draw a cycle as SVG (to standard output, or -o x.svg) or PNG (-o x.png); --diff OLD NEW draws a change')
        .argument('[file]', 'the .cycle file')
        .option('-o, --output <file>', 'where to write the diagram: a .svg or .png file')
        .option('--diff <files...>', 'draw the change from OLD to NEW: added green, removed ghosted red, changed amber, moved pink')
        .addOption(new Option('--view <view>', 'which diagram').choices(['clock', 'blueprint', 'journey', 'plan', 'ipa']).default('clock'))
        .option('--results', 'paint the survey\'s current results (the last results line): CSAT on the clock, the measured curve on the journey; needed by --view ipa')
        .option('--detail', 'callouts on critical moments: their risks, and prevent and recover with owners')
        .addOption(new Option('--lang <code>', 'the language of the diagram\'s own words (default: the file\'s `language` line, else its labels\' script)').choices(['en', 'ru', 'id', 'zh']))
        .option('--width <px>', 'the blueprint\'s width in px (default: as wide as keeps it within 16:9)', parseWidth)
        .option('--today <date>', 'the plan\'s date for overdue actions, YYYY-MM-DD (default: today)', parseDate)
        .addOption(new Option('--theme <theme>', 'colours').choices(['light', 'dark']).default('light'))
        .option('--cycle <id>', 'which cycle of the file (default: the first)')
        .option('--scale <zoom>', 'PNG only: pixels per SVG unit (default: 2, less for a big diagram, never below legible text; pages when one PNG cannot hold it)', parseScale)
        .action(async (file: string | undefined, options: RenderOptions) => {
            const { runRender } = await import('./render-command.js');
            setExit(await runRender(file, options, io));
        });

    program.command('fmt')
        .description('rewrite files in canonical form (the editor\'s formatter); files with syntax errors are never touched')
        .argument('[paths...]', 'files and folders (default: the current folder)')
        .option('--check', 'write nothing; list the files that are not in canonical form and exit 1 if any')
        .action(async (paths: string[], options: { check?: boolean }) => {
            const { runFmt } = await import('./fmt-command.js');
            setExit(await runFmt(paths, options, io));
        });

    program.command('diff')
        .description('what changed in service terms: cycle diff OLD NEW, or cycle diff --git [BASE] for every changed .cycle file')
        .argument('[files...]', 'OLD and NEW, or with --git the base to compare with (default: the merge base with the default branch)')
        .option('--git', 'compare the working tree with a git revision')
        .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
        .action(async (files: string[], options: { git?: boolean; format: DiffFormat }) => {
            const { diffGit, diffTwoFiles, printDiff } = await import('./diff-command.js');
            if (options.git) {
                if (files.length > 1) throw new CliError('cycle diff --git takes at most one revision: cycle diff --git [BASE]', EXIT_USAGE);
                const { diffs, problems } = await diffGit(files[0]);
                // Files that could not be read are named, the others still compared.
                for (const problem of problems) io.err(`cycle: ${problem}\n`);
                printDiff(diffs, options.format, true, io, io.colors !== NO_COLORS);
                setExit(problems.length > 0 ? EXIT_USAGE : EXIT_OK);
            } else {
                if (files.length !== 2) throw new CliError('cycle diff takes two files (cycle diff OLD NEW), or --git [BASE].', EXIT_USAGE);
                setExit(printDiff(await diffTwoFiles(files[0], files[1]), options.format, false, io, io.colors !== NO_COLORS));
            }
        });

    program.command('diff-driver')
        .description("git's diff driver for .cycle files: git config diff.cycle.command 'cycle diff-driver' and '*.cycle diff=cycle' in .gitattributes")
        .argument('<args...>', 'path old-file old-hex old-mode new-file new-hex new-mode')
        .action(async (args: string[]) => {
            const { diffForGitDriver, printDiff } = await import('./diff-command.js');
            setExit(printDiff(await diffForGitDriver(args), 'text', false, io, io.colors !== NO_COLORS));
        });

    program.command('export')
        .description('other formats: a Mermaid journey, a Markdown report, the JSON cycle model')
        .argument('<file>', 'the .cycle file')
        .addOption(new Option('--to <format>', 'what to produce').choices(['mermaid', 'markdown', 'json']).makeOptionMandatory())
        .option('-o, --output <file>', 'write to this file instead of standard output')
        .option('--cycle <id>', 'only this cycle of the file')
        .action(async (file: string, options: { to: ExportFormat; output?: string; cycle?: string }) => {
            const { runExport } = await import('./export-command.js');
            setExit(await runExport(file, options, io));
        });

    program.command('report')
        .description('a report for stakeholders, HTML or PDF: the clock, each critical moment, the blueprint, the plan, the survey and the open findings')
        .argument('<file>', 'the .cycle file')
        .option('-o, --output <file>', 'where to write it: a .html or .pdf file')
        .addOption(new Option('--to <format>', 'html or pdf (default: from the name given to -o)').choices(['html', 'pdf']))
        .addOption(new Option('--lang <code>', 'the language of the report\'s own words (default: the file\'s `language` line, else its labels\' script)').choices(['en', 'ru', 'id', 'zh']))
        .option('--today <date>', 'the plan\'s date for overdue actions, YYYY-MM-DD (default: today)', parseDate)
        .option('--width <px>', 'the blueprint\'s width in px (default: as wide as keeps it within 16:9)', parseWidth)
        .option('--cycle <id>', 'which cycle of the file (default: the first)')
        .action(async (file: string, options: ReportCommandOptions) => {
            const { runReport } = await import('./report-command.js');
            setExit(await runReport(file, options, io));
        });

    const survey = program.command('survey')
        .description('a survey\'s form for respondents, and the analysis of their answers (the survey\'s `results` files)');
    survey.command('form')
        .description('the form of a survey: printable HTML, a JSON definition, or the empty results file (CSV) its answers go into')
        .argument('<file>', 'the .cycle file')
        .option('-o, --output <file>', 'where to write it: a .html, .json or .csv file')
        .addOption(new Option('--format <format>', 'html, json or csv (default: from the name given to -o)').choices(['html', 'json', 'csv']))
        .option('--cycle <id>', 'which cycle of the file (needed when more than one has a survey)')
        .option('--survey <id>', 'which survey (needed when the file has more than one)')
        .addOption(new Option('--lang <code>', 'the language of the form\'s own words (default: the file\'s `language` line, else its labels\' script)').choices(['en', 'ru', 'id', 'zh']))
        .action(async (file: string, options: SurveyFormOptions) => {
            const { runSurveyForm } = await import('./survey-form-command.js');
            setExit(await runSurveyForm(file, options, io));
        });
    survey.command('analyse')
        .alias('analyze')
        .description('the figures of a survey\'s current wave of answers, and with two or more waves the change in each moment\'s CSAT')
        .argument('<file>', 'the .cycle file')
        .option('--results <csv...>', 'results files to read instead of the survey\'s `results` lines, oldest first (relative to the current folder)')
        .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
        .option('--cycle <id>', 'which cycle of the file (needed when more than one has a survey)')
        .option('--survey <id>', 'which survey (needed when the file has more than one)')
        .action(async (file: string, options: SurveyAnalyseOptions) => {
            const { runSurveyAnalyse } = await import('./survey-analyse-command.js');
            setExit(await runSurveyAnalyse(file, options, io));
        });

    program.command('playground')
        .description('the playground in your browser (editor and live diagram), served from this computer; opens FILE in it')
        .argument('[file]', 'a .cycle file to open')
        .option('--port <port>', 'the port on 127.0.0.1 (default: any free one)', parsePort)
        .option('--no-open', 'print the address only, do not start a browser')
        .action(async (file: string | undefined, options: PlaygroundOptions) => {
            const { runPlayground } = await import('./playground-command.js');
            setExit(await runPlayground(file, options, io));
        });

    program.command('lsp')
        .description('run the language server, for any editor that speaks LSP (Neovim, Helix, Emacs, Zed…)')
        .option('--stdio', 'talk over standard input and output (the default)')
        .option('--node-ipc', 'talk over Node IPC (as VS Code does)')
        .action(async () => {
            // The server reads the transport from the command line itself; it runs until the editor closes it.
            if (!process.argv.some(a => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
                process.argv.push('--stdio');
            }
            // The server is a face of its own, bundled beside this one (dist/server.cjs): the CLI
            // starts that bundle instead of importing it, so `cycle lsp` runs exactly what editors run.
            createRequire(import.meta.url)(serverBundle());
            setExit(-1);
        });

    return program;
}

export async function main(argv: string[]): Promise<number> {
    let exitCode = 0;
    const io: CommandIo = {
        out: text => process.stdout.write(text),
        // Messages echo file names, ids and labels: a control character in one must not
        // steer the terminal. Escaping is idempotent, so already-escaped text passes as is.
        err: text => process.stderr.write(terminalLines(text)),
        colors: wantsColor(process.stdout) ? ANSI_COLORS : NO_COLORS,
        version: packageJson.version
    };
    const program = buildProgram(io, code => { exitCode = code; });
    try {
        await program.parseAsync(argv, { from: 'user' });
    } catch (error) {
        if (error instanceof CommanderError) {
            // --help and --version end here with code 0; usage errors were already printed.
            return error.exitCode === 0 ? 0 : EXIT_USAGE;
        }
        if (error instanceof CliError) {
            io.err(`cycle: ${error.message}\n`);
            return error.exitCode;
        }
        if (process.env.CYCLE_DEBUG) io.err(String((error as Error).stack) + '\n');
        io.err(`cycle: internal error: ${(error as Error).message ?? String(error)}\n` +
            'Please report this with the file that caused it.\n');
        return EXIT_USAGE;
    }
    return exitCode;
}

/**
 * dist/server.cjs. This file is two folders below the project, as src/cli/main.ts
 * (tests) and in the bundle, dist/cli/cli.mjs, alike.
 */
function serverBundle(): string {
    return fileURLToPath(new URL('../../dist/server.cjs', import.meta.url));
}
