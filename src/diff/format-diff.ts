import { jsonText } from '../domain/neutralise/json.js';
import { markdownCode, markdownText } from '../domain/neutralise/markdown.js';
import { sentenceParts } from './sentence-parts.js';
import { terminalText as safe } from '../domain/neutralise/terminal.js';
import type { Change } from './diff-cycles.js';
import type { RiskChange } from './risk-changes.js';
import { describeChange } from './describe-change.js';

/** A diagnostic as the diff reports it: introduced or resolved by the change. */
export interface DiagnosticChange {
    file: string;
    severity: 'error' | 'warning' | 'info';
    code: string;
    message: string;
}

/** The semantic diff of one file (or of two files compared directly). */
export interface FileDiff {
    /** The path shown to the reader. */
    file: string;
    status: 'added' | 'deleted' | 'modified';
    changes: Change[];
    risks: RiskChange[];
    introduced: DiagnosticChange[];
    resolved: DiagnosticChange[];
}

export interface TextColors {
    added(text: string): string;
    removed(text: string): string;
    changed(text: string): string;
    moved(text: string): string;
    bold(text: string): string;
    dim(text: string): string;
}

const SIGN = { added: '+', removed: '-', changed: '~', moved: '↕' } as const;

/**
 * For a terminal: the risk changes first, then every change, then the diagnostics.
 * Every text from the files (labels, ids, messages, file names) goes through `safe`:
 * an escape sequence in a label could otherwise erase the risk line above it.
 */
export function formatDiffText(diffs: FileDiff[], colors: TextColors): string {
    const out: string[] = [];
    const paint = (c: Change) => colors[c.change];
    for (const diff of diffs) {
        out.push(colors.bold(`${safe(diff.file)}${diff.status === 'modified' ? '' : ` (${diff.status})`}`));
        if (diff.changes.length === 0) out.push(colors.dim('  no change in the cycles'));
        for (const risk of diff.risks) out.push(`  ${colors.removed('⚠')} ${safe(risk.text)}`);
        let cycle: string | null | undefined;
        for (const c of diff.changes) {
            if (c.cycle !== cycle) {
                cycle = c.cycle;
                out.push(colors.dim(cycle ? `  cycle ${safe(cycle)}` : '  top level'));
            }
            out.push(`    ${paint(c)(SIGN[c.change])} ${safe(describeChange(c))}`);
        }
        for (const d of diff.introduced) out.push(`  ${colors.removed('+')} ${d.severity} ${safe(d.code)}: ${safe(d.message)}`);
        for (const d of diff.resolved) out.push(`  ${colors.added('✓')} resolved ${d.severity} ${safe(d.code)}: ${safe(d.message)}`);
        out.push('');
    }
    const total = diffs.reduce((n, d) => n + d.changes.length, 0);
    out.push(`${total} ${total === 1 ? 'change' : 'changes'} in ${diffs.length} ${diffs.length === 1 ? 'file' : 'files'}.`);
    return out.join('\n') + '\n';
}

/**
 * Code spans in our sentences stay code; everything else is escaped, and defused
 * (mentions, links, bidi characters) as every text GitHub shows must be.
 */
function markdownSentence(text: string): string {
    return sentenceParts(text).map(part => (part.code ? markdownCode(part.text) : markdownText(part.text))).join('');
}

/**
 * For a pull-request comment: the risk changes first (what a reviewer must not miss),
 * then a summary table, then the details and the diagnostics the change introduces
 * and resolves.
 */
export function formatDiffMarkdown(diffs: FileDiff[]): string {
    const out: string[] = ['## Service cycle changes', ''];
    const risks = diffs.flatMap(d => d.risks.map(r => ({ file: d.file, risk: r })));
    if (risks.length > 0) {
        out.push('### ⚠️ Risk changes', '');
        const title: Record<RiskChange['kind'], string> = { 'mitigation-removed': 'Mitigation removed', 'new-unmitigated': 'New unmitigated critical moment', 'severity-raised': 'Severity raised', 'wait-lengthened': 'Wait lengthened', 'wait-limit-removed': 'Wait limit removed' };
        for (const { file, risk } of risks) out.push(`- **${title[risk.kind]}** in ${markdownCode(risk.cycle)} (${markdownCode(file)}): ${markdownSentence(risk.text)}`);
        out.push('');
    } else {
        out.push('No risk changes: no mitigation removed, no new unmitigated critical moment, no severity raised, no wait lengthened or left unlimited.', '');
    }
    out.push('### Summary', '', '| file | added | removed | changed | moved | diagnostics |', '|---|---:|---:|---:|---:|---|');
    for (const d of diffs) {
        const count = (t: Change['change']) => d.changes.filter(c => c.change === t).length;
        const diagnostics = [d.introduced.length ? `+${d.introduced.length} introduced` : '', d.resolved.length ? `−${d.resolved.length} resolved` : ''].filter(Boolean).join(', ') || '—';
        out.push(`| ${markdownCode(d.file)}${d.status === 'modified' ? '' : ` (${d.status})`} | ${count('added')} | ${count('removed')} | ${count('changed')} | ${count('moved')} | ${diagnostics} |`);
    }
    out.push('');
    out.push('### Details', '');
    const icon = { added: '➕', removed: '➖', changed: '✏️', moved: '↕️' };
    for (const d of diffs) {
        out.push(`#### ${markdownCode(d.file)}${d.status === 'modified' ? '' : ` (${d.status})`}`, '');
        if (d.changes.length === 0) out.push('No change in the cycles.', '');
        let cycle: string | null | undefined;
        for (const c of d.changes) {
            if (c.cycle !== cycle) {
                cycle = c.cycle;
                // A blank line before as well as after: else Markdown folds the heading into the last bullet.
                out.push('', cycle ? `Cycle ${markdownCode(cycle)}:` : 'Top level:', '');
            }
            out.push(`- ${icon[c.change]} ${markdownSentence(describeChange(c))}`);
        }
        if (d.changes.length > 0) out.push('');
        if (d.introduced.length > 0 || d.resolved.length > 0) {
            out.push('Diagnostics:', '');
            for (const x of d.introduced) out.push(`- 🆕 ${x.severity} ${markdownCode(x.code)}: ${markdownSentence(x.message)}`);
            for (const x of d.resolved) out.push(`- ✅ resolved ${x.severity} ${markdownCode(x.code)}: ${markdownSentence(x.message)}`);
            out.push('');
        }
    }
    return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

/**
 * The spec's JSON, with the diagnostics the change introduces and resolves; C1 and bidi
 * characters written as `\uXXXX` escapes (the same value, safe to print).
 */
export function formatDiffJson(diffs: FileDiff[], withFiles: boolean): string {
    const changes = diffs.flatMap(d => d.changes.map(c => (withFiles ? { ...c, file: d.file } : c)));
    return jsonText({
        changes,
        diagnostics: {
            introduced: diffs.flatMap(d => d.introduced),
            resolved: diffs.flatMap(d => d.resolved)
        }
    }) + '\n';
}
