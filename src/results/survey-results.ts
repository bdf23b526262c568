import { compareWaves } from './changes.js';
import { computeFigures } from './figures.js';
import { readResults } from './read-results.js';
import type { MomentChange, ReadResults, SurveyPlan, SurveyResults, WaveResults } from './results-types.js';

/** One `results` line's file: its bytes, or null and why it could not be read (missing, a folder…). */
export interface ResultsFile {
    /** The path as written on the `results` line. */
    readonly path: string;
    readonly bytes: Uint8Array | null;
    readonly error?: string;
}

/**
 * Everything one survey's `results` lines add up to: each wave read and its figures
 * (in the order of the lines, which is time order), the current wave's figures (the
 * last line's), and the change in each moment's CSAT from the wave before the last to
 * the last. The change needs both of those waves read: with the current wave
 * unreadable, a change between two older waves would be presented as the latest news.
 */
export function surveyResults(plan: SurveyPlan, files: readonly ResultsFile[]): SurveyResults {
    const waves: WaveResults[] = files.map(file => {
        const read: ReadResults = file.bytes === null
            ? {
                wave: null,
                problems: [{
                    code: 'results-unreadable',
                    message: `The results file ${file.path} could not be read${file.error ? `: ${file.error.replace(/[.\s]+$/, '')}` : ''}.`,
                    place: null
                }]
            }
            : readResults(file.bytes, plan);
        return { path: file.path, read, figures: read.wave ? computeFigures(plan, read.wave, file.path) : null };
    });
    const last = waves.at(-1);
    const before = waves.at(-2);
    let changes: MomentChange[] = [];
    if (last?.read.wave && before?.read.wave) changes = compareWaves(plan, before.read.wave, last.read.wave);
    return { plan, waves, current: last?.figures ?? null, changes };
}
