import { layoutCycle } from '../diagram/index.js';
import { languageOf, type LayoutOptions } from '../diagram/layout-options.js';
import { formatWait, roleName } from '../diagram/parts.js';
import { renderSvg } from '../diagram/render-svg.js';
import { wordsFor, type LanguageCode, type Words } from '../domain/words/index.js';
import { cycleStats, type AnswerModel, type CycleModel, type MitigationModel } from '../model/cycle-model.js';

/**
 * What `cycle report` says of one cycle, decided once so that its HTML and its PDF
 * cannot disagree: plain text (never markup: each output neutralises it for its own
 * format) and the three diagrams as SVG, drawn by the same code as `cycle render`.
 */

/** One finding of `cycle check` on the file, as the report lists it. */
export interface ReportFinding {
    readonly line: number;
    readonly column: number;
    readonly severity: 'error' | 'warning' | 'info';
    readonly code: string;
    readonly message: string;
}

export interface ReportDiagram {
    readonly svg: string;
    readonly width: number;
    readonly height: number;
}

interface ReportMitigation {
    readonly text: string;
    /** The owner's role label (else its id), or the words for "no owner". */
    readonly owner: string;
    readonly hasOwner: boolean;
}

export interface ReportCard {
    readonly id: string;
    readonly heading: string;
    /** Phase, role, channel and wait, each `name: value`, only those the moment has. */
    readonly facts: readonly (readonly [string, string])[];
    readonly severity: string;
    readonly severityLevel: 'low' | 'medium' | 'high';
    readonly unmitigated: boolean;
    readonly risks: readonly string[];
    readonly prevent: readonly ReportMitigation[];
    readonly recover: readonly ReportMitigation[];
}

interface ReportQuestion {
    readonly label: string;
    readonly answer: string;
    /** The labels of the moments it asks about. */
    readonly about: readonly string[];
}

interface ReportSurvey {
    readonly label: string;
    readonly questions: readonly ReportQuestion[];
}

export interface Report {
    readonly language: LanguageCode;
    readonly words: Words;
    readonly title: string;
    readonly customer: string | null;
    readonly goal: string | null;
    readonly counts: { readonly moments: number; readonly critical: number; readonly unmitigated: number };
    readonly clock: ReportDiagram;
    readonly cards: readonly ReportCard[];
    readonly blueprint: ReportDiagram;
    readonly plan: ReportDiagram;
    readonly surveys: readonly ReportSurvey[];
    readonly findings: readonly ReportFinding[];
    /** The closing line (date and file). */
    readonly colophon: string;
}

export interface ReportOptions extends LayoutOptions {
    /** The file as the user named it, for the closing line. */
    readonly file: string;
    /** `YYYY-MM-DD`: the plan's overdue marks and the closing line. */
    readonly today: string;
}

function diagram(cycle: CycleModel, view: 'clock' | 'blueprint' | 'plan', options: LayoutOptions): ReportDiagram {
    // The clock carries its callouts: the report is where risks and owners are read.
    const scene = layoutCycle(cycle, view, { ...options, detail: view === 'clock' ? true : options.detail });
    return { svg: renderSvg(scene, 'light'), width: scene.width, height: scene.height };
}

function mitigation(cycle: CycleModel, words: Words, m: MitigationModel): ReportMitigation {
    return m.owner
        ? { text: m.text, owner: roleName(cycle, m.owner), hasOwner: true }
        : { text: m.text, owner: words.noOwner, hasOwner: false };
}

function answerText(answer: AnswerModel | null, words: Words): string {
    const names = words.report.answers;
    if (!answer) return names.none;
    switch (answer.kind) {
        case 'scale': {
            const ends = answer.lowLabel || answer.highLabel ? ` (${answer.lowLabel ?? answer.low} … ${answer.highLabel ?? answer.high})` : '';
            return `${names.scale} ${answer.low}–${answer.high}${ends}`;
        }
        case 'number': return answer.unit ? `${names.number} (${answer.unit})` : names.number;
        case 'choice': return `${names.choice}: ${answer.options.join(' / ')}`;
        default: return names[answer.kind];
    }
}

/** The report of `cycle` (with the file's roles already added), in its language or `options.language`. */
export function buildReport(cycle: CycleModel, findings: readonly ReportFinding[], options: ReportOptions): Report {
    const language = languageOf(cycle, options);
    const words = wordsFor(language);
    const layout: LayoutOptions = { language, today: options.today, width: options.width };
    const momentLabel = new Map(cycle.moments.map(m => [m.id, m.label || m.id]));
    const cards: ReportCard[] = cycle.moments.filter(m => m.critical).map(m => {
        const critical = m.critical!;
        const facts: [string, string][] = [];
        if (m.phase) facts.push([words.report.phase, m.phase]);
        if (m.by) facts.push([words.report.by, roleName(cycle, m.by)]);
        if (m.channel) facts.push([words.report.channel, words.channels[m.channel] ?? m.channel]);
        const wait = formatWait(m, words);
        if (wait) facts.push(['', wait]);
        return {
            id: m.id,
            heading: `${words.report.step(m.step)} · ${m.label || m.id}`,
            facts,
            severity: words.severity[critical.severity],
            severityLevel: critical.severity,
            unmitigated: m.unmitigated,
            risks: critical.risks.map(r => r.text),
            prevent: critical.prevent.map(p => mitigation(cycle, words, p)),
            recover: critical.recover.map(r => mitigation(cycle, words, r))
        };
    });
    return {
        language,
        words,
        title: cycle.label || cycle.id,
        customer: cycle.customer,
        goal: cycle.goal,
        counts: cycleStats(cycle),
        clock: diagram(cycle, 'clock', layout),
        cards,
        blueprint: diagram(cycle, 'blueprint', layout),
        plan: diagram(cycle, 'plan', layout),
        surveys: cycle.surveys.map(s => ({
            label: s.label || s.id,
            questions: s.questions.map(q => ({ label: q.label || q.id, answer: answerText(q.answer, words), about: q.about.map(id => momentLabel.get(id) ?? id) }))
        })),
        findings,
        colophon: words.report.madeOn(options.today, options.file)
    };
}
