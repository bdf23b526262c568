import { fileToMarkdownReport } from '../export/markdown-report.js';
import { cycleToMermaidJourney } from '../export/mermaid.js';
import { jsonText } from '../domain/neutralise/json.js';
import { terminalText as safe } from '../domain/neutralise/terminal.js';
import type { CycleModel } from '../model/cycle-model.js';
import { CliError, EXIT_OK, EXIT_USAGE } from './cli-error.js';
import type { CommandIo } from './check-command.js';
import { loadOneFile } from './load-one-file.js';
import { outputTarget } from './output-target.js';
import { writeFileAtomically } from './write-output.js';

export type ExportFormat = 'mermaid' | 'markdown' | 'json';

/**
 * What the JSON model says of its ranges, in the JSON itself: they are LSP's (0-based),
 * while `cycle check --format json` counts lines and columns from 1, as people do.
 */
const JSON_POSITIONS = '0-based line and character (UTF-16 code units), end exclusive, as in LSP; cycle check --format json counts from 1';

/** `cycle export FILE --to mermaid|markdown|json [-o OUT] [--cycle ID]`. */
export async function runExport(file: string, options: { to: ExportFormat; output?: string; cycle?: string }, io: CommandIo): Promise<number> {
    const target = outputTarget(options.output, [file]);
    const loaded = await loadOneFile(file, 'cycle export exports one .cycle file (cycle export FILE --to mermaid|markdown|json).', 'export', { output: target.kind === 'file' ? target.path : undefined });
    const model = loaded.model;
    // Names from the command line and the file are echoed with their control characters escaped.
    const path = safe(loaded.displayPath);
    const cycles = options.cycle ? model.cycles.filter(c => c.id === options.cycle) : model.cycles;
    if (options.cycle && cycles.length === 0) throw new CliError(`${path} has no cycle \`${safe(options.cycle)}\`.`, EXIT_USAGE);
    let text: string;
    switch (options.to) {
        case 'mermaid':
            text = cycleToMermaidJourney(oneCycleForMermaid(cycles, path), model.roles);
            break;
        case 'markdown':
            text = fileToMarkdownReport({ ...model, cycles });
            break;
        default: {
            const { modelVersion, ...rest } = model;
            text = jsonText({ modelVersion, positions: JSON_POSITIONS, ...rest, cycles }) + '\n';
        }
    }
    if (target.kind === 'file') {
        writeFileAtomically(target.path, text);
        io.err(`cycle: wrote ${safe(target.path)}.\n`);
    } else {
        io.out(text);
    }
    return EXIT_OK;
}

/**
 * A Mermaid diagram has one `journey` header: two journeys in one text are not a
 * diagram Mermaid can read, and nothing can separate them inside one. So a file of
 * several cycles needs `--cycle`, and the message lists the ids to choose from.
 */
function oneCycleForMermaid(cycles: CycleModel[], path: string): CycleModel {
    if (cycles.length === 0) throw new CliError(`${path} has no cycle to export.`, EXIT_USAGE);
    if (cycles.length > 1) {
        const ids = cycles.map(c => `\`${safe(c.id)}\``).join(', ');
        throw new CliError(`${path} has ${cycles.length} cycles (${ids}), and a Mermaid journey shows one: choose it with --cycle ID, as in \`cycle export ${path} --to mermaid --cycle ${safe(cycles[0].id)}\`.`, EXIT_USAGE);
    }
    return cycles[0];
}
