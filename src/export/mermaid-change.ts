import type { Change } from '../diff/diff-cycles.js';
import type { CycleModel, MomentModel } from '../model/cycle-model.js';
import { mermaidLabel } from '../domain/neutralise/mermaid-flowchart.js';

export type MomentMark = 'added' | 'changed' | 'moved' | 'removed';

/** Words beside the colour, so the marks read in grayscale and to a screen reader. */
const MARK_WORDS: Record<MomentMark, string> = { added: '➕ added', changed: '✏️ changed', moved: '↕️ moved', removed: '➖ removed' };

/** The diff's colours (the visual diff's: added green, removed red, changed amber, moved pink). */
const CLASS_DEFS = [
    '  classDef added fill:#d3f9d8,stroke:#2b8a3e,stroke-width:3px,color:#0b3d16',
    '  classDef changed fill:#fff3bf,stroke:#e67700,stroke-width:3px,color:#3d2600',
    '  classDef moved fill:#ffdeeb,stroke:#c2255c,stroke-width:3px,color:#4a0d25',
    '  classDef removed fill:#f8f9fa,stroke:#c92a2a,stroke-width:2px,stroke-dasharray:5 4,color:#868e96'
];

/**
 * How each moment of a cycle changed, by its id in the version that has it (the new
 * id for a renamed moment, the old id for a removed one). A moment whose critical
 * block, risks or mitigations changed counts as changed; a moment both changed and
 * moved is shown as changed (its text differs, which matters more than its place).
 */
export function momentMarks(cycleId: string, changes: readonly Change[]): Map<string, MomentMark> {
    const marks = new Map<string, MomentMark>();
    for (const c of changes) {
        if (c.cycle !== cycleId) continue;
        if (c.kind === 'moment' && c.id) {
            if (c.change === 'moved' && marks.has(c.id)) continue;
            marks.set(c.id, c.change);
        } else if ((c.kind === 'critical' || c.kind === 'risk' || c.kind === 'prevent' || c.kind === 'recover') && c.moment && !marks.has(c.moment)) {
            marks.set(c.moment, 'changed');
        }
    }
    return marks;
}

interface Placed {
    moment: MomentModel;
    mark: MomentMark | undefined;
}

/**
 * The new order of the moments, with each removed moment put back after the moment it
 * followed in the old version (or first, when it led the cycle).
 */
function placeMoments(before: CycleModel | undefined, after: CycleModel, marks: ReadonlyMap<string, MomentMark>): Placed[] {
    const placed: Placed[] = after.moments.map(moment => ({ moment, mark: marks.get(moment.id) }));
    const old = before?.moments ?? [];
    old.forEach((moment, i) => {
        if (marks.get(moment.id) !== 'removed' || after.moments.some(m => m.id === moment.id)) return;
        const previous = i > 0 ? old[i - 1].id : undefined;
        const at = previous === undefined ? -1 : placed.findIndex(p => p.moment.id === previous);
        placed.splice(at + 1, 0, { moment, mark: 'removed' });
    });
    return placed;
}

function momentLabel(p: Placed): string {
    const flags = [p.mark ? MARK_WORDS[p.mark] : '', p.moment.unmitigated ? '⚠ no prevention' : p.moment.critical ? '❗ critical' : ''].filter(Boolean);
    return mermaidLabel(`${flags.length ? flags.join(' · ') + ' · ' : ''}${p.moment.label || p.moment.id}`);
}

/**
 * A Mermaid flowchart of one changed cycle, which GitHub draws in a pull-request
 * comment: the moments in their new order, round the cycle (the last leads back to
 * the first), grouped by phase, with added, changed, moved and removed moments
 * coloured and named; a removed moment stands, dashed, where it was. Every text from
 * the file is neutralised; node ids are generated (m0, m1…), never the file's ids.
 */
export function cycleChangeMermaid(before: CycleModel | undefined, after: CycleModel, changes: readonly Change[]): string {
    const marks = momentMarks(after.id, changes);
    const placed = placeMoments(before, after, marks);
    const lines = ['flowchart LR', ...CLASS_DEFS];
    // One subgraph per run of moments in the same phase (a phase may come back later).
    let run: { phase: string | null; members: number[] } | undefined;
    const runs: { phase: string | null; members: number[] }[] = [];
    placed.forEach((p, i) => {
        if (!run || run.phase !== p.moment.phase) runs.push(run = { phase: p.moment.phase, members: [] });
        run.members.push(i);
    });
    runs.forEach((r, k) => {
        const nodes = r.members.map(i => `    m${i}["${momentLabel(placed[i])}"]`);
        if (r.phase !== null) lines.push(`  subgraph p${k}["${mermaidLabel(r.phase)}"]`, '    direction LR');
        for (const node of nodes) lines.push(r.phase === null ? node.substring(2) : node);
        if (r.phase !== null) lines.push('  end');
    });
    // The cycle's path: solid between the moments that remain, dotted through removed ones.
    const kept = placed.map((p, i) => ({ p, i })).filter(x => x.p.mark !== 'removed');
    for (let k = 0; k < kept.length; k++) {
        const from = kept[k], to = kept[(k + 1) % kept.length];
        if (kept.length > 1) lines.push(`  m${from.i} --> m${to.i}`);
    }
    placed.forEach((p, i) => {
        if (p.mark !== 'removed') return;
        const previous = placed.slice(0, i).reverse().find(x => x.mark !== 'removed');
        const next = placed.slice(i + 1).find(x => x.mark !== 'removed') ?? placed.find(x => x.mark !== 'removed');
        if (previous) lines.push(`  m${placed.indexOf(previous)} -.-> m${i}`);
        if (next) lines.push(`  m${i} -.-> m${placed.indexOf(next)}`);
    });
    for (const mark of ['added', 'changed', 'moved', 'removed'] as const) {
        const ids = placed.flatMap((p, i) => (p.mark === mark ? [`m${i}`] : []));
        if (ids.length > 0) lines.push(`  class ${ids.join(',')} ${mark}`);
    }
    return lines.join('\n') + '\n';
}
