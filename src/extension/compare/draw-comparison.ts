import { renderVisualDiffSvg } from '../../diagram/diff-overlay.js';
import { languageOf } from '../../diagram/layout-options.js';
import type { ThemeName } from '../../diagram/theme.js';
import { diffCycles } from '../../diff/diff-cycles.js';
import { formatDiffHtml } from '../../diff/format-html.js';
import { riskChanges } from '../../diff/risk-changes.js';
import { changeWordsFor, type LanguageCode } from '../../domain/words/index.js';
import type { CompareResult } from '../../protocol.js';

interface DrawnComparison {
    /** The semantic diff as an HTML fragment (every label escaped), in the words of `language`. */
    html: string;
    /** One visual diff per cycle of the current version. */
    svgs: string[];
    /** The language the panel's own words speak. */
    language: LanguageCode;
}

/**
 * The language of the written list: the file's, as the diagrams choose it (its
 * `language` line, else its labels' script), read from its first cycle as it is now,
 * or as it was when the change removed them all. A file mixing languages across its
 * cycles gets one list, in its first cycle's.
 */
export function comparisonLanguage(result: Pick<CompareResult, 'before' | 'after'>): LanguageCode {
    const first = result.after[0] ?? result.before[0];
    return first ? languageOf(first) : 'en';
}

/**
 * Draws what the server answered to "Compare with HEAD": the semantic diff, and one
 * visual diff per current cycle against the committed cycle of the same id (a new
 * cycle is drawn against an empty one, so every moment shows as added), with the
 * current version's survey results painted on it when it has them.
 */
export function drawComparison(result: CompareResult, theme: ThemeName): DrawnComparison {
    const svgs = result.after.map(cycle => {
        const previous = result.before.find(c => c.id === cycle.id) ?? { ...cycle, moments: [], phases: [] };
        return renderVisualDiffSvg(previous, cycle, diffCycles(previous, cycle), { theme, results: result.results?.[cycle.id] });
    });
    const language = comparisonLanguage(result);
    const words = changeWordsFor(language);
    // The server writes its risk sentences in English, as `cycle diff` prints them: the
    // same risks are found again here from both versions' cycles, and said in the cycle's words.
    const risks = riskChanges({ cycles: result.before }, { cycles: result.after }, result.diff.changes, words);
    return { html: formatDiffHtml({ ...result.diff, risks }, words), svgs, language };
}
