import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { runCheck, type CheckFormat, type CommandIo } from './check-command.js';
import { runRender, type RenderOptions } from './render-command.js';
import { CliError, EXIT_USAGE } from './cli-error.js';
import { ANSI_COLORS, NO_COLORS } from './formats/pretty-format.js';

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

/** Builds the `cycle` program; every action resolves to an exit status. */
export function buildProgram(io: CommandIo, setExit: (code: number) => void): Command {
    const program = new Command('cycle')
        .description('Check, format, draw and compare customer service cycles written in the cycle language.')
        .version(io.version, '-V, --version', 'print the version')
        .helpOption('-h, --help', 'show help')
        .showHelpAfterError('(run `cycle --help` for usage)')
        .configureOutput({ writeOut: text => io.out(text), writeErr: text => io.err(text) })
        .exitOverride();

    program.command('check')
        .description('validate cycles: every file and folder given is one workspace (folders are searched for *.cycle)')
        .argument('[paths...]', 'files and folders to check (default: the current folder)')
        .addOption(new Option('-f, --format <format>', 'output format').choices(['pretty', 'json', 'sarif']).default('pretty'))
        .option('--max-warnings <count>', 'exit 1 when there are more warnings than this', parseCount)
        .action(async (paths: string[], options: { format: CheckFormat; maxWarnings?: number }) => {
            setExit(await runCheck(paths, options, io));
        });

    program.command('render')
        .description('draw a cycle as SVG (to standard output, or -o x.svg) or PNG (-o x.png)')
        .argument('<file>', 'the .cycle file')
        .option('-o, --output <file>', 'where to write the diagram: a .svg or .png file')
        .addOption(new Option('--view <view>', 'which diagram').choices(['clock', 'blueprint', 'journey']).default('clock'))
        .addOption(new Option('--theme <theme>', 'colours').choices(['light', 'dark']).default('light'))
        .option('--cycle <id>', 'which cycle of the file (default: the first)')
        .action(async (file: string, options: RenderOptions) => {
            setExit(await runRender(file, options, io));
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
            const { startCycleLanguageServer } = await import('../language/main.js');
            startCycleLanguageServer();
            setExit(-1);
        });

    return program;
}

export async function main(argv: string[]): Promise<number> {
    let exitCode = 0;
    const io: CommandIo = {
        out: text => process.stdout.write(text),
        err: text => process.stderr.write(text),
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
        io.err(`cycle: internal error: ${(error as Error).message ?? String(error)}\n` +
            'Please report this with the file that caused it.\n');
        return EXIT_USAGE;
    }
    return exitCode;
}
