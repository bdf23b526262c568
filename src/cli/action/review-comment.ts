import type { CheckedVersion } from '../../diff/file-diff.js';
import { formatDiffMarkdown, type FileDiff } from '../../diff/format-diff.js';
import { cycleChangeMermaid } from '../../export/mermaid-change.js';
import { markdownCode } from '../../domain/neutralise/markdown.js';
import { MARKER } from './sticky-comment.js';

/** What `cycle check` and `cycle fmt --check` found in the paths the action checks. */
export interface CheckSummary {
    files: number;
    errors: number;
    warnings: number;
    infos: number;
    /** Files not in canonical form, as the user names them. */
    unformatted: string[];
}

/** GitHub refuses a comment longer than this (65,536 characters); a margin for the marker and notes. */
const COMMENT_LIMIT = 65_000;

const LEGEND = 'Legend: ➕ added (green) · ✏️ changed (amber) · ↕️ moved (pink) · ➖ removed (dashed red) · ⚠ critical with no prevention · ❗ critical.';

/** One Mermaid picture per changed cycle of each added or modified file. */
function pictures(diffs: readonly FileDiff[], versions: readonly { before?: CheckedVersion; after?: CheckedVersion }[]): string[] {
    const out: string[] = [];
    diffs.forEach((diff, i) => {
        const after = versions[i]?.after?.model;
        if (!after) return;
        for (const cycle of after.cycles) {
            const changes = diff.changes.filter(c => c.cycle === cycle.id);
            if (changes.length === 0) continue;
            const before = versions[i]?.before?.model?.cycles.find(c => c.id === cycle.id);
            out.push([`#### ${markdownCode(diff.file)}: cycle ${markdownCode(cycle.id)}`, '', '```mermaid', cycleChangeMermaid(before, cycle, changes).trimEnd(), '```', ''].join('\n'));
        }
    });
    return out;
}

function plural(n: number, one: string, many = `${one}s`): string {
    return `${n} ${n === 1 ? one : many}`;
}

function checksSection(check: CheckSummary): string {
    const lines = ['### Checks', ''];
    lines.push(`- \`cycle check\`: ${plural(check.errors, 'error')}, ${plural(check.warnings, 'warning')}, ${plural(check.infos, 'info', 'infos')} in ${plural(check.files, 'file')} (each one is in the code-scanning results).`);
    if (check.unformatted.length === 0) lines.push('- `cycle fmt --check`: every file is in canonical form.');
    else lines.push(`- \`cycle fmt --check\`: ${plural(check.unformatted.length, 'file is', 'files are')} not in canonical form (run \`cycle fmt\`): ${check.unformatted.map(markdownCode).join(', ')}.`);
    return lines.join('\n') + '\n';
}

/**
 * The sticky comment: the marker, then the semantic diff as `cycle diff --format
 * markdown` writes it (risk changes first, the summary, each change, the diagnostics
 * introduced and resolved), then a picture of each changed cycle, then the checks.
 * When it would be too long for GitHub, pictures are left out from the last one up,
 * and the comment says so.
 */
export function reviewComment(diffs: readonly FileDiff[], versions: readonly { before?: CheckedVersion; after?: CheckedVersion }[], check: CheckSummary): string {
    const head = diffs.length > 0
        ? formatDiffMarkdown([...diffs]).trimEnd() + '\n'
        : '## Service cycle changes\n\nNo `.cycle` file changed in this pull request.\n';
    const drawn = pictures(diffs, versions);
    const tail = checksSection(check);
    const compose = (shown: string[]) => {
        const parts = [MARKER, head];
        if (drawn.length > 0) {
            parts.push('### Pictures of the changed cycles', '', LEGEND, '');
            for (const picture of shown) parts.push(picture);
            if (shown.length < drawn.length) parts.push(`_${plural(drawn.length - shown.length, 'picture')} left out: GitHub allows 65,536 characters in a comment. \`cycle render --diff OLD NEW\` draws any of them._`, '');
        }
        parts.push(tail);
        return parts.join('\n');
    };
    let shown = drawn;
    let body = compose(shown);
    while (body.length > COMMENT_LIMIT && shown.length > 0) {
        shown = shown.slice(0, -1);
        body = compose(shown);
    }
    return body;
}
