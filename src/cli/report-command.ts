import { extname } from 'node:path';
import { buildReport, type Report, type ReportFinding } from '../export/report-content.js';
import { REPORT_CSS, reportHtml } from '../export/report-html.js';
import type { LanguageCode } from '../domain/words/index.js';
import { withFileRoles } from '../model/cycle-model.js';
import { cspStyleHash } from './csp-style-hash.js';
import { CliError, EXIT_OK, EXIT_USAGE } from './cli-error.js';
import type { CommandIo } from './check-command.js';
import { collectFindings } from './findings.js';
import { missingCjkFontAdvice } from './font-check.js';
import { loadOneFile } from './load-one-file.js';
import { outputTarget } from './output-target.js';
import { bundledFontCoverage, needsSystemFonts } from './png-fonts.js';
import { todayIso } from './today.js';
import { writeFileAtomically } from './write-output.js';

export type ReportFormat = 'html' | 'pdf';

export interface ReportCommandOptions {
    output?: string;
    to?: ReportFormat;
    cycle?: string;
    lang?: LanguageCode;
    today?: string;
    width?: number;
}

const USAGE = 'cycle report makes a report of one .cycle file (cycle report FILE -o report.html|report.pdf).';
const EXTENSIONS: Record<string, ReportFormat> = { '.html': 'html', '.htm': 'html', '.pdf': 'pdf' };

/** The format: `--to`, else the output's extension; the two must agree when both are given. */
function formatOf(output: string | undefined, to: ReportFormat | undefined, toFile: boolean): ReportFormat {
    const byName = toFile && output ? EXTENSIONS[extname(output).toLowerCase()] : undefined;
    if (to && byName && to !== byName) throw new CliError(`${output} names a${byName === 'html' ? 'n HTML' : ' PDF'} file but --to says ${to}: make them agree.`, EXIT_USAGE);
    const format = to ?? byName;
    if (!format) {
        throw new CliError(toFile
            ? `cannot tell the format of ${output}: name it .html or .pdf, or say --to html|pdf.`
            : 'where to? cycle report FILE -o report.html|report.pdf (or --to html to print the HTML).', EXIT_USAGE);
    }
    return format;
}

/** Every text the report draws, for the font check. */
function reportText(report: Report): string[] {
    const w = report.words;
    // The diagrams' labels are the cycle's, listed here, and their words the report's language's.
    const parts: (string | readonly string[])[] = [[report.title, report.customer ?? '', report.goal ?? '', report.colophon, w.goal, w.plan.requirements, w.lanes.action], Object.values(w.report.counts)];
    for (const card of report.cards) {
        parts.push([card.heading], card.risks, card.facts.flat(), card.prevent.map(p => p.text + p.owner), card.recover.map(r => r.text + r.owner));
    }
    for (const survey of report.surveys) parts.push([survey.label], survey.questions.flatMap(q => [q.label, q.answer, ...q.about]));
    parts.push(report.findings.map(f => f.message));
    return parts.flat();
}

async function pdfBytes(report: Report, io: CommandIo): Promise<Buffer> {
    const text = reportText(report);
    let cjk;
    if (needsSystemFonts(text, bundledFontCoverage())) {
        const { findCjkFontFile } = await import('./cjk-font-file.js');
        cjk = findCjkFontFile();
        if (!cjk) {
            io.err(`cycle: ${missingCjkFontAdvice(text.join('\n'), 'PDF')
                ?? 'this report has Chinese, Japanese or Korean text and no font this PDF can embed was found (Noto Sans CJK, WenQuanYi…); install one (Debian: apt-get install fonts-noto-cjk).'}\n`);
        }
    }
    // pdfkit is loaded only when a PDF is asked for: `cycle report -o x.html` does not carry it.
    const { reportPdf } = await import('./report-pdf.js');
    return reportPdf(report, { cjk });
}

/** `cycle report FILE -o report.html|report.pdf`: the document for stakeholders. */
export async function runReport(file: string, options: ReportCommandOptions, io: CommandIo): Promise<number> {
    const target = outputTarget(options.output, [file]);
    const format = formatOf(options.output, options.to, target.kind === 'file');
    if (format === 'pdf' && target.kind === 'stdout') throw new CliError('a PDF goes to a file: cycle report FILE -o report.pdf', EXIT_USAGE);
    // The rules run: the report lists what `cycle check` would say of the file.
    const { displayPath, model, checked } = await loadOneFile(file, USAGE, 'report on', { validate: true, output: target.kind === 'file' ? target.path : undefined });
    if (model.cycles.length === 0) throw new CliError(`${displayPath} has no cycle to report on.`, EXIT_USAGE);
    const chosen = options.cycle === undefined ? model.cycles[0] : model.cycles.find(c => c.id === options.cycle);
    if (!chosen) throw new CliError(`${displayPath} has no cycle \`${options.cycle}\`; it has ${model.cycles.map(c => `\`${c.id}\``).join(', ')}.`, EXIT_USAGE);
    const cycle = withFileRoles(chosen, model.roles);
    const findings: ReportFinding[] = collectFindings([checked]).map(f => ({ line: f.line, column: f.column, severity: f.severity, code: f.code, message: f.message }));
    const report = buildReport(cycle, findings, { file: displayPath, today: options.today ?? todayIso(), language: options.lang, width: options.width });
    if (format === 'html') {
        const html = reportHtml(report, cspStyleHash(REPORT_CSS));
        if (target.kind === 'stdout') {
            io.out(html);
            return EXIT_OK;
        }
        writeFileAtomically(target.path, html);
    } else {
        writeFileAtomically((target as { path: string }).path, await pdfBytes(report, io));
    }
    io.err(`cycle: wrote ${(target as { path: string }).path} (report on ${cycle.id}, ${report.cards.length} critical ${report.cards.length === 1 ? 'moment' : 'moments'}, ${findings.length} ${findings.length === 1 ? 'finding' : 'findings'}).\n`);
    return EXIT_OK;
}
