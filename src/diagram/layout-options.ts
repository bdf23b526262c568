import { detectLanguage, wordsFor, type LanguageCode, type Words } from '../domain/words/index.js';
import type { DrawnCycle } from '../model/cycle-model.js';
import type { DiagramResults } from './results-marks.js';

/** What a caller may choose about a diagram beyond its view and theme. */
export interface LayoutOptions {
    /** Callouts on critical moments: their risks, and prevent and recover with owners. */
    detail?: boolean;
    /** The language of the diagram's own words (`--lang`); default: the cycle's. */
    language?: LanguageCode;
    /** Today's date, `YYYY-MM-DD`, against which the plan marks actions overdue. */
    today?: string;
    /** The blueprint's width in px (`--width`); default: as wide as keeps it within 16:9. */
    width?: number;
    /**
     * The survey's current wave and the CSAT target (`--results`, the preview): the
     * clock paints each measured moment's CSAT, the journey the measured curve, and the
     * `ipa` view needs it. Without it, every view is drawn as before.
     */
    results?: DiagramResults;
}

/** The language a cycle's diagrams speak: chosen, else the file's `language` line, else its labels' script. */
export function languageOf(cycle: DrawnCycle, options: LayoutOptions = {}): LanguageCode {
    if (options.language) return options.language;
    if (cycle.language) return cycle.language;
    return detectLanguage(labelsOf(cycle));
}

export function wordsOf(cycle: DrawnCycle, options: LayoutOptions = {}): Words {
    return wordsFor(languageOf(cycle, options));
}

function* labelsOf(cycle: DrawnCycle): Iterable<string> {
    yield cycle.label;
    if (cycle.goal) yield cycle.goal;
    if (cycle.customer) yield cycle.customer;
    for (const phase of cycle.phases) yield phase.label;
    for (const moment of cycle.moments) yield moment.label;
}
