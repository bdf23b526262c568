/**
 * Every random input of the fuzzing harness, in one place: hostile text, ids and
 * labels, grammar-aware lines taken from the bundled examples, mutations of whole
 * files, editor sessions for the language server and command lines for the CLI.
 *
 * Positions are drawn as plain numbers and resolved against the text only when an
 * input is used (modulo the number of lines, of characters…): every drawn value is
 * then valid whatever came before it, and fast-check can shrink a sequence freely.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The bundled examples by file name: the seeds of every generated file. */
export const EXAMPLES: ReadonlyMap<string, string> = new Map(
    readdirSync(join(PROJECT_ROOT, 'examples'))
        .filter(name => name.endsWith('.cycle'))
        .sort()
        .map(name => [name, readFileSync(join(PROJECT_ROOT, 'examples', name), 'utf8')])
);
const EXAMPLE_TEXTS = [...EXAMPLES.values()];
const EXAMPLE_LINES = [...new Set(EXAMPLE_TEXTS.flatMap(text => text.split('\n')).filter(line => line.trim() !== ''))];

// ---------------------------------------------------------------------------
// Hostile text

/** C0 and C1 control characters a label can carry (a label cannot hold a line break). */
export const CONTROL_CHARACTERS: readonly string[] = [
    ...Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).filter(c => c !== '\n' && c !== '\r'),
    '\u007f', '\u0085', '\u009b'
];

/** Pieces of text that have broken, or could break, some output somewhere. */
const HOSTILE_FRAGMENTS: readonly string[] = [
    // right-to-left scripts and the invisible marks that reorder text
    'مرحبا بالعميل', 'שלום', '\u202eevil\u202c', '\u2066isolate\u2069', '\u200f', '\u200e', '\u061c',
    // combining marks, joiners, emoji, wide scripts, odd spaces
    'e\u0301\u0301\u0301', '👩‍👩‍👧', '🍕', '网上购物', 'Доставка', '\u200b', '\u00a0', '\u3000', '\ufeff', '\ufffd', '\u2028', '\u2029',
    // quotes, escapes, tabs
    '\\"', '\\\\', "'", '`', '``', '\t', '\\n', 'C:\\temp',
    // markup of every output
    '<', '>', '&', '&amp;', '<script>alert(1)</script>', '</text>', ']]>', '<!--', '"/><svg onload=x>',
    '*', '_', '[x](javascript:alert(1))', '![i](http://x.invalid/i.png)', '|', '- [ ] ', '# ', '~~',
    '@octocat', '@all', 'https://example.invalid/a', 'www.example.invalid', 'user@example.invalid',
    // Mermaid journey words and separators
    'title', 'title ', 'section ', 'journey', 'accTitle: ', 'accDescr: ', ':', ';', ',', '#', '%%', '%%%', '%', '}%%', '%%{init: {}}%%',
    // SARIF / JSON / terminal
    '{"a":1}', '\\u0000', '\u001b[31m', '\u001b]0;title\u0007', '\u0008\u0008\u0008',
    // numbers that are not numbers
    '-0', '1e309', '9'.repeat(30)
];

/** A very long word: no space to break it on. */
const longWord: fc.Arbitrary<string> = fc
    .tuple(fc.constantFrom('x', 'ж', '网', '👍', 'W'), fc.integer({ min: 100, max: 1200 }))
    .map(([unit, count]) => unit.repeat(count));

/** Words that would hide a real defect if a label could contain them ("undefined", "NaN"). */
const SUSPICIOUS_WORDS = /undefined|NaN|\[object|Infinity/;

/** A short piece of hostile text, one line or not. */
export const hostileText: fc.Arbitrary<string> = fc
    .array(fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_FRAGMENTS) },
        { weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }) },
        { weight: 2, arbitrary: fc.constantFrom('ok', 'Pays', 'Waits', 'the', 'and', '?') },
        { weight: 2, arbitrary: fc.constantFrom(...CONTROL_CHARACTERS) },
        { weight: 1, arbitrary: longWord }
    ), { minLength: 1, maxLength: 5 })
    .map(parts => parts.join(''))
    .filter(text => !SUSPICIOUS_WORDS.test(text));

/**
 * The text of a label as the user means it: hostile, on one line, and without NUL
 * (a file holding NUL is refused as binary before any label is read).
 */
export const labelText: fc.Arbitrary<string> = hostileText
    .map(text => text.replace(/[\r\n\u0000]/g, ' '));

/** A label written in the language: quoted, with `\"` and `\\` escaped. */
export function quote(text: string): string {
    return '"' + text.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
}

// ---------------------------------------------------------------------------
// Ids and lines of the language

const ID_START = ['a', 'm', 'z', '_', 'я', '网', 'ب', 'é', 'Ω', 'T'];
const ID_REST = [...ID_START, '0', '9', '-', '_', '\u0301'];

export const id: fc.Arbitrary<string> = fc.oneof(
    fc.constantFrom('m', 'told-take-number', 'teller', 'greeter', 'wait-turn', 'queue', 'exit', 'branch-manager', 'support', 'goal', 'text', 'доставка', '网上购物'),
    fc.tuple(fc.constantFrom(...ID_START), fc.array(fc.constantFrom(...ID_REST), { maxLength: 10 })).map(([head, tail]) => head + tail.join(''))
);

const CHANNELS = ['in-person', 'phone', 'correspondence', 'web', 'app', 'chat', 'facility', 'product', 'none', 'fax'];
const QUALITIES = ['security', 'credibility', 'communication', 'understanding', 'accessibility', 'courtesy', 'professionalism',
    'responsiveness', 'reliability', 'tangibles', 'competence', 'empathy', 'speed'];
const UNITS = ['sec', 'min', 'mins', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'fortnight'];
const KEYWORDS = ['cycle', 'role', 'moment', 'phase', 'customer', 'goal', 'stage', 'peak', 'by', 'channel', 'feels', 'quality',
    'wait', 'wait target', 'evidence', 'frontstage', 'backstage', 'support', 'achieves', 'achieves goal', 'critical', 'severity',
    'risk', 'prevent', 'recover', 'owner', 'requirement', 'for', 'from', 'action', 'meets', 'due', 'area', 'because', 'covers',
    'priorities', '-', 'survey', 'results', 'question', 'about', 'answer', 'answer scale', 'answer choice', 'measures', 'language'];
const RULE_CODES = ['critical-unmitigated', 'missing-survey', 'unused-role', 'syntax-error', 'bogus-code'];

const label: fc.Arbitrary<string> = labelText.map(quote);
const integer = fc.oneof(fc.integer({ min: -3, max: 9 }), fc.constantFrom(0, 99999999999, -2147483649));

/** One statement of the language, written as a user would, hostile labels included. */
const statement: fc.Arbitrary<string> = fc.oneof(
    fc.tuple(id, label).map(([i, l]) => `moment ${i} ${l}`),
    fc.tuple(id, label).map(([i, l]) => `cycle ${i} ${l}`),
    fc.tuple(id, fc.option(label)).map(([i, l]) => `role ${i}${l ? ' ' + l : ''}`),
    label.map(l => `phase ${l}`),
    label.map(l => `goal ${l}`),
    label.map(l => `customer ${l}`),
    id.map(i => `by ${i}`),
    id.map(i => `owner ${i}`),
    fc.constantFrom(...CHANNELS).map(c => `channel ${c}`),
    fc.constantFrom(...QUALITIES).map(q => `quality ${q}`),
    integer.map(n => `feels ${n}`),
    fc.tuple(fc.constantFrom('target', 'limit'), integer, fc.constantFrom(...UNITS)).map(([k, n, u]) => `wait ${k} ${n} ${u}`),
    fc.constantFrom('critical', 'severity high', 'severity low', 'severity extreme', 'achieves goal', 'stage decline', 'priorities', 'answer yes-no', 'answer text'),
    fc.tuple(fc.constantFrom('risk', 'prevent', 'recover', 'evidence', 'backstage', 'frontstage', 'support', 'peak', 'from', 'results'), label).map(([k, l]) => `${k} ${l}`),
    fc.tuple(fc.constantFrom('requirement', 'action', 'area', 'survey', 'question'), id, label).map(([k, i, l]) => `${k} ${i} ${l}`),
    fc.tuple(fc.constantFrom('for', 'meets', 'covers', 'about', '-'), id).map(([k, i]) => `${k} ${i}`),
    fc.tuple(integer, integer, fc.option(fc.tuple(label, label))).map(([a, b, l]) => `answer scale ${a}..${b}${l ? ` ${l[0]} ${l[1]}` : ''}`),
    fc.array(label, { minLength: 1, maxLength: 3 }).map(ls => `answer choice ${ls.join(' ')}`),
    fc.constantFrom('2027-02-30', '2027-03-31', '0000-00-00', '9999-99-99').map(d => `due ${d}`),
    fc.constantFrom('en', 'ru', 'id', 'zh', 'fr').map(l => `language ${l}`),
    // the half-typed and the bare: a keyword alone, a line cut anywhere
    fc.constantFrom(...KEYWORDS),
    fc.tuple(fc.constantFrom(...EXAMPLE_LINES), fc.nat()).map(([line, cut]) => line.trim().substring(0, cut % (line.trim().length + 1))),
    // comments, ignore directives, and text that is no statement at all
    hostileText.map(t => `# ${t}`),
    fc.array(fc.constantFrom(...RULE_CODES), { minLength: 1, maxLength: 2 }).map(codes => `# ignore: ${codes.join(', ')}`),
    hostileText,
    label
);

const indent: fc.Arbitrary<string> = fc.constantFrom('', '  ', '    ', '      ', '        ', ' ', '   ', '\t', '  \t', '\u00a0 ');

/** A line of a cycle file: a line of an example as it is, or a statement at some indentation. */
export const line: fc.Arbitrary<string> = fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...EXAMPLE_LINES) },
    { weight: 3, arbitrary: fc.tuple(indent, statement).map(([i, s]) => i + s) }
);

// ---------------------------------------------------------------------------
// Whole files: an example, mutated

export type Mutation =
    | { op: 'insert-line'; at: number; line: string }
    | { op: 'delete-lines'; at: number; count: number }
    | { op: 'duplicate-line'; at: number }
    | { op: 'move-line'; at: number; to: number }
    | { op: 'cut-line'; at: number; keep: number }
    | { op: 'insert-text'; at: number; column: number; text: string }
    | { op: 'reindent'; at: number; indent: string }
    | { op: 'insert-comments'; at: number; count: number }
    | { op: 'line-ends'; style: 'crlf' | 'cr' | 'no-final' | 'bom' | 'trailing-spaces' };

/** Comment lines in one run: usually a few; rarely hundreds of thousands (the parser once overflowed its stack on those). */
const commentCount: fc.Arbitrary<number> = fc.oneof(
    { weight: 30, arbitrary: fc.integer({ min: 1, max: 5 }) },
    { weight: 1, arbitrary: fc.constant(300_000) }
);

function mutation(options: { hugeComments: boolean }): fc.Arbitrary<Mutation> {
    return fc.oneof(
        { weight: 4, arbitrary: fc.record({ op: fc.constant('insert-line' as const), at: fc.nat(), line }) },
        { weight: 2, arbitrary: fc.record({ op: fc.constant('delete-lines' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 6 }) }) },
        { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate-line' as const), at: fc.nat() }) },
        { weight: 1, arbitrary: fc.record({ op: fc.constant('move-line' as const), at: fc.nat(), to: fc.nat() }) },
        { weight: 2, arbitrary: fc.record({ op: fc.constant('cut-line' as const), at: fc.nat(), keep: fc.nat() }) },
        { weight: 2, arbitrary: fc.record({ op: fc.constant('insert-text' as const), at: fc.nat(), column: fc.nat(), text: fc.oneof(hostileText, statement) }) },
        { weight: 1, arbitrary: fc.record({ op: fc.constant('reindent' as const), at: fc.nat(), indent }) },
        { weight: 1, arbitrary: fc.record({ op: fc.constant('insert-comments' as const), at: fc.nat(), count: options.hugeComments ? commentCount : fc.integer({ min: 1, max: 5 }) }) },
        { weight: 1, arbitrary: fc.record({ op: fc.constant('line-ends' as const), style: fc.constantFrom('crlf', 'cr', 'no-final', 'bom', 'trailing-spaces') }) }
    ) as fc.Arbitrary<Mutation>;
}

/** Applies one mutation to a text; positions wrap around the lines the text has. */
export function applyMutation(text: string, m: Mutation): string {
    const lines = text.split('\n');
    const at = (n: number): number => n % lines.length;
    switch (m.op) {
        case 'insert-line': lines.splice(m.at % (lines.length + 1), 0, m.line); break;
        case 'delete-lines': lines.splice(at(m.at), m.count); break;
        case 'duplicate-line': lines.splice(at(m.at), 0, lines[at(m.at)]); break;
        case 'move-line': { const [moved] = lines.splice(at(m.at), 1); lines.splice(m.to % (lines.length + 1), 0, moved); break; }
        case 'cut-line': { const i = at(m.at); lines[i] = lines[i].substring(0, m.keep % (lines[i].length + 1)); break; }
        case 'insert-text': {
            const i = at(m.at);
            const column = m.column % (lines[i].length + 1);
            lines[i] = lines[i].substring(0, column) + m.text + lines[i].substring(column);
            break;
        }
        case 'reindent': { const i = at(m.at); lines[i] = m.indent + lines[i].trimStart(); break; }
        case 'insert-comments': {
            const i = at(m.at);
            const depth = /^\s*/.exec(lines[i])![0];
            // concat, not splice(...): a spread of 300,000 arguments overflows the stack
            return lines.slice(0, i).concat(Array.from({ length: m.count }, (_, k) => `${depth}# note ${k}`), lines.slice(i)).join('\n');
        }
        case 'line-ends':
            switch (m.style) {
                case 'crlf': return lines.join('\r\n');
                case 'cr': return lines.join('\r');
                case 'no-final': return lines.join('\n').replace(/\n+$/, '');
                case 'bom': return '\uFEFF' + lines.join('\n');
                case 'trailing-spaces': return lines.map(l => l + '  ').join('\n');
            }
    }
    return lines.join('\n');
}

export interface MutatedExample {
    example: string;
    mutations: Mutation[];
}

export function mutatedExample(options: { hugeComments: boolean; maxMutations?: number } = { hugeComments: false }): fc.Arbitrary<MutatedExample> {
    return fc.record({
        example: fc.constantFrom(...EXAMPLES.keys()),
        mutations: fc.array(mutation(options), { maxLength: options.maxMutations ?? 6 })
    });
}

export function mutatedText(input: MutatedExample): string {
    return input.mutations.reduce(applyMutation, EXAMPLES.get(input.example)!);
}

/** Text an editor could hold: an example, a mutated example, a few lines, or nothing. */
const documentText: fc.Arbitrary<string> = fc.oneof(
    { weight: 3, arbitrary: mutatedExample({ hugeComments: false, maxMutations: 4 }).map(mutatedText) },
    { weight: 2, arbitrary: fc.array(line, { maxLength: 12 }).map(lines => lines.join('\n')) },
    { weight: 1, arbitrary: fc.constantFrom('', '\n', 'role', 'cycle c "c"\n  moment', 'role r\ncycle c "c"\n  goal "g"\n  moment m "m"\n    by r\n') }
);

// ---------------------------------------------------------------------------
// Editor sessions against the language server

/**
 * The documents a session plays with. `disk` files exist in the temporary workspace
 * the server is started on; the others exist only in the editor.
 */
export const DOCUMENT_SLOTS = [
    { name: 'a.cycle', scheme: 'file', disk: true },
    { name: 'team.cycle', scheme: 'file', disk: true },
    { name: 'new.cycle', scheme: 'file', disk: false },
    { name: 'Untitled-1', scheme: 'untitled', disk: false },
    { name: 'notes.txt', scheme: 'file', disk: false }
] as const;

const slot = fc.integer({ min: 0, max: DOCUMENT_SLOTS.length - 1 });

/** One edit of an incremental didChange: delete some characters at a place, insert a text there. */
export interface IncrementalEdit {
    line: number;
    character: number;
    deleteLength: number;
    insert: string;
}

const insertion: fc.Arbitrary<string> = fc.oneof(
    { weight: 3, arbitrary: line.map(l => l + '\n') },
    { weight: 1, arbitrary: line.map(l => '\n' + l) },
    { weight: 2, arbitrary: fc.constantFrom('"', '\\', '#', ' ', '\t', '-', '\n', '..', 'moment ', 'role', 'critical\n', '  ') },
    { weight: 1, arbitrary: hostileText },
    { weight: 1, arbitrary: fc.constant('') }
);

const incrementalEdit: fc.Arbitrary<IncrementalEdit> = fc.record({
    line: fc.nat(),
    character: fc.nat(),
    deleteLength: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 13, max: 400 })),
    insert: insertion
});

export const REQUEST_METHODS = [
    'textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/references',
    'textDocument/rename', 'textDocument/prepareRename', 'textDocument/documentSymbol', 'workspace/symbol',
    'textDocument/foldingRange', 'textDocument/semanticTokens/full', 'textDocument/codeLens', 'textDocument/inlayHint',
    'textDocument/codeAction', 'textDocument/formatting', 'textDocument/rangeFormatting',
    'cycle/getPreviewModel', 'cycle/compare'
] as const;
export type RequestMethod = typeof REQUEST_METHODS[number];

export type SessionAction =
    | { kind: 'open'; slot: number; text: string }
    | { kind: 'close'; slot: number }
    | { kind: 'save'; slot: number }
    | { kind: 'edit'; slot: number; edits: IncrementalEdit[] }
    | { kind: 'replace'; slot: number; text: string }
    | { kind: 'request'; method: RequestMethod; slot: number; line: number; character: number; text: string; tabSize: number }
    | { kind: 'watch-preview'; slots: number[] }
    | { kind: 'pause'; ms: number };

const openAction: fc.Arbitrary<SessionAction> = fc.record({ kind: fc.constant('open' as const), slot, text: documentText });

const action: fc.Arbitrary<SessionAction> = fc.oneof(
    { weight: 4, arbitrary: openAction },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('close' as const), slot }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('save' as const), slot }) },
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('edit' as const), slot, edits: fc.array(incrementalEdit, { minLength: 1, maxLength: 3 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('replace' as const), slot, text: documentText }) },
    {
        weight: 8, arbitrary: fc.record({
            kind: fc.constant('request' as const), method: fc.constantFrom(...REQUEST_METHODS), slot,
            line: fc.nat(), character: fc.nat(),
            // the new name of a rename, the query of workspace/symbol, the old text of a compare
            text: fc.oneof(id, hostileText, fc.constant(''), documentText),
            tabSize: fc.constantFrom(2, 4, 0, 8)
        })
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('watch-preview' as const), slots: fc.uniqueArray(slot, { maxLength: 3 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('pause' as const), ms: fc.constantFrom(0, 50, 400) }) }
);

/** A session: what an editor sends the server, in order. */
export const session: fc.Arbitrary<SessionAction[]> = fc
    .tuple(openAction, fc.array(action, { maxLength: 40, size: 'large' }))
    .map(([first, rest]) => [first, ...rest]);

// ---------------------------------------------------------------------------
// Valid cycles with hostile labels, for the outputs

export interface CycleSpec {
    id: string;
    label: string;
    goal: string;
    language: string | null;
    roles: { id: string; label: string }[];
    moments: { id: string; label: string; phase: string | null; by: number | null; critical: { risk: string; prevent: string | null } | null; feels: number | null }[];
    question: string | null;
}

/** Moment ids shared by both sides of a diff: m0…m5, some with a non-Latin tail. */
const momentId = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.constantFrom('', '-ж', '网')).map(([n, tail]) => `m${n}${tail}`);

export const cycleSpec: fc.Arbitrary<CycleSpec> = fc.record({
    id: fc.constantFrom('c', 'доставка', '网上购物'),
    label: labelText,
    goal: labelText,
    // The `language` line is not in the grammar yet: valid cycles leave it out until it is.
    language: fc.constant(null),
    roles: fc.uniqueArray(fc.record({ id: fc.constantFrom('r1', 'r2', 'роль'), label: labelText }), { selector: r => r.id, maxLength: 3 }),
    moments: fc.uniqueArray(fc.record({
        id: momentId,
        label: labelText,
        phase: fc.option(labelText, { freq: 2 }),
        by: fc.option(fc.integer({ min: 0, max: 2 })),
        critical: fc.option(fc.record({ risk: labelText, prevent: fc.option(labelText) })),
        feels: fc.option(fc.integer({ min: 1, max: 5 }))
    }), { selector: m => m.id, minLength: 1, maxLength: 6 }),
    question: fc.option(labelText)
});

/** Writes a cycle spec in the canonical form of the language. */
export function cycleText(spec: CycleSpec): string {
    const out: string[] = [];
    if (spec.language) out.push(`language ${spec.language}`);
    out.push(`cycle ${spec.id} ${quote(spec.label)}`, `  goal ${quote(spec.goal)}`);
    for (const role of spec.roles) out.push(`  role ${role.id} ${quote(role.label)}`);
    for (const moment of spec.moments) {
        if (moment.phase !== null) out.push(`  phase ${quote(moment.phase)}`);
        out.push(`  moment ${moment.id} ${quote(moment.label)}`);
        const role = moment.by === null ? undefined : spec.roles[moment.by % Math.max(1, spec.roles.length)];
        if (role) out.push(`    by ${role.id}`);
        if (moment.feels !== null) out.push(`    feels ${moment.feels}`);
        if (moment.critical) {
            out.push('    critical', `      risk ${quote(moment.critical.risk)}`);
            if (moment.critical.prevent !== null) out.push(`      prevent ${quote(moment.critical.prevent)}`);
        }
    }
    if (spec.question !== null) {
        out.push('  survey s "Survey"', `    question q ${quote(spec.question)}`, `      about ${spec.moments[0].id}`, '      answer yes-no');
    }
    return out.join('\n') + '\n';
}

// ---------------------------------------------------------------------------
// Command lines

/**
 * Names in the temporary workspace the CLI runs in (see workspace.ts for what each
 * is): good and broken cycles, a folder, a FIFO, a symbolic-link loop…
 */
export const WORKSPACE_PATHS = [
    'good.cycle', 'broken.cycle', 'team.cycle', 'sub', 'sub/inner.cycle', 'notes.txt', 'link.cycle', 'loop.cycle',
    'fifo.cycle', 'folder.cycle', 'empty.cycle', 'missing.cycle', 'missing/x.cycle', '.', '', '/dev/null', '-', '--'
] as const;

const OUTPUT_TARGETS = ['out.svg', 'out.png', 'out.md', 'good.cycle', 'broken.cycle', 'sub/inner.cycle', 'link.cycle', 'sub',
    'missing/out.svg', 'fifo.cycle', 'loop.cycle', ''];

const path = fc.constantFrom(...WORKSPACE_PATHS);
const target = fc.constantFrom(...OUTPUT_TARGETS);
const maybe = (tokens: fc.Arbitrary<string[]>): fc.Arbitrary<string[]> => fc.option(tokens, { nil: [] as string[] });
const outputOption = maybe(fc.tuple(fc.constantFrom('-o', '--output'), target));

/** An option or argument from anywhere, to mix into a command line. */
const noise: fc.Arbitrary<string[]> = fc.oneof(
    path.map(p => [p]),
    target.map(t => ['-o', t]),
    fc.constantFrom('pretty', 'json', 'sarif', 'text', 'markdown', 'xml', '').map(f => ['--format', f]),
    fc.constantFrom('mermaid', 'markdown', 'json', 'svg', '').map(f => ['--to', f]),
    fc.constantFrom('clock', 'blueprint', 'journey', 'pie').map(v => ['--view', v]),
    fc.constantFrom('bank-check-cashing', 'nope', '').map(c => ['--cycle', c]),
    fc.constantFrom('0', '-1', 'abc', '99999999999999999999').map(n => ['--max-warnings', n]),
    fc.constantFrom('--check', '--diff', '--git', '--help', '-V', '--bogus', '-x', '--format', '-o', '--no-color', '--lang', '--stdio').map(o => [o])
);

/** Command lines shaped like each subcommand's usage, so most of them get past the option parser. */
const shapedCommand: fc.Arbitrary<string[][]> = fc.oneof(
    fc.tuple(fc.constant<string[]>(['check']), fc.array(path.map(p => [p]), { maxLength: 3 }), maybe(fc.constantFrom('pretty', 'json', 'sarif').map(f => ['--format', f])))
        .map(([c, ps, f]) => [c, ...ps, f]),
    fc.tuple(fc.constant<string[]>(['fmt']), maybe(fc.constant(['--check'])), fc.array(path.map(p => [p]), { maxLength: 3 }))
        .map(([c, check, ps]) => [c, check, ...ps]),
    fc.tuple(fc.constant<string[]>(['render']), path.map(p => [p]), outputOption, maybe(fc.constantFrom('clock', 'blueprint', 'journey', 'plan').map(v => ['--view', v])))
        .map(([c, p, o, v]) => [c, p, o, v]),
    fc.tuple(fc.constant<string[]>(['report']), path.map(p => [p]), outputOption, maybe(fc.constantFrom('html', 'pdf').map(t => ['--to', t])))
        .map(([c, p, o, t]) => [c, p, o, t]),
    fc.tuple(fc.constant<string[]>(['render', '--diff']), path, path, outputOption).map(([c, a, b, o]) => [c, [a, b], o]),
    fc.tuple(fc.constant<string[]>(['diff']), path, path, maybe(fc.constantFrom('text', 'markdown', 'json').map(f => ['--format', f]))).map(([c, a, b, f]) => [c, [a, b], f]),
    fc.tuple(fc.constant<string[]>(['export']), path, fc.constantFrom('mermaid', 'markdown', 'json'), outputOption).map(([c, p, to, o]) => [c, [p, '--to', to], o]),
    fc.tuple(fc.constant<string[]>(['diff-driver']), path, path, path).map(([c, name, a, b]) => [c, [name, a, '0000000', '100644', b, '0000000', '100644']])
);

/** A command line: mostly shaped like a subcommand's usage, with an odd argument mixed in now and then. */
export const commandLine: fc.Arbitrary<string[]> = fc
    .tuple(shapedCommand, fc.option(noise, { nil: [] as string[], freq: 2 }), fc.nat())
    .map(([parts, extra, at]) => {
        const [command, ...rest] = parts.flat();
        const tokens = rest.slice();
        tokens.splice(at % (tokens.length + 1), 0, ...extra);
        return [command, ...tokens];
    });
