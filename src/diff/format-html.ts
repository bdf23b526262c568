import { htmlText } from '../domain/neutralise/html.js';
import { ENGLISH_CHANGES, type ChangeWords } from '../domain/words/index.js';
import { describeChange } from './describe-change.js';
import type { FileDiff } from './format-diff.js';
import { sentenceParts } from './sentence-parts.js';


/** Our sentences mark ids with backticks: show them as code, escape everything. */
function sentence(text: string): string {
    return sentenceParts(text).map(part => (part.code ? `<code>${htmlText(part.text)}</code>` : htmlText(part.text))).join('');
}

/**
 * The semantic diff as an HTML fragment for the editor's "Compare with HEAD" view:
 * risk changes first, then each change, then the diagnostics. Static markup only,
 * every text and attribute value escaped, bidi characters shown by name. The list's
 * own words are the ones given (the cycle's language); the risk sentences come as the
 * diff wrote them, so a caller wanting them in that language too makes the risks with
 * the same words. The checker's messages stay as the checker wrote them.
 */
export function formatDiffHtml(diff: FileDiff, words: ChangeWords = ENGLISH_CHANGES): string {
    const out: string[] = [];
    if (diff.risks.length > 0) {
        out.push(`<section class="risks"><h2>${htmlText(words.riskChanges)}</h2><ul>`);
        for (const risk of diff.risks) out.push(`<li class="risk ${htmlText(risk.kind)}">${sentence(risk.text)}</li>`);
        out.push('</ul></section>');
    } else {
        out.push(`<p class="no-risk">${htmlText(words.noRiskChanges)}</p>`);
    }
    out.push(`<section class="changes"><h2>${htmlText(words.changes)}</h2>`);
    if (diff.changes.length === 0) out.push(`<p>${htmlText(words.noChange)}</p>`);
    else {
        out.push('<ul>');
        for (const c of diff.changes) out.push(`<li class="change ${htmlText(c.change)}" data-kind="${htmlText(c.kind)}">${sentence(describeChange(c, words))}</li>`);
        out.push('</ul>');
    }
    out.push('</section>');
    if (diff.introduced.length > 0 || diff.resolved.length > 0) {
        out.push(`<section class="diagnostics"><h2>${htmlText(words.diagnostics)}</h2><ul>`);
        for (const d of diff.introduced) out.push(`<li class="introduced">${htmlText(words.introduced[d.severity] ?? d.severity)} <code>${htmlText(d.code)}</code>: ${sentence(d.message)}</li>`);
        for (const d of diff.resolved) out.push(`<li class="resolved">${htmlText(words.resolved[d.severity] ?? d.severity)} <code>${htmlText(d.code)}</code>: ${sentence(d.message)}</li>`);
        out.push('</ul></section>');
    }
    return out.join('\n');
}
