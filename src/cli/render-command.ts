import { extname } from 'node:path';
import { layoutVisualDiff } from '../diagram/diff-overlay.js';
import { layoutCycle, type Scene, type ThemeName, type ViewName } from '../diagram/index.js';
import { renderSvg } from '../diagram/render-svg.js';
import { diffCycles } from '../diff/diff-cycles.js';
import { withFileRoles, type CycleModel } from '../model/cycle-model.js';
import type { LanguageCode } from '../domain/words/index.js';
import { todayIso } from './today.js';
import { CliError, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './cli-error.js';
import type { LangiumDocument } from 'langium';
import { diagramResultsOf, type DiagramResults } from '../diagram/results-marks.js';
import { loadSurveyResults } from '../model/load-survey-results.js';
import type { CycleCoreServices } from '../model/services.js';
import { DEFAULT_SURVEY_SETTINGS } from '../results/results-types.js';
import { terminalText } from '../domain/neutralise/terminal.js';
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
    /** `--results`: paint the survey's current wave (the `ipa` view needs it). */
    results?: boolean;
}

interface LoadedCycle {
    cycle: CycleModel;
    /** With `--results`: the cycle's current wave and CSAT target. */
    results?: DiagramResults;
}

/**
 * The cycle to draw: the chosen one, or without `--cycle` the file's first, as
 * `--cycle`'s help says; with `withResults`, its survey results, or a clear refusal
 * when it has none to paint.
 */
async function loadCycle(file: string, cycleId: string | undefined, withResults: boolean, output: string | undefined): Promise<LoadedCycle> {
    const { displayPath, model, checked, services } = await loadOneFile(file, 'cycle render draws one .cycle file (cycle render FILE [--cycle ID]).', 'draw', { output });
    if (model.cycles.length === 0) throw new CliError(`${displayPath} has no cycle to draw.`, EXIT_USAGE);
    const found = cycleId === undefined ? model.cycles[0] : model.cycles.find(c => c.id === cycleId);
    if (!found) throw new CliError(`${displayPath} has no cycle \`${cycleId}\`; it has ${model.cycles.map(c => `\`${c.id}\``).join(', ')}.`, EXIT_USAGE);
    const cycle = withFileRoles(found, model.roles);
    if (!withResults) return { cycle };
    return { cycle, results: await resultsToPaint(displayPath, cycle, services, checked.document) };
}

/**
 * The current wave of the cycle's first survey that has one, held to the CSAT target
 * of the governing cycle.config.json; a refusal that says what is missing otherwise.
 */
async function resultsToPaint(displayPath: string, cycle: CycleModel, services: CycleCoreServices, document: LangiumDocument): Promise<DiagramResults> {
    const surveys = (await loadSurveyResults(services, document)).get(cycle.id) ?? [];
    const target = services.config.RuleConfigProvider.configFor(document.uri)?.survey.csatTarget ?? DEFAULT_SURVEY_SETTINGS.csatTarget;
    const results = diagramResultsOf(surveys, target);
    if (results) return results;
    const name = terminalText(cycle.id);
    if (surveys.length === 0) {
        throw new CliError(`--results: cycle \`${name}\` in ${displayPath} has no survey with results lines; add \`results "answers.csv"\` to its survey, or draw without --results.`, EXIT_USAGE);
    }
    const unread = surveys.flatMap(s => s.waves).filter(w => w.figures === null).map(w => terminalText(w.path));
    throw new CliError(`--results: the current results file of cycle \`${name}\` could not be read (${unread.join(', ') || 'no wave'}); run \`cycle check ${displayPath}\` to see why.`, EXIT_FINDINGS);
}

/**
 * `cycle render FILE` or `cycle render --diff OLD NEW`: SVG (standard output, `-o -`
 * or -o x.svg), or PNG (-o x.png).
 */
export async function runRender(file: string | undefined, options: RenderOptions, io: CommandIo): Promise<number> {
    if (options.diff && (options.diff.length !== 2 || file)) throw new CliError('--diff takes two files: cycle render --diff OLD NEW -o diff.svg', EXIT_USAGE);
    const target = outputTarget(options.output, options.diff ?? (file ? [file] : []));
    const format = target.kind === 'file' ? extname(target.path).toLowerCase() : '.svg';
    const written = target.kind === 'file' ? target.path : undefined;
    if (format !== '.svg' && format !== '.png') {
        throw new CliError(`cannot tell the format of ${options.output}: name it .svg or .png.`, EXIT_USAGE);
    }
    if (options.scale !== undefined && format !== '.png') {
        throw new CliError('--scale sets the zoom of a PNG (-o NAME.png); an SVG has no pixels to scale.', EXIT_USAGE);
    }
    if (options.view === 'ipa' && !options.results) {
        throw new CliError('the ipa view draws survey results: cycle render FILE --results --view ipa', EXIT_USAGE);
    }
    let scene: Scene;
    let cycle: CycleModel;
    const layout = { detail: options.detail, language: options.lang, width: options.width, today: options.today ?? todayIso() };
    if (options.diff) {
        const { cycle: before } = await loadCycle(options.diff[0], options.cycle, false, written);
        // The new version's results: the answers on disk belong to it.
        const after = await loadCycle(options.diff[1], options.cycle ?? before.id, options.results ?? false, written);
        cycle = after.cycle;
        scene = layoutVisualDiff(before, cycle, diffCycles(before, cycle), options.view, { ...layout, results: after.results });
    } else {
        if (!file) throw new CliError('which file? cycle render FILE [-o OUT.svg|OUT.png]', EXIT_USAGE);
        const loaded = await loadCycle(file, options.cycle, options.results ?? false, written);
        cycle = loaded.cycle;
        scene = layoutCycle(cycle, options.view, { ...layout, results: loaded.results });
    }
    const what = `${options.diff ? 'changes in the ' : ''}${options.view} view of ${cycle.id}${options.results ? ' with survey results' : ''}`;
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
