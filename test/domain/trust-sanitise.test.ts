import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/cli/formats/json-format.js';
import { formatPretty, NO_COLORS } from '../../src/cli/formats/pretty-format.js';
import { formatSarif } from '../../src/cli/formats/sarif-format.js';
import type { SourcedFinding } from '../../src/cli/findings.js';
import { PLAIN_DIFF_COLORS } from '../../src/cli/diff-command.js';
import { renderCycleSvg, VIEWS } from '../../src/diagram/index.js';
import { diffFiles } from '../../src/diff/diff-cycles.js';
import { formatDiffJson, formatDiffMarkdown, formatDiffText, type FileDiff } from '../../src/diff/format-diff.js';
import { formatDiffHtml } from '../../src/diff/format-html.js';
import { riskChanges } from '../../src/diff/risk-changes.js';
import { fileToMarkdownReport } from '../../src/export/markdown-report.js';
import { cycleToMermaidJourney } from '../../src/export/mermaid.js';
import { mermaidTaskName, mermaidText } from '../../src/domain/neutralise/mermaid.js';
import { balanceBidi } from '../../src/domain/neutralise/svg.js';
import { terminalText } from '../../src/domain/neutralise/terminal.js';
import { createCycleCoreServices } from '../../src/model/services.js';
import type { Document } from '../../src/language/generated/ast.js';
import { buildFileModel } from '../../src/model/build-model.js';
import type { FileModel } from '../../src/model/cycle-model.js';
import { parseJourney } from '../export/mermaid-journey-parser.js';

const services = createCycleCoreServices(EmptyFileSystem).Cycle;
let counter = 0;
function model(text: string): FileModel {
    const document = services.shared.workspace.LangiumDocumentFactory.fromString<Document>(text, URI.file(`/trust/${++counter}.cycle`));
    return buildFileModel(document.parseResult.value, document.uri.toString());
}

/** A label as it is written in a .cycle file: `\` and `"` escaped. */
function quoted(label: string): string {
    return '"' + label.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
}

/** Any character a terminal would obey, but the line breaks of the output itself. */
const TERMINAL_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const ERASE_LINE_ABOVE = '\u001b[1A\u001b[2K';

describe('issue 10 item 9: Mermaid export', () => {
    const labels = [
        '%% a comment', '%%% three', '% off today', 'Title deed signed', 'title', 'Section chief calls', 'section x',
        'Journey planned', 'journey', 'JOURNEY-map', 'accDescr { opens a block', 'accTitle: retitles', 'ends with %%',
        'a%%b', '50%%% off', '#1 choice; really', 'Pays: cash, card', 'plain'
    ];
    const text = `cycle c "title %% odd"\n  goal "g"\n  phase "%% phase"\n${labels.map((l, i) => `  moment m${i} ${quoted(l)}\n`).join('')}` +
        '  phase "section Two"\n  moment last "accDescr: last"\n';

    it('issue 10 item 9: a label starting with a keyword or holding a comment stays exactly one task (real Mermaid grammar)', async () => {
        const cycle = model(text).cycles[0];
        const journey = cycleToMermaidJourney(cycle);
        const parsed = await parseJourney(journey);
        expect(parsed.tasks.map(t => t.task.replace(/\u2060/g, '').trim())).toEqual([...labels, 'accDescr: last'].map(mermaidText));
        expect(parsed.sections).toEqual([mermaidText('%% phase'), mermaidText('section Two')]);
        expect(parsed.title).toBe(mermaidText('title %% odd'));
        expect(journey.match(/^journey$/gm)).toHaveLength(1);
        expect(journey).not.toContain('%');
        // Readable still: the words are there.
        expect(parsed.tasks[3].task).toContain('Title deed signed');
        expect(parsed.tasks[14].task).toContain('50％％％ off');
    });

    it('issue 10 item 9: cleaning leaves no `%%` anywhere and is idempotent', () => {
        for (const label of ['%%%', '%%%%%', 'a %% b %%% c', '%{init}%', '%%{init: {"theme":"dark"}}%%', ...labels]) {
            const once = mermaidTaskName(label);
            expect(once).not.toContain('%');
            expect(mermaidTaskName(once)).toBe(once);
            expect(mermaidText(mermaidText(label))).toBe(mermaidText(label));
        }
    });

    it('issue 10 item 9: control and bidi characters become visible names, never line breaks', async () => {
        const cycle = model(`cycle c "C"\n  goal "g"\n  moment m ${quoted('a\u202Eb\u001b[2Jc\u2028d')}\n`).cycles[0];
        const journey = cycleToMermaidJourney(cycle);
        expect(journey).not.toMatch(TERMINAL_CONTROL);
        expect(journey).toContain('a[U+202E]b[U+001B][2Jc[U+2028]d');
        expect((await parseJourney(journey)).tasks).toHaveLength(1);
    });
});

function finding(partial: Partial<SourcedFinding>): SourcedFinding {
    return { file: 'a.cycle', line: 3, column: 1, endLine: 3, endColumn: 2, severity: 'warning', code: 'critical-unmitigated', message: 'm', sourceLine: 'x', ...partial };
}

describe('issue 10 item 11: terminal output shows control characters escaped', () => {
    it('issue 10 item 11: pretty check output escapes the message, the file name and the source line, with the caret still in place', () => {
        const sourceLine = '  moment m "\u001b[2J\u009b31mevil"';
        const column = sourceLine.indexOf('evil') + 1;
        const out = formatPretty([finding({
            file: 'a\u001b]0;pwned\u0007.cycle', message: `Moment \`m\` ${ERASE_LINE_ABOVE}has no prevent mitigation.`,
            sourceLine, column, endColumn: column + 4
        })], 1, NO_COLORS);
        expect(out).not.toMatch(TERMINAL_CONTROL);
        const [head, source, caret] = out.split('\n');
        expect(head).toBe('a.cycle'.replace('a', 'a\\x1b]0;pwned\\x07') + ':3:' + column + ' warning critical-unmitigated Moment `m` \\x1b[1A\\x1b[2Khas no prevent mitigation.');
        expect(source).toBe('  3 |   moment m "\\x1b[2J\\u009b31mevil"');
        expect(caret.indexOf('^')).toBe(source.indexOf('evil'));
        expect(caret.match(/\^/g)).toHaveLength(4);
    });

    it('issue 10 item 11: a label cannot erase the "loses the only prevent mitigation" line of `cycle diff`', () => {
        const before = 'cycle c "C"\n  goal "g"\n  moment m "Pays"\n    critical\n      risk "r"\n      prevent "Check"\n        owner clerk\n  role clerk "Clerk"\n';
        const after = before.replace('      prevent "Check"\n        owner clerk\n', '') + `  moment n ${quoted(`${ERASE_LINE_ABOVE}\u202Eevil`)}\n`;
        const [old, now] = [model(before), model(after)];
        const changes = diffFiles(old, now);
        const diff: FileDiff = {
            file: `c${ERASE_LINE_ABOVE}.cycle`, status: 'modified', changes, risks: riskChanges(old, now, changes),
            introduced: [{ file: 'c.cycle', severity: 'warning', code: 'critical-unmitigated', message: `Critical moment \`m\`${ERASE_LINE_ABOVE} has no prevent mitigation.` }], resolved: []
        };
        const text = formatDiffText([diff], PLAIN_DIFF_COLORS);
        expect(text).not.toMatch(TERMINAL_CONTROL);
        expect(text).toContain('loses the only prevent mitigation');
        expect(text).toContain('moment `n` added: "\\x1b[1A\\x1b[2K\\u202eevil"');
        expect(text).toContain('c\\x1b[1A\\x1b[2K.cycle');
    });
});

describe('issue 10 item 11: JSON outputs escape what JSON.stringify leaves raw, with the same value', () => {
    const message = 'Moment `m` \u009b2J\u007f\u202Eevil\u2028';
    it('issue 10 item 11: check --format json and sarif', () => {
        const f = finding({ message, file: 'b\u202E.cycle' });
        for (const out of [formatJson([f]), formatSarif([f], '1.0.0')]) {
            expect(out).not.toMatch(/[\u007f-\u009f\u202e\u2028]/);
            expect(out).toContain('\\u009b2J\\u007f\\u202eevil\\u2028');
        }
        expect(JSON.parse(formatJson([f]))[0].message).toBe(message);
        expect(JSON.parse(formatSarif([f], '1.0.0')).runs[0].results[0].message.text).toBe(message);
    });

    it('issue 10 item 11: diff --format json', () => {
        const [old, now] = [model('cycle c "C"\n  goal "g"\n'), model(`cycle c "C"\n  goal "g"\n  moment m ${quoted(message)}\n`)];
        const out = formatDiffJson([{ file: 'c.cycle', status: 'modified', changes: diffFiles(old, now), risks: [], introduced: [], resolved: [] }], false);
        expect(out).not.toMatch(/[\u007f-\u009f\u202e\u2028]/);
        expect(JSON.parse(out).changes[0].after.label).toBe(message);
    });
});

describe('issue 10 item 11: Markdown defuses mentions, links and bidi characters', () => {
    const hostile = 'Ask @octocat or @acme/support, see https://evil.example/x and www.evil.example, fixes #12 and GH-7, mail help@bank.example';
    const bidi = 'Pay \u202Eevil\u2066 \u200F';
    const before = 'cycle c "C"\n  goal "g"\n  moment m "Pays"\n';
    const after = `cycle c "C"\n  goal "g"\n  moment m "Pays"\n  moment n ${quoted(hostile)}\n  moment o ${quoted(bidi)}\n`;

    function expectDefused(markdown: string): void {
        expect(markdown).not.toMatch(/@[\p{L}\p{N}]/u);
        expect(markdown).not.toMatch(/https?:\/\//);
        expect(markdown).not.toMatch(/www\\?\./);
        expect(markdown).not.toMatch(/#\d|GH\\?-\d/);
        expect(markdown).not.toMatch(BIDI);
        expect(markdown).toContain('&lt;U\\+202E&gt;');
        expect(markdown).toContain('&lt;U\\+2066&gt;');
        expect(markdown).toContain('&lt;U\\+200F&gt;');
        // Readable: only invisible joiners were added.
        expect(markdown.replace(/\u2060/g, '')).toContain('Ask @octocat or @acme/support, see https://evil\\.example/x and www\\.evil\\.example, fixes \\#12 and GH\\-7, mail help@bank\\.example');
    }

    it('issue 10 item 11: cycle diff --format markdown', () => {
        const [old, now] = [model(before), model(after)];
        expectDefused(formatDiffMarkdown([{ file: 'c.cycle', status: 'modified', changes: diffFiles(old, now), risks: [], introduced: [], resolved: [] }]));
    });

    it('issue 10 fuzz: a backtick in a label neither opens a code span nor leaves the text after it unescaped', () => {
        const old = model('cycle c "A"\n  goal "`ok"\n  moment m0 "M"\n');
        const now = model('cycle c "A"\n  goal "\u200f`"\n  moment m0 "M"\n');
        const diff = { file: 'c.cycle', status: 'modified' as const, changes: diffFiles(old, now), risks: [], introduced: [], resolved: [] };
        const markdown = formatDiffMarkdown([diff]);
        expect(markdown).toContain('goal "\\`ok" → "&lt;U\\+200F&gt;\\`"');
        expect(markdown).not.toMatch(/<[A-Za-z!/?]/);
        expect(formatDiffHtml(diff)).toContain('goal &quot;`ok&quot; → &quot;');
    });

    it('issue 10 item 11: cycle export --to markdown', () => {
        expectDefused(fileToMarkdownReport(model(after)));
    });

    it('issue 10 item 11: a file name or id in a code span shows bidi and control characters by name', () => {
        const markdown = formatDiffMarkdown([{ file: 'c\u202E\u001b.cycle', status: 'modified', changes: [], risks: [], introduced: [], resolved: [] }]);
        expect(markdown).not.toMatch(TERMINAL_CONTROL);
        expect(markdown).toContain('`c<U+202E><U+001B>.cycle`');
    });
});

describe('issue 10 item 11: HTML and SVG', () => {
    it('issue 10 item 11: the HTML diff escapes markup and shows bidi characters by name', () => {
        const [old, now] = [model('cycle c "C"\n  goal "g"\n'), model(`cycle c "C"\n  goal "g"\n  moment m ${quoted('<b onmouseover="x">\'\u202Eevil\u2069')}\n`)];
        const html = formatDiffHtml({ file: 'c.cycle', status: 'modified', changes: diffFiles(old, now), risks: [], introduced: [{ file: 'c.cycle', severity: 'info', code: 'x" onclick="y', message: '\u202E' }], resolved: [] });
        expect(html).not.toMatch(BIDI);
        expect(html).not.toContain('<b');
        expect(html).not.toContain('onclick="');
        expect(html).toContain('&lt;b onmouseover=&quot;x&quot;&gt;&#39;&lt;U+202E&gt;evil&lt;U+2069&gt;');
    });

    it('issue 10 item 11: every SVG text holds its bidi characters balanced, so none reorders text beyond its label', () => {
        const labels = ['open \u202Eoverride', 'stray pops \u2069\u202C here', 'nested \u2067a\u202Bb', 'يقرر العميل؟'];
        const text = `cycle c ${quoted('Title \u202Eopen')}\n  customer ${quoted('\u2069who')}\n  goal "g"\n  phase ${quoted('\u202Dphase')}\n` +
            labels.map((l, i) => `  moment m${i} ${quoted(l)}\n    feels 3\n`).join('');
        const cycle = model(text).cycles[0];
        for (const view of VIEWS) {
            const svg = renderCycleSvg(cycle, { view });
            const texts = [...svg.matchAll(/<(text|title)[^>]*>([^<]*)<\/\1>/g)].map(m => m[2]);
            const attributes = [...svg.matchAll(/="([^"]*)"/g)].map(m => m[1]);
            for (const t of [...texts, ...attributes]) expect(balanceBidi(t), `${view}: ${JSON.stringify(t)}`).toBe(t);
            // The open override is closed inside the label's own line, which is isolated.
            const lines = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map(m => m[1]);
            const line = lines.find(t => t.includes('\u202Eoverride'));
            expect(line, view).toBeDefined();
            expect(line).toMatch(/^\u2068[^\u2069]*\u202Eoverride\u202C\u2069$/);
            // An Arabic label is isolated too, so its question mark stays at its (left) end.
            expect(lines.some(t => t.startsWith('\u2068يقرر'))).toBe(true);
            // The diagram's own title: the cycle's label is closed and isolated before the view's name.
            expect(svg, view).toMatch(/\u2068Title \u202Eopen\u202C\u2069 — /);
        }
    });
});

describe('issue 10 item 12: the Markdown report names roles by their label', () => {
    it('issue 10 item 12: label with the id as code, the id alone when there is no label or the role is elsewhere', () => {
        const markdown = fileToMarkdownReport(model('role manager "Branch manager"\n\ncycle c "C"\n  goal "g"\n  role teller "Bank teller"\n  role runner\n' +
            '  moment m "Pays"\n    by teller\n    critical\n      risk "r"\n      prevent "Count twice"\n        owner manager\n      recover "Refund"\n        owner runner\n' +
            '  moment n "Leaves"\n    by elsewhere\n  requirement r1 "Fast"\n    for m\n  action a1 "Hire"\n    meets r1\n    owner teller\n'));
        expect(markdown).toMatch(/\| Pays \(`m`\) \| [^|]* \| Bank teller \(`teller`\) \|/);
        expect(markdown).toContain('- **Prevent:** Count twice — owner Branch manager (`manager`)');
        expect(markdown).toContain('- **Recover:** Refund — owner `runner`');
        expect(markdown).toContain('  - action: Hire — owner Bank teller (`teller`)');
        expect(markdown).toMatch(/\| Leaves \(`n`\) \| [^|]* \| `elsewhere` \|/);
    });
});

describe('the neutralising functions', () => {
    it('balanceBidi pairs pops with openers as the bidi algorithm does, dropping the rest and closing what is left open', () => {
        expect(balanceBidi('plain עברית')).toBe('plain עברית');
        expect(balanceBidi('a\u2069b\u202Cc')).toBe('abc');
        expect(balanceBidi('a\u202Eb')).toBe('a\u202Eb\u202C');
        expect(balanceBidi('\u2067a\u202Bb\u2069c')).toBe('\u2067a\u202Bb\u2069c'); // a PDI closes the embedding inside its isolate
        expect(balanceBidi('\u202Ba\u2067b\u202C')).toBe('\u202Ba\u2067b\u2069\u202C'); // a PDF cannot close beyond an isolate
        expect(balanceBidi('\u2066a\u2069\u2069')).toBe('\u2066a\u2069');
    });

    it('terminalText escapes what a terminal obeys and nothing else, and is idempotent', () => {
        const text = 'C:\\files\\a\tb\nc\u001b[2J\u007f\u009b\u202E שלום 网上';
        expect(terminalText(text)).toBe('C:\\files\\a\\tb\\nc\\x1b[2J\\x7f\\u009b\\u202e שלום 网上');
        expect(terminalText(terminalText(text))).toBe(terminalText(text));
    });
});
