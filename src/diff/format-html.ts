import { htmlText } from '../domain/neutralise/html.js';
import { describeChange, type FileDiff } from './format-diff.js';
import { sentenceParts } from './sentence-parts.js';


/** Our sentences mark ids with backticks: show them as code, escape everything. */
function sentence(text: string): string {
    return sentenceParts(text).map(part => (part.code ? `<code>${htmlText(part.text)}</code>` : htmlText(part.text))).join('');
}

/**
 * The semantic diff as an HTML fragment for the editor's "Compare with HEAD" view:
 * risk changes first, then each change, then the diagnostics. Static markup only,
 * every text and attribute value escaped, bidi characters shown by name.
 */
export function formatDiffHtml(diff: FileDiff): string {
    const out: string[] = [];
    if (diff.risks.length > 0) {
        out.push('<section class="risks"><h2>Risk changes</h2><ul>');
        for (const risk of diff.risks) out.push(`<li class="risk ${htmlText(risk.kind)}">${sentence(risk.text)}</li>`);
        out.push('</ul></section>');
    } else {
        out.push('<p class="no-risk">No risk changes.</p>');
    }
    out.push('<section class="changes"><h2>Changes</h2>');
    if (diff.changes.length === 0) out.push('<p>No change in the cycles.</p>');
    else {
        out.push('<ul>');
        for (const c of diff.changes) out.push(`<li class="change ${htmlText(c.change)}" data-kind="${htmlText(c.kind)}">${sentence(describeChange(c))}</li>`);
        out.push('</ul>');
    }
    out.push('</section>');
    if (diff.introduced.length > 0 || diff.resolved.length > 0) {
        out.push('<section class="diagnostics"><h2>Diagnostics</h2><ul>');
        for (const d of diff.introduced) out.push(`<li class="introduced">new ${htmlText(d.severity)} <code>${htmlText(d.code)}</code>: ${sentence(d.message)}</li>`);
        for (const d of diff.resolved) out.push(`<li class="resolved">resolved ${htmlText(d.severity)} <code>${htmlText(d.code)}</code>: ${sentence(d.message)}</li>`);
        out.push('</ul></section>');
    }
    return out.join('\n');
}
