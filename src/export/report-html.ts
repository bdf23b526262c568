import { htmlText as t } from '../domain/neutralise/html.js';
import type { Report, ReportCard, ReportDiagram } from './report-content.js';
import { selfContainedHead } from './self-contained-head.js';

/**
 * The report's only styles. The page allows exactly this stylesheet (its hash in the
 * Content-Security-Policy), no script, no request: it is a file handed around by
 * e-mail, opened anywhere, so it must neither run nor fetch anything.
 */
export const REPORT_CSS = `
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  color: #1f2328; background: #fff; margin: 0 auto; max-width: 1100px; padding: 32px 24px 48px; line-height: 1.45; }
h1 { font-size: 28px; margin: 0 0 4px; }
h2 { font-size: 21px; margin: 40px 0 12px; padding-bottom: 4px; border-bottom: 2px solid #d0d7de; }
h3 { font-size: 16px; margin: 0 0 8px; }
.kind { color: #57606a; margin: 0 0 16px; text-transform: uppercase; letter-spacing: .06em; font-size: 13px; }
.facts { margin: 0 0 16px; }
.facts dt { font-weight: bold; float: left; clear: left; margin-right: 8px; }
.facts dd { margin: 0 0 4px; }
.counts { display: flex; gap: 16px; flex-wrap: wrap; margin: 16px 0; padding: 0; list-style: none; }
.counts li { border: 1px solid #d0d7de; border-radius: 8px; padding: 10px 16px; min-width: 150px; }
.counts b { display: block; font-size: 30px; }
.counts .alarm { border: 3px dashed #b42318; }
figure { margin: 12px 0; overflow-x: auto; }
figure svg { max-width: 100%; height: auto; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 16px; }
.card { border: 1px solid #d0d7de; border-left: 6px solid #d97706; border-radius: 8px; padding: 14px 16px; break-inside: avoid; }
.card.high { border-left-color: #b42318; }
.card.low { border-left-color: #6e7781; }
.card.unmitigated { border: 3px dashed #b42318; border-left-width: 6px; }
.card .warning { font-weight: bold; color: #b42318; margin: 4px 0 8px; }
.card h4 { margin: 10px 0 2px; font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: #57606a; }
.card ul { margin: 0; padding-left: 20px; }
.card .meta { color: #57606a; font-size: 13px; margin: 0; }
.owner { color: #57606a; }
.owner.none { color: #b42318; font-style: italic; }
.findings { padding-left: 0; list-style: none; }
.findings li { margin: 4px 0; }
.sev { display: inline-block; min-width: 110px; font-weight: bold; }
.sev.error { color: #b42318; }
.sev.warning { color: #9a6700; }
.code { font-family: "DejaVu Sans Mono", monospace; color: #57606a; font-size: 13px; }
.colophon { margin-top: 40px; color: #57606a; font-size: 13px; }
@media print { h2 { break-after: avoid; } figure { break-inside: avoid; } }
`;

function figure(diagram: ReportDiagram): string {
    // The SVG is the renderer's: every label in it is already escaped for XML.
    return `<figure>${diagram.svg}</figure>`;
}

function card(c: ReportCard, report: Report): string {
    const w = report.words.report;
    const classes = ['card', c.severityLevel, c.unmitigated ? 'unmitigated' : ''].filter(Boolean).join(' ');
    const list = (items: readonly string[]): string => items.length
        ? `<ul>${items.join('')}</ul>` : `<p class="meta">${t(w.nothingListed)}</p>`;
    const mitigations = (items: Report['cards'][number]['prevent']): string =>
        list(items.map(m => `<li>${t(m.text)} — <span class="owner${m.hasOwner ? '' : ' none'}">${t(m.owner)}</span></li>`));
    const facts = c.facts.map(([name, value]) => (name ? `${t(name)}: ${t(value)}` : t(value))).join(' · ');
    return `<article class="${classes}">
<h3>${t(c.heading)}</h3>
<p class="meta">${t(w.severity)}: <b>${t(c.severity)}</b>${facts ? ` · ${facts}` : ''}</p>
${c.unmitigated ? `<p class="warning">⚠ ${t(w.noPreventionWarning)}</p>` : ''}
<h4>${t(w.risks)}</h4>${list(c.risks.map(r => `<li>${t(r)}</li>`))}
<h4>${t(w.prevent)}</h4>${mitigations(c.prevent)}
<h4>${t(w.recover)}</h4>${mitigations(c.recover)}
</article>`;
}

/**
 * The report as one self-contained HTML page: the diagrams inline as SVG, the styles
 * in one `<style>` allowed by `styleHash` (`sha256-…` of REPORT_CSS, computed by the
 * caller, which has the crypto), every label escaped.
 */
export function reportHtml(report: Report, styleHash: string): string {
    const w = report.words.report;
    const out: string[] = [];
    out.push(
        // The report also allows `data:` images (the form does not); still nothing is fetched.
        selfContainedHead({ language: report.language, title: `${report.title} — ${w.kind}`, css: REPORT_CSS, styleHash, extraCsp: ['img-src data:'] }),
        '<body>',
        `<h1>${t(report.title)}</h1>`,
        `<p class="kind">${t(w.kind)}</p>`);
    const facts: string[] = [];
    if (report.customer) facts.push(`<dt>${t(w.customer)}:</dt><dd>${t(report.customer)}</dd>`);
    if (report.goal) facts.push(`<dt>${t(w.goal)}:</dt><dd>${t(report.goal)}</dd>`);
    if (facts.length) out.push(`<dl class="facts">${facts.join('')}</dl>`);

    out.push(`<h2>${t(w.glance)}</h2>`,
        '<ul class="counts">',
        `<li><b>${report.counts.moments}</b>${t(w.counts.moments)}</li>`,
        `<li><b>${report.counts.critical}</b>${t(w.counts.critical)}</li>`,
        `<li${report.counts.unmitigated > 0 ? ' class="alarm"' : ''}><b>${report.counts.unmitigated}</b>${t(w.counts.unmitigated)}</li>`,
        '</ul>',
        figure(report.clock));

    out.push(`<h2>${t(w.criticalMoments)}</h2>`);
    out.push(report.cards.length ? `<div class="cards">${report.cards.map(c => card(c, report)).join('\n')}</div>` : `<p>${t(w.noCritical)}</p>`);

    out.push(`<h2>${t(w.blueprint)}</h2>`, figure(report.blueprint));
    out.push(`<h2>${t(w.plan)}</h2>`, figure(report.plan));

    out.push(`<h2>${t(w.survey)}</h2>`);
    if (report.surveys.length === 0) out.push(`<p>${t(w.noSurvey)}</p>`);
    for (const survey of report.surveys) {
        out.push(`<h3>${t(survey.label)}</h3>`, '<ol>');
        for (const q of survey.questions) {
            const about = q.about.length ? ` — ${t(w.about)}: ${q.about.map(t).join(', ')}` : '';
            out.push(`<li>${t(q.label)} <span class="meta">(${t(q.answer)})${about}</span></li>`);
        }
        out.push('</ol>');
    }

    out.push(`<h2>${t(w.findings)}</h2>`);
    if (report.findings.length === 0) out.push(`<p>${t(w.noFindings)}</p>`);
    else {
        out.push('<ul class="findings">');
        for (const f of report.findings) {
            out.push(`<li><span class="sev ${f.severity}">${t(w.findingSeverity[f.severity])}</span> ${t(w.line)} ${f.line}: ${t(f.message)} <span class="code">${t(f.code)}</span></li>`);
        }
        out.push('</ul>');
    }
    out.push(`<p class="colophon">${t(report.colophon)}</p>`, '</body>', '</html>', '');
    return out.join('\n');
}
