import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { Report, ReportCard, ReportDiagram } from '../export/report-content.js';
import type { CjkFontFile } from './cjk-font-file.js';
import { bundledFontFiles } from './png-fonts.js';

/** The fonts the PDF embeds: DejaVu Sans (regular, bold, oblique, bold oblique), or one CJK face for all four. */
export interface PdfFonts {
    readonly cjk?: CjkFontFile;
}

type Face = 'regular' | 'bold' | 'italic' | 'boldItalic';
const FACE_NAMES: Record<Face, string> = { regular: 'Body', bold: 'Body-Bold', italic: 'Body-Oblique', boldItalic: 'Body-BoldOblique' };

const INK = '#1f2328';
const MUTED = '#57606a';
const ALARM = '#b42318';
const SEVERITY_COLOUR: Record<ReportCard['severityLevel'], string> = { high: ALARM, medium: '#d97706', low: '#6e7781' };
const MARGIN = 48;

/**
 * Registers the faces under fixed names. pdfkit's own standard fonts (Helvetica…) are
 * never used: they cover no Cyrillic, and they are read from data files beside
 * pdfkit's code, which the CLI's bundle does not carry.
 */
function registerFonts(doc: PDFKit.PDFDocument, fonts: PdfFonts): void {
    if (fonts.cjk) {
        // CJK faces carry Latin too and have no italics; bold where the system has it.
        const { path, postscriptName, bold } = fonts.cjk;
        doc.registerFont(FACE_NAMES.regular, path, postscriptName as string);
        doc.registerFont(FACE_NAMES.italic, path, postscriptName as string);
        doc.registerFont(FACE_NAMES.bold, bold?.path ?? path, (bold ? bold.postscriptName : postscriptName) as string);
        doc.registerFont(FACE_NAMES.boldItalic, bold?.path ?? path, (bold ? bold.postscriptName : postscriptName) as string);
        return;
    }
    const [regular, bold, italic, boldItalic] = bundledFontFiles();
    doc.registerFont(FACE_NAMES.regular, regular);
    doc.registerFont(FACE_NAMES.bold, bold);
    doc.registerFont(FACE_NAMES.italic, italic);
    doc.registerFont(FACE_NAMES.boldItalic, boldItalic);
}

/**
 * The SVG without its own size: svg-to-pdfkit would draw it at that size (in points),
 * whatever room it is given; with only its viewBox it is scaled into that room.
 */
function fillViewport(svg: string): string {
    return svg.replace(/^(<svg\b[^>]*?) width="[^"]*" height="[^"]*"/, '$1');
}

/** The diagram, as large as the room below the cursor (or a whole page) allows, text kept as text. */
function drawDiagram(doc: PDFKit.PDFDocument, diagram: ReportDiagram): void {
    const width = doc.page.width - 2 * MARGIN;
    const bottom = doc.page.height - MARGIN;
    let scale = Math.min(width / diagram.width, 1.2);
    if (doc.y + diagram.height * scale > bottom) {
        const onThisPage = (bottom - doc.y) / diagram.height;
        // Shrunk a little to fit below a heading, else moved to a page of its own.
        if (onThisPage >= scale * 0.75) scale = onThisPage;
        else {
            doc.addPage();
            scale = Math.min(scale, (bottom - doc.y) / diagram.height);
        }
    }
    const drawnWidth = diagram.width * scale;
    const x = MARGIN + (width - drawnWidth) / 2;
    SVGtoPDF(doc, fillViewport(diagram.svg), x, doc.y, {
        width: drawnWidth,
        height: diagram.height * scale,
        assumePt: true,
        fontCallback: (_family: string, bold: boolean, italic: boolean) =>
            FACE_NAMES[bold && italic ? 'boldItalic' : bold ? 'bold' : italic ? 'italic' : 'regular']
    });
    doc.y += diagram.height * scale + 12;
    doc.x = MARGIN;
}

function heading(doc: PDFKit.PDFDocument, text: string, newPage: boolean, layout: 'portrait' | 'landscape' = 'portrait'): void {
    if (newPage) doc.addPage({ layout, margin: MARGIN });
    doc.font(FACE_NAMES.bold).fontSize(17).fillColor(INK).text(text, MARGIN, doc.y, { width: doc.page.width - 2 * MARGIN });
    const y = doc.y + 3;
    doc.moveTo(MARGIN, y).lineTo(doc.page.width - MARGIN, y).lineWidth(1).strokeColor('#d0d7de').stroke();
    doc.y = y + 10;
}

/** Starts a new page when fewer than `points` remain on this one. */
function keepRoom(doc: PDFKit.PDFDocument, points: number): void {
    if (doc.y + points > doc.page.height - MARGIN) doc.addPage();
}

function drawCard(doc: PDFKit.PDFDocument, card: ReportCard, report: Report): void {
    const w = report.words.report;
    keepRoom(doc, 160);
    const page = doc.page;
    const top = doc.y;
    const left = MARGIN + 14;
    const width = doc.page.width - left - MARGIN;
    doc.font(FACE_NAMES.bold).fontSize(12.5).fillColor(INK).text(card.heading, left, top, { width });
    const facts = card.facts.map(([name, value]) => (name ? `${name}: ${value}` : value));
    doc.font(FACE_NAMES.regular).fontSize(9.5).fillColor(MUTED)
        .text([`${w.severity}: ${card.severity}`, ...facts].join(' · '), left, doc.y + 2, { width });
    if (card.unmitigated) doc.font(FACE_NAMES.bold).fontSize(10.5).fillColor(ALARM).text(w.noPreventionWarning, left, doc.y + 3, { width });
    const section = (title: string, lines: readonly { text: string; owner?: string; hasOwner?: boolean }[]): void => {
        doc.font(FACE_NAMES.bold).fontSize(9).fillColor(MUTED).text(title.toLocaleUpperCase(report.language), left, doc.y + 6, { width });
        if (lines.length === 0) {
            doc.font(FACE_NAMES.italic).fontSize(10.5).fillColor(MUTED).text(w.nothingListed, left + 10, doc.y + 1, { width: width - 10 });
            return;
        }
        for (const line of lines) {
            doc.font(FACE_NAMES.regular).fontSize(10.5).fillColor(INK).text(`•  ${line.text}`, left + 4, doc.y + 1, { width: width - 4, continued: line.owner !== undefined });
            if (line.owner !== undefined) {
                doc.font(line.hasOwner ? FACE_NAMES.regular : FACE_NAMES.italic).fillColor(line.hasOwner ? MUTED : ALARM).text(` — ${line.owner}`);
            }
        }
    };
    section(w.risks, card.risks.map(text => ({ text })));
    section(w.prevent, card.prevent);
    section(w.recover, card.recover);
    const bottom = doc.y + 4;
    if (doc.page === page) {
        // The severity bar down the card's left edge, dashed when nothing prevents the failure (shape, not only colour).
        doc.save().moveTo(MARGIN + 3, top).lineTo(MARGIN + 3, bottom).lineWidth(card.unmitigated ? 5 : 4)
            .strokeColor(SEVERITY_COLOUR[card.severityLevel]);
        if (card.unmitigated) doc.dash(6, { space: 3 });
        doc.stroke().undash().restore();
    }
    doc.x = MARGIN;
    doc.y = bottom + 14;
}

/** The report as a PDF: A4, text selectable, the fonts embedded (subset), the diagrams as vector graphics. */
export function reportPdf(report: Report, fonts: PdfFonts): Promise<Buffer> {
    const w = report.words.report;
    const doc = new PDFDocument({
        size: 'A4', margin: MARGIN, lang: report.language, displayTitle: true, bufferPages: false,
        // No standard font: see registerFonts.
        font: null as unknown as string,
        info: { Title: `${report.title} — ${w.kind}`, Creator: 'cycle report', Producer: 'cycle report (pdfkit)' }
    });
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
        doc.on('data', (chunk: Buffer) => chunks.push(chunk));
        doc.on('end', () => resolve(Buffer.concat(chunks)));
        doc.on('error', reject);
    });
    registerFonts(doc, fonts);
    const textWidth = doc.page.width - 2 * MARGIN;

    doc.font(FACE_NAMES.bold).fontSize(24).fillColor(INK).text(report.title, MARGIN, MARGIN, { width: textWidth });
    doc.font(FACE_NAMES.regular).fontSize(10).fillColor(MUTED).text(w.kind.toLocaleUpperCase(report.language), { width: textWidth, characterSpacing: 0.6 });
    doc.moveDown(0.6);
    for (const [name, value] of [[w.customer, report.customer], [w.goal, report.goal]] as const) {
        if (!value) continue;
        doc.font(FACE_NAMES.bold).fontSize(11).fillColor(INK).text(`${name}: `, { continued: true, width: textWidth }).font(FACE_NAMES.regular).text(value);
    }
    doc.moveDown(0.8);
    heading(doc, w.glance, false);
    const counts: [number, string, boolean][] = [
        [report.counts.moments, w.counts.moments, false],
        [report.counts.critical, w.counts.critical, false],
        [report.counts.unmitigated, w.counts.unmitigated, report.counts.unmitigated > 0]
    ];
    const boxWidth = (textWidth - 2 * 12) / 3;
    const boxTop = doc.y;
    counts.forEach(([n, label, alarm], i) => {
        const x = MARGIN + i * (boxWidth + 12);
        doc.save().roundedRect(x, boxTop, boxWidth, 58, 6).lineWidth(alarm ? 2.5 : 1).strokeColor(alarm ? ALARM : '#d0d7de');
        if (alarm) doc.dash(6, { space: 3 });
        doc.stroke().undash().restore();
        doc.font(FACE_NAMES.bold).fontSize(22).fillColor(alarm ? ALARM : INK).text(String(n), x + 10, boxTop + 6, { width: boxWidth - 20 });
        doc.font(FACE_NAMES.regular).fontSize(9.5).fillColor(MUTED).text(label, x + 10, boxTop + 34, { width: boxWidth - 20, height: 22, ellipsis: true });
    });
    doc.x = MARGIN;
    doc.y = boxTop + 58 + 16;
    drawDiagram(doc, report.clock);

    heading(doc, w.criticalMoments, true);
    if (report.cards.length === 0) doc.font(FACE_NAMES.regular).fontSize(11).fillColor(INK).text(w.noCritical, { width: textWidth });
    for (const card of report.cards) drawCard(doc, card, report);

    // The blueprint keeps a slide's proportions: a landscape page holds it best.
    heading(doc, w.blueprint, true, 'landscape');
    drawDiagram(doc, report.blueprint);
    heading(doc, w.plan, true, report.plan.width > report.plan.height ? 'landscape' : 'portrait');
    drawDiagram(doc, report.plan);

    heading(doc, w.survey, true);
    const width = doc.page.width - 2 * MARGIN;
    if (report.surveys.length === 0) doc.font(FACE_NAMES.regular).fontSize(11).fillColor(INK).text(w.noSurvey, { width });
    for (const survey of report.surveys) {
        keepRoom(doc, 60);
        doc.font(FACE_NAMES.bold).fontSize(12.5).fillColor(INK).text(survey.label, MARGIN, doc.y, { width });
        doc.moveDown(0.3);
        survey.questions.forEach((q, i) => {
            keepRoom(doc, 30);
            doc.font(FACE_NAMES.regular).fontSize(10.5).fillColor(INK).text(`${i + 1}.  ${q.label}`, MARGIN + 6, doc.y, { width: width - 6 });
            const about = q.about.length ? ` — ${w.about}: ${q.about.join(', ')}` : '';
            doc.font(FACE_NAMES.regular).fontSize(9).fillColor(MUTED).text(`${q.answer}${about}`, MARGIN + 22, doc.y + 1, { width: width - 22 });
            doc.moveDown(0.35);
        });
        doc.moveDown(0.6);
    }

    doc.moveDown(1);
    keepRoom(doc, 80);
    heading(doc, w.findings, false);
    if (report.findings.length === 0) doc.font(FACE_NAMES.regular).fontSize(11).fillColor(INK).text(w.noFindings, MARGIN, doc.y, { width });
    for (const f of report.findings) {
        keepRoom(doc, 28);
        const colour = f.severity === 'error' ? ALARM : f.severity === 'warning' ? '#9a6700' : MUTED;
        doc.font(FACE_NAMES.bold).fontSize(10).fillColor(colour).text(`${w.findingSeverity[f.severity]} · ${w.line} ${f.line}: `, MARGIN, doc.y, { width, continued: true })
            .font(FACE_NAMES.regular).fillColor(INK).text(`${f.message} `, { continued: true })
            .fillColor(MUTED).text(`(${f.code})`);
        doc.moveDown(0.3);
    }
    doc.moveDown(1.5);
    doc.font(FACE_NAMES.italic).fontSize(9).fillColor(MUTED).text(report.colophon, MARGIN, doc.y, { width });
    doc.end();
    return done;
}
