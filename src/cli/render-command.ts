import { extname } from 'node:path';
import { layoutVisualDiff } from '../diagram/diff-overlay.js';
import { layoutCycle, type Scene, type ThemeName, type ViewName } from '../diagram/index.js';
import { renderSvg } from '../diagram/render-svg.js';
import { diffCycles } from '../diff/diff-cycles.js';
import { withFileRoles, type CycleModel } from '../model/cycle-model.js';
import type { LanguageCode } from '../domain/words/index.js';
import { todayIso } from './today.js';
import { CliError, EXIT_OK, EXIT_USAGE } from './cli-error.js';
import type { CommandIo } from './check-command.js';
import { loadOneFile } from './load-one-file.js';
import { outputTarget } from './output-target.js';
import { writeFileAtomically } from './write-output.js';
import { writePng } from './write-png.js';

export interface RenderOptions {
    output?: string;
    /** `--diff OLD NEW`: draw the new version with the change on it. */
    diff?: string[];
    view: ViewName;
    theme: ThemeName;
    cycle?: string;
    /** `--scale N`: the PNG's zoom, instead of the one chosen by the rule of png-plan.ts. */
    scale?: number;
    /** `--detail`: callouts with each critical moment's risks and mitigations. */
    detail?: boolean;
    /** `--lang`: the language of the diagram's own words. */
    lang?: LanguageCode;
    /** `--width`: the blueprint's width in px. */
    width?: number;
    /** `--today`: the date the plan marks overdue actions against (default: today). */
    today?: string;
}

/**
 * The cycle to draw: the chosen one, or without `--cycle` the file's first, as
 * `--cycle`'s help says.
 */
async function loadCycle(file: string, cycleId: string | undefined): Promise<CycleModel> {
    const { displayPath, model } = await loadOneFile(file, 'cycle render draws one .cycle file (cycle render FILE [--cycle ID]).', 'draw');
    if (model.cycles.length === 0) throw new CliError(`${displayPath} has no cycle to draw.`, EXIT_USAGE);
    if (cycleId === undefined) return withFileRoles(model.cycles[0], model.roles);
    const cycle = model.cycles.find(c => c.id === cycleId);
    if (!cycle) throw new CliError(`${displayPath} has no cycle \`${cycleId}\`; it has ${model.cycles.map(c => `\`${c.id}\``).join(', ')}.`, EXIT_USAGE);
    return withFileRoles(cycle, model.roles);
}

/**
 * `cycle render FILE` or `cycle render --diff OLD NEW`: SVG (standard output, `-o -`
 * or -o x.svg), or PNG (-o x.png).
 */
export async function runRender(file: string | undefined, options: RenderOptions, io: CommandIo): Promise<number> {
    if (options.diff && (options.diff.length !== 2 || file)) throw new CliError('--diff takes two files: cycle render --diff OLD NEW -o diff.svg', EXIT_USAGE);
    const target = outputTarget(options.output, options.diff ?? (file ? [file] : []));
    const format = target.kind === 'file' ? extname(target.path).toLowerCase() : '.svg';
    if (format !== '.svg' && format !== '.png') {
        throw new CliError(`cannot tell the format of ${options.output}: name it .svg or .png.`, EXIT_USAGE);
    }
    if (options.scale !== undefined && format !== '.png') {
        throw new CliError('--scale sets the zoom of a PNG (-o NAME.png); an SVG has no pixels to scale.', EXIT_USAGE);
    }
    let scene: Scene;
    let cycle: CycleModel;
    const layout = { detail: options.detail, language: options.lang, width: options.width, today: options.today ?? todayIso() };
    if (options.diff) {
        const before = await loadCycle(options.diff[0], options.cycle);
        cycle = await loadCycle(options.diff[1], options.cycle ?? before.id);
        scene = layoutVisualDiff(before, cycle, diffCycles(before, cycle), options.view, layout);
    } else {
        if (!file) throw new CliError('which file? cycle render FILE [-o OUT.svg|OUT.png]', EXIT_USAGE);
        cycle = await loadCycle(file, options.cycle);
        scene = layoutCycle(cycle, options.view, layout);
    }
    const what = `${options.diff ? 'changes in the ' : ''}${options.view} view of ${cycle.id}`;
    if (format === '.png' && target.kind === 'file') {
        await writePng(scene, options.theme, target.path, options.scale, options.diff ?? (file ? [file] : []), what, io);
        return EXIT_OK;
    }
    const svg = renderSvg(scene, options.theme);
    if (target.kind === 'stdout') {
        io.out(svg + '\n');
    } else {
        writeFileAtomically(target.path, svg + '\n');
        io.err(`cycle: wrote ${target.path} (${what}).\n`);
    }
    return EXIT_OK;
}
