import { cycleStats, describeStats, type CycleModel, type FileModel } from '../model/cycle-model.js';
import { markdownCode as code, markdownText as esc } from '../domain/neutralise/markdown.js';

function wait(cycleMoment: CycleModel['moments'][number]): string {
    const t = cycleMoment.waitTarget;
    const l = cycleMoment.waitLimit;
    return [t ? `target ${t.amount} ${t.unit}` : '', l ? `limit ${l.amount} ${l.unit}` : ''].filter(Boolean).join(', ');
}

/**
 * A readable report of each cycle: the moments in a table, the critical moments
 * with their risks and mitigations, requirements with the actions that meet them,
 * the ranked priority areas and the survey. Every label is escaped.
 */
export function fileToMarkdownReport(file: FileModel): string {
    const out: string[] = [];
    for (const cycle of file.cycles) {
        const role = roleNamer(cycle, file);
        out.push(`# ${esc(cycle.label || cycle.id)}`, '');
        const facts = [
            cycle.customer ? `**Customer:** ${esc(cycle.customer)}` : '',
            cycle.goal ? `**Goal:** ${esc(cycle.goal)}` : '**Goal:** none yet',
            cycle.stage ? `**Stage:** ${cycle.stage}` : '',
            cycle.peaks.length ? `**Peaks:** ${cycle.peaks.map(esc).join('; ')}` : ''
        ].filter(Boolean);
        out.push(facts.join('  \n'), '', `*${describeStats(cycleStats(cycle))}*`, '');
        out.push('## Moments of truth', '', '| # | moment | phase | by | channel | feels | quality | wait | critical |', '|---:|---|---|---|---|---:|---|---|---|');
        for (const m of cycle.moments) {
            const critical = m.critical ? (m.unmitigated ? `⚠️ ${m.critical.severity}, **unmitigated**` : m.critical.severity) : '';
            out.push(`| ${m.step} | ${esc(m.label)} (${code(m.id)})${m.achievesGoal ? ' 🎯' : ''} | ${esc(m.phase)} | ${m.by ? role(m.by) : ''} | ${m.channel ?? ''} | ${m.feels ?? ''} | ${m.qualities.join(', ')} | ${wait(m)} | ${critical} |`);
        }
        out.push('');
        const critical = cycle.moments.filter(m => m.critical);
        out.push('## Critical moments', '');
        if (critical.length === 0) out.push('None marked critical.', '');
        for (const m of critical) {
            out.push(`### ${m.step}. ${esc(m.label)} (${code(m.id)}) — severity ${m.critical!.severity}`, '');
            for (const r of m.critical!.risks) out.push(`- **Risk:** ${esc(r.text)}`);
            for (const p of m.critical!.prevent) out.push(`- **Prevent:** ${esc(p.text)}${p.owner ? ` — owner ${role(p.owner)}` : ' — *no owner*'}`);
            for (const r of m.critical!.recover) out.push(`- **Recover:** ${esc(r.text)}${r.owner ? ` — owner ${role(r.owner)}` : ' — *no owner*'}`);
            if (m.unmitigated) out.push('- ⚠️ **No prevent mitigation**');
            out.push('');
        }
        out.push('## Requirements and actions', '');
        if (cycle.requirements.length === 0) out.push('No requirements yet.', '');
        for (const r of cycle.requirements) {
            const actions = cycle.actions.filter(a => a.meets.includes(r.id));
            out.push(`- **${esc(r.label)}** (${code(r.id)})${r.for.length ? ` for ${r.for.map(code).join(', ')}` : ''}${r.from.length ? `, from ${r.from.map(esc).join(', ')}` : ''}`);
            for (const a of actions) out.push(`  - action: ${esc(a.label)}${a.owner ? ` — owner ${role(a.owner)}` : ''}${a.due ? `, due ${a.due}` : ''}`);
            if (actions.length === 0) out.push('  - *no action meets it yet*');
        }
        out.push('');
        out.push('## Priority areas', '');
        if (cycle.priorities.length === 0) out.push('No priorities yet.');
        cycle.priorities.forEach((id, i) => {
            const area = cycle.areas.find(a => a.id === id);
            out.push(`${i + 1}. ${esc(area?.label ?? id)} (${code(id)})${area?.because.length ? ` — because of ${area.because.join(' and ')}` : ''}${area?.covers.length ? `; covers ${area.covers.map(code).join(', ')}` : ''}`);
        });
        out.push('');
        out.push('## Satisfaction survey', '');
        if (cycle.surveys.length === 0) out.push('No survey yet.', '');
        for (const s of cycle.surveys) {
            out.push(`### ${esc(s.label)} (${code(s.id)})`, '');
            for (const q of s.questions) {
                const answer = q.answer ? (q.answer.kind === 'scale' ? `scale ${q.answer.low}–${q.answer.high}` : q.answer.kind === 'choice' ? `choice: ${q.answer.options.map(esc).join(' / ')}` : q.answer.kind) : 'no answer format';
                out.push(`1. ${esc(q.label)}${q.about.length ? ` — about ${q.about.map(code).join(', ')}` : ''} (${answer})`);
            }
            out.push('');
        }
    }
    if (file.cycles.length === 0) out.push('This file has no cycle.', '');
    return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

/**
 * A role as a reader knows it: by its label, with its id as code beside it
 * ("Teller (`teller`)"); by its id alone when it has no label or is defined in
 * another file (a top-level role of the team file).
 */
function roleNamer(cycle: CycleModel, file: FileModel): (id: string) => string {
    const labels = new Map([...file.roles, ...cycle.roles].map(r => [r.id, r.label]));
    return id => {
        const label = labels.get(id);
        return label ? `${esc(label)} (${code(id)})` : code(id);
    };
}
