import { markdownCode } from '../domain/neutralise/markdown.js';
import { terminalText } from '../domain/neutralise/terminal.js';
import type { Estimate, MomentChange, WaveFigures } from '../results/results-types.js';

/**
 * `cycle survey analyse`: one survey's figures for its current wave, and with two or
 * more waves the change in each moment's CSAT, as the contract's JSON, a terminal's
 * text or Markdown for a pull request. Pure formatting: the figures are the results
 * core's (already rounded to 4 decimals); nothing is computed here but the display.
 */
export interface SurveyAnalysis {
    readonly figures: WaveFigures;
    /** Every wave's path in time order, as written (`results` line) or given (`--results`). */
    readonly waves: readonly string[];
    /** With two or more waves: the change from `earlier` to the current wave; null with one. */
    readonly changes: readonly MomentChange[] | null;
    /** The wave the changes are measured from (the one before the last that could be read). */
    readonly earlier: string | null;
    /** The moments some question is `about`: the others have no row, only a line naming them. */
    readonly asked: readonly string[];
}

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

/**
 * The contract's JSON, keys in its order, nothing else: a consumer can rely on exactly
 * these fields. `changes` appears only with two or more waves.
 */
export function analysisJson(analysis: SurveyAnalysis): unknown {
    const f = analysis.figures;
    const estimate = (e: Estimate | null): Estimate | null => (e ? { value: e.value, low: e.low, high: e.high } : null);
    return {
        cycle: f.cycle,
        survey: f.survey,
        wave: f.wave,
        responses: f.responses,
        questions: f.questions.map(q => ({ id: q.id, n: q.n, mean: q.mean, csat: estimate(q.csat), nps: estimate(q.nps) })),
        moments: f.moments.map(m => ({
            id: m.id, n: m.n, performance: m.performance, csat: estimate(m.csat),
            importance: m.importance, importanceFrom: m.importanceFrom, quadrant: m.quadrant
        })),
        qualities: f.qualities.map(q => ({ quality: q.quality, satisfaction: q.satisfaction, expectation: q.expectation, gap: q.gap })),
        ...(analysis.changes ? {
            changes: analysis.changes.map(c => ({ moment: c.moment, from: round4(c.from), to: round4(c.to), p: round4(c.p), significant: c.significant }))
        } : {})
    };
}

// Display: proportions as percentages, normalised scores with two decimals.
const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;
const score = (x: number | null): string => (x === null ? '–' : x.toFixed(2));
const signed = (x: number, digits: number): string => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(digits)}`;
const csatText = (e: Estimate | null): string => (e ? `${percent(e.value)} (${percent(e.low)}–${percent(e.high)})` : '–');
const npsText = (e: Estimate | null): string => (e ? `${signed(e.value, 1)} (${signed(e.low, 1)} to ${signed(e.high, 1)})` : '–');
const pText = (p: number): string => (p < 0.0001 ? 'p < 0.0001' : `p = ${p.toFixed(4)}`);

/** `38.7% → 55.0% (+16.3 pts, p = 0.0031)`, with whether to mark it. */
function changeText(change: MomentChange): { text: string; marked: boolean } {
    const points = (change.to - change.from) * 100;
    return {
        text: `${percent(change.from)} → ${percent(change.to)} (${signed(points, 1)} pts, ${pText(change.p)})`,
        marked: change.significant
    };
}

/** A cell: an id (a code span in Markdown), a figure, or a change to mark as significant. */
interface Cell {
    readonly text: string;
    readonly kind: 'id' | 'figure' | 'marked';
}

interface Table {
    readonly title: string;
    readonly head: readonly string[];
    /** Which columns hold numbers (aligned right). */
    readonly numeric: readonly boolean[];
    readonly rows: readonly (readonly Cell[])[];
    /** Ids left out of the table because they have nothing to show, listed under it. */
    readonly left?: { readonly label: string; readonly ids: readonly string[] };
}

const id = (text: string): Cell => ({ text, kind: 'id' });
const figure = (text: string): Cell => ({ text, kind: 'figure' });

/** The tables both text and Markdown show. */
function tables(analysis: SurveyAnalysis): Table[] {
    const f = analysis.figures;
    const changes = new Map((analysis.changes ?? []).map(c => [c.moment, c]));
    const result: Table[] = [{
        title: 'Questions',
        head: ['question', 'n', 'mean', 'CSAT (95% CI)', 'NPS (95% CI)'],
        numeric: [false, true, true, false, false],
        rows: f.questions.map(q => [id(q.id), figure(String(q.n)), figure(q.mean === null ? '–' : q.mean.toFixed(2)), figure(csatText(q.csat)), figure(npsText(q.nps))])
    }];
    const withChange = analysis.changes !== null;
    const asked = f.moments.filter(m => analysis.asked.includes(m.id) || m.n > 0 || m.importance !== null || changes.has(m.id));
    result.push({
        title: 'Moments',
        head: ['moment', 'n', 'performance', 'CSAT (95% CI)', 'importance', 'quadrant', ...(withChange ? ['CSAT change'] : [])],
        numeric: [false, true, true, false, false, false, false],
        // A moment no question is about has no figure at all: one line under the table
        // names them, instead of a row of dashes each (most of a cycle's moments, often).
        rows: asked.map(m => {
            const importance = m.importance === null ? '–' : `${score(m.importance)} (${m.importanceFrom})`;
            const row = [id(m.id), figure(String(m.n)), figure(score(m.performance)), figure(csatText(m.csat)), figure(importance), figure(m.quadrant ?? '–')];
            if (withChange) {
                const change = changes.get(m.id);
                const shown = change ? changeText(change) : null;
                row.push(shown ? { text: shown.text, kind: shown.marked ? 'marked' : 'figure' } : figure('–'));
            }
            return row;
        }),
        left: { label: 'No question about', ids: f.moments.filter(m => !asked.includes(m)).map(m => m.id) }
    });
    if (f.qualities.length > 0) {
        result.push({
            title: 'Quality gaps (satisfaction − expectation)',
            head: ['quality', 'satisfaction', 'expectation', 'gap'],
            numeric: [false, true, true, true],
            rows: f.qualities.map(q => [id(q.quality), figure(score(q.satisfaction)), figure(score(q.expectation)), figure(signed(q.gap, 2))])
        });
    }
    return result;
}

/** The lines over the tables: which survey, which wave, and what the changes compare. */
function headlines(analysis: SurveyAnalysis, code: (text: string) => string): string[] {
    const f = analysis.figures;
    const count = analysis.waves.length;
    const lines = [`Survey ${code(f.survey)} of cycle ${code(f.cycle)}: ${code(f.wave)}${count > 1 ? ` (wave ${count} of ${count})` : ''}, ${f.responses} ${f.responses === 1 ? 'response' : 'responses'}`];
    if (analysis.changes !== null) {
        lines.push(analysis.earlier !== null
            ? `CSAT change: from ${code(analysis.earlier)} to ${code(f.wave)}`
            : 'CSAT change: none, the wave before this one could not be read');
    }
    return lines;
}

const MARK_NOTE = 'significant: a two-sided, pooled two-proportion z-test gives p < 0.05';

/**
 * For a terminal: aligned columns, every id and path with its control characters shown
 * escaped. `width` measures a text in terminal cells (wide CJK characters take two).
 */
export function analysisText(analysis: SurveyAnalysis, width: (text: string) => number): string {
    const [head, ...rest] = headlines(analysis, terminalText);
    const out = [head, ...rest, ''];
    let marked = false;
    for (const table of tables(analysis)) {
        const rows = table.rows.map(r => r.map(cell => {
            if (cell.kind === 'marked') marked = true;
            return cell.kind === 'id' ? terminalText(cell.text) : cell.kind === 'marked' ? `${cell.text} *` : cell.text;
        }));
        const widths = table.head.map((h, c) => rows.reduce((widest, r) => Math.max(widest, width(r[c] ?? '')), width(h)));
        const line = (cells: readonly string[]): string => '  ' + cells.map((cell, c) => {
            const pad = ' '.repeat(widths[c] - width(cell));
            return table.numeric[c] ? pad + cell : cell + pad;
        }).join('  ').trimEnd();
        out.push(table.title, line(table.head));
        for (const row of rows) out.push(line(row));
        if (rows.length === 0) out.push('  (none)');
        if (table.left && table.left.ids.length > 0) out.push(`  ${table.left.label}: ${table.left.ids.map(terminalText).join(', ')}`);
        out.push('');
    }
    if (marked) out.push(`* ${MARK_NOTE}`, '');
    return out.join('\n');
}

/** For a pull request or a wiki: GitHub tables, ids as code spans, the significant changes in bold. */
export function analysisMarkdown(analysis: SurveyAnalysis): string {
    const [head, ...rest] = headlines(analysis, markdownCode);
    const out = [`## ${head}`, '', ...rest.flatMap(line => [line, '']) ];
    let marked = false;
    for (const table of tables(analysis)) {
        out.push(`### ${table.title}`, '');
        if (table.rows.length === 0) {
            out.push('None.', '');
            if (table.left && table.left.ids.length > 0) out.push(`${table.left.label}: ${table.left.ids.map(markdownCode).join(', ')}.`, '');
            continue;
        }
        const cell = (c: Cell): string => {
            // GitHub splits a table row at every bare `|`, inside a code span too.
            if (c.kind === 'id') return markdownCode(c.text).replace(/\|/g, '\\|');
            // Figures, headings and notes are this file's own text (digits, %, →, enum words): no Markdown in them.
            if (c.kind === 'figure') return c.text;
            marked = true;
            return `**${c.text}** ✱`;
        };
        out.push(`| ${table.head.join(' | ')} |`, `|${table.numeric.slice(0, table.head.length).map(n => (n ? ' ---: ' : ' --- ')).join('|')}|`);
        for (const row of table.rows) out.push(`| ${row.map(cell).join(' | ')} |`);
        out.push('');
        if (table.left && table.left.ids.length > 0) out.push(`${table.left.label}: ${table.left.ids.map(markdownCode).join(', ')}.`, '');
    }
    if (marked) out.push(`✱ ${MARK_NOTE}`, '');
    return out.join('\n');
}
