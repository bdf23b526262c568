import type { Document } from '../language/generated/ast.js';
import { hasSyntaxErrors } from '../language/syntax-errors.js';
import { fileToMarkdownReport } from '../export/markdown-report.js';
import { cycleToMermaidJourney } from '../export/mermaid.js';
import { buildFileModel } from '../model/build-model.js';
import { CliError, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './cli-error.js';
import type { CommandIo } from './check-command.js';
import { loadWorkspace } from './load-workspace.js';
import { requireOneFile } from './one-file.js';
import { outputTarget } from './output-target.js';
import { writeFileAtomically } from './write-output.js';

export type ExportFormat = 'mermaid' | 'markdown' | 'json';

/** `cycle export FILE --to mermaid|markdown|json [-o OUT] [--cycle ID]`. */
export async function runExport(file: string, options: { to: ExportFormat; output?: string; cycle?: string }, io: CommandIo): Promise<number> {
    // One file: a folder would mean "the first file found", silently.
    requireOneFile(file, 'cycle export exports one .cycle file (cycle export FILE --to mermaid|markdown|json).');
    const target = outputTarget(options.output, [file]);
    const workspace = await loadWorkspace([file], { validate: false });
    if (workspace.problems.length > 0) throw new CliError(workspace.problems.map(p => p.message).join('\n'), EXIT_USAGE);
    const loaded = workspace.files[0];
    if (hasSyntaxErrors(loaded.document)) {
        throw new CliError(`cannot export ${loaded.source.displayPath}: it has syntax errors; run \`cycle check ${loaded.source.displayPath}\`.`, EXIT_FINDINGS);
    }
    const model = buildFileModel(loaded.document.parseResult.value as Document, loaded.source.displayPath);
    const cycles = options.cycle ? model.cycles.filter(c => c.id === options.cycle) : model.cycles;
    if (options.cycle && cycles.length === 0) throw new CliError(`${loaded.source.displayPath} has no cycle \`${options.cycle}\`.`, EXIT_USAGE);
    let text: string;
    switch (options.to) {
        case 'mermaid':
            if (cycles.length === 0) throw new CliError(`${loaded.source.displayPath} has no cycle to export.`, EXIT_USAGE);
            text = cycles.map(c => cycleToMermaidJourney(c, model.roles)).join('\n');
            break;
        case 'markdown':
            text = fileToMarkdownReport({ ...model, cycles });
            break;
        default:
            text = JSON.stringify({ ...model, cycles }, null, 2) + '\n';
    }
    if (target.kind === 'file') {
        writeFileAtomically(target.path, text);
        io.err(`cycle: wrote ${target.path}.\n`);
    } else {
        io.out(text);
    }
    return EXIT_OK;
}
