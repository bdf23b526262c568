import { renderVisualDiffSvg } from '../../diagram/diff-overlay.js';
import type { ThemeName } from '../../diagram/theme.js';
import { diffCycles } from '../../diff/diff-cycles.js';
import { formatDiffHtml } from '../../diff/format-html.js';
import type { CompareResult } from '../../protocol.js';

interface DrawnComparison {
    /** The semantic diff as an HTML fragment (every label escaped). */
    html: string;
    /** One visual diff per cycle of the current version. */
    svgs: string[];
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
    return { html: formatDiffHtml(result.diff), svgs };
}
