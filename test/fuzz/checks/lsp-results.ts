/**
 * The shape of every answer the language server may give, as the LSP specification
 * and the custom protocol (src/protocol.ts)
 * define it: a function per method, returning the problems found. Positions are
 * checked against the text the editor holds (the server must never point outside it).
 */
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { xmlProblems } from './outputs.js';
import { drawComparison } from '../../../src/extension/compare/draw-comparison.js';
import type { CompareResult } from '../../../src/protocol.js';

/** The text of a document as the editor holds it, when known. */
export type TextOf = (uri: string) => string | undefined;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNat = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

const lengthsCache = new Map<string, number[]>();

/** The length of each line of `text` (remembered: one text is checked against many positions). */
export function lineLengths(text: string): number[] {
    let lengths = lengthsCache.get(text);
    if (!lengths) {
        if (lengthsCache.size > 100) lengthsCache.clear();
        lengths = text.split(/\r\n|\r|\n/).map(line => line.length);
        lengthsCache.set(text, lengths);
    }
    return lengths;
}

/** A position inside `text` (the start of the line after the last one is allowed as an end). */
export function positionProblem(position: unknown, text: string | undefined, what: string, isEnd = false): string | null {
    if (!isObject(position) || !isNat(position.line) || !isNat(position.character)) return `${what} is not a position: ${JSON.stringify(position)}`;
    if (text === undefined) return null;
    const lengths = lineLengths(text);
    if (isEnd && position.line === lengths.length && position.character === 0) return null;
    if (position.line >= lengths.length) return `${what} is on line ${position.line}, past the last line (${lengths.length - 1})`;
    if (position.character > lengths[position.line]) return `${what} is at character ${position.character} of line ${position.line}, which has ${lengths[position.line]}`;
    return null;
}

export function rangeProblems(range: unknown, text: string | undefined, what: string): string[] {
    if (!isObject(range)) return [`${what} is not a range: ${JSON.stringify(range)}`];
    const problems = [positionProblem(range.start, text, `${what} start`), positionProblem(range.end, text, `${what} end`, true)]
        .filter((p): p is string => p !== null);
    if (problems.length === 0) {
        const start = range.start as { line: number; character: number };
        const end = range.end as { line: number; character: number };
        if (start.line > end.line || (start.line === end.line && start.character > end.character)) problems.push(`${what} ends before it starts: ${JSON.stringify(range)}`);
    }
    return problems;
}

const contains = (outer: Json, inner: Json): boolean => {
    const before = (a: Json, b: Json): boolean => (a.line as number) < (b.line as number) || (a.line === b.line && (a.character as number) <= (b.character as number));
    return before(outer.start as Json, inner.start as Json) && before(inner.end as Json, outer.end as Json);
};

/** `{code, message}` where a result belongs: an error the server returned as if it were an answer. */
function disguisedError(value: unknown): string | null {
    if (isObject(value) && typeof value.code === 'number' && ('message' in value || Object.keys(value).length <= 2)) {
        return `the result is an error in disguise: ${JSON.stringify(value).substring(0, 200)}`;
    }
    return null;
}

/** Text shown to the user that betrays a bug ("undefined", "NaN", "[object Object]"). */
function brokenTexts(value: unknown, path = 'result'): string[] {
    if (typeof value === 'string') return /\bundefined\b|\bNaN\b|\[object Object\]/.test(value) ? [`${path} shows ${JSON.stringify(value.substring(0, 120))}`] : [];
    if (Array.isArray(value)) return value.flatMap((v, i) => brokenTexts(v, `${path}[${i}]`)).slice(0, 3);
    if (isObject(value)) return Object.entries(value).flatMap(([k, v]) => brokenTexts(v, `${path}.${k}`)).slice(0, 3);
    return [];
}

function textEditProblems(edits: unknown, text: string | undefined, what: string): string[] {
    if (!Array.isArray(edits)) return [`${what} is not a list of edits`];
    const problems = edits.flatMap((edit, i) => !isObject(edit) || typeof edit.newText !== 'string'
        ? [`${what}[${i}] is not a text edit: ${JSON.stringify(edit)}`]
        : rangeProblems(edit.range, text, `${what}[${i}] range`));
    if (problems.length > 0) return problems;
    // Edits of one document must not overlap (LSP): the editor refuses the whole edit.
    const ranges = edits.map(e => (e as Json).range as { start: { line: number; character: number }; end: { line: number; character: number } })
        .sort((a, b) => a.start.line - b.start.line || a.start.character - b.start.character);
    for (let i = 1; i < ranges.length; i++) {
        const previous = ranges[i - 1].end;
        const next = ranges[i].start;
        if (previous.line > next.line || (previous.line === next.line && previous.character > next.character)) {
            return [`${what} has overlapping edits: ${JSON.stringify(ranges[i - 1])} and ${JSON.stringify(ranges[i])}`];
        }
    }
    return [];
}

function workspaceEditProblems(edit: unknown, textOf: TextOf, what: string): string[] {
    if (!isObject(edit)) return [`${what} is not a workspace edit`];
    const problems: string[] = [];
    if (edit.changes !== undefined) {
        if (!isObject(edit.changes)) return [`${what}.changes is not a map of edits`];
        for (const [uri, edits] of Object.entries(edit.changes)) problems.push(...textEditProblems(edits, textOf(uri), `${what}.changes[${uri}]`));
    }
    if (edit.documentChanges !== undefined) {
        if (!Array.isArray(edit.documentChanges)) return [`${what}.documentChanges is not a list`];
        for (const change of edit.documentChanges) {
            if (isObject(change) && isObject(change.textDocument)) {
                const uri = String(change.textDocument.uri);
                problems.push(...textEditProblems(change.edits, textOf(uri), `${what}.documentChanges[${uri}]`));
            }
        }
    }
    return problems;
}

function locationProblems(location: unknown, textOf: TextOf, what: string): string[] {
    if (!isObject(location)) return [`${what} is not a location`];
    if (typeof location.targetUri === 'string') {
        return [...rangeProblems(location.targetRange, textOf(location.targetUri), `${what}.targetRange`),
            ...rangeProblems(location.targetSelectionRange, textOf(location.targetUri), `${what}.targetSelectionRange`)];
    }
    if (typeof location.uri !== 'string') return [`${what} has no uri: ${JSON.stringify(location)}`];
    return rangeProblems(location.range, textOf(location.uri), `${what}.range`);
}

function symbolKindProblem(kind: unknown, what: string): string[] {
    return Number.isInteger(kind) && (kind as number) >= 1 && (kind as number) <= 26 ? [] : [`${what}.kind is ${JSON.stringify(kind)}, not a symbol kind`];
}

function documentSymbolProblems(symbol: unknown, text: string | undefined, what: string): string[] {
    if (!isObject(symbol)) return [`${what} is not a symbol`];
    if (typeof symbol.name !== 'string' || symbol.name.trim() === '') return [`${what} has no name: ${JSON.stringify(symbol).substring(0, 200)}`];
    const problems = [...symbolKindProblem(symbol.kind, what), ...rangeProblems(symbol.range, text, `${what}.range`),
        ...rangeProblems(symbol.selectionRange, text, `${what}.selectionRange`)];
    if (problems.length === 0 && !contains(symbol.range as Json, symbol.selectionRange as Json)) {
        problems.push(`${what}.selectionRange ${JSON.stringify(symbol.selectionRange)} is outside its range ${JSON.stringify(symbol.range)}`);
    }
    if (symbol.children !== undefined) {
        if (!Array.isArray(symbol.children)) return [...problems, `${what}.children is not a list`];
        symbol.children.forEach((child, i) => problems.push(...documentSymbolProblems(child, text, `${what}.children[${i}]`)));
    }
    return problems;
}

function listOf(value: unknown, what: string, each: (item: unknown, what: string) => string[]): string[] {
    if (value === null) return [];
    if (!Array.isArray(value)) return [`${what} is not a list: ${JSON.stringify(value).substring(0, 200)}`];
    return value.flatMap((item, i) => each(item, `${what}[${i}]`));
}

const TOKEN_TYPES = 23;
const TOKEN_MODIFIERS = 12;

function semanticTokenProblems(value: unknown, text: string | undefined): string[] {
    if (value === null) return [];
    if (!isObject(value) || !Array.isArray(value.data)) return [`semantic tokens are not {data: [...]}: ${JSON.stringify(value).substring(0, 200)}`];
    const data = value.data as unknown[];
    if (data.length % 5 !== 0 || !data.every(isNat)) return [`semantic token data is not whole numbers in fives (${data.length} numbers)`];
    const lengths = text === undefined ? undefined : lineLengths(text);
    let line = 0;
    let character = 0;
    for (let i = 0; i < data.length; i += 5) {
        const [deltaLine, deltaStart, length, type, modifiers] = data.slice(i, i + 5) as number[];
        line += deltaLine;
        character = deltaLine === 0 ? character + deltaStart : deltaStart;
        const where = `semantic token ${i / 5} (line ${line}, character ${character}, length ${length})`;
        if (type >= TOKEN_TYPES) return [`${where} has token type ${type}, outside the legend`];
        if (modifiers >= 2 ** TOKEN_MODIFIERS) return [`${where} has modifiers ${modifiers}, outside the legend`];
        if (lengths && (line >= lengths.length || character + length > lengths[line])) {
            return [`${where} is outside the document (${lengths.length} lines; that line has ${lengths[line] ?? 'no'} characters)`];
        }
    }
    return [];
}

function previewModelProblems(value: unknown): string[] {
    if (value === null) return [];
    if (!isObject(value) || typeof value.uri !== 'string' || !Array.isArray(value.cycles)) return [`the preview model is not {uri, cycles}: ${JSON.stringify(value).substring(0, 200)}`];
    if (!(value.version === null || Number.isInteger(value.version))) return [`the preview model's version is ${JSON.stringify(value.version)}`];
    if (!isNat(value.syntaxErrors)) return [`the preview model's syntaxErrors is ${JSON.stringify(value.syntaxErrors)}`];
    return value.cycles.flatMap((cycle, c) => !isObject(cycle) || typeof cycle.id !== 'string' || !Array.isArray(cycle.moments)
        ? [`preview cycle ${c} is not {id, moments}`]
        : cycle.moments.flatMap((moment, m) => !isObject(moment) || typeof moment.id !== 'string' || !isNat(moment.step)
            ? [`preview cycle ${c} moment ${m} is not {id, step}: ${JSON.stringify(moment).substring(0, 200)}`]
            : []));
}

function compareProblems(value: unknown): string[] {
    if (value === null) return [];
    if (!isObject(value) || !isObject(value.diff) || !Array.isArray(value.before) || !Array.isArray(value.after)) {
        return [`the compare result is not {diff, before, after}: ${JSON.stringify(value).substring(0, 200)}`];
    }
    // What the extension draws of it must be well-formed SVG, whatever the texts.
    const drawn = drawComparison(value as unknown as CompareResult, 'light');
    return drawn.svgs.flatMap((svg, i) => xmlProblems(svg, `compare svg ${i}`));
}

/** The problems of the answer `value` to `method` about `uri`. */
export function resultProblems(method: string, value: unknown, uri: string, textOf: TextOf): string[] {
    const disguised = disguisedError(value);
    if (disguised) return [disguised];
    const text = textOf(uri);
    const problems = brokenTexts(value);
    const add = (more: string[]): void => { problems.push(...more); };
    switch (method) {
        case 'textDocument/hover':
            if (value !== null && (!isObject(value) || value.contents === undefined)) add([`hover is not {contents}: ${JSON.stringify(value).substring(0, 200)}`]);
            else if (isObject(value) && value.range !== undefined) add(rangeProblems(value.range, text, 'hover range'));
            break;
        case 'textDocument/completion': {
            const items = isObject(value) ? value.items : value;
            add(listOf(items, 'completion items', (item, what) => {
                if (!isObject(item) || typeof item.label !== 'string') return [`${what} has no label`];
                const edit = item.textEdit as Json | undefined;
                return [
                    ...(edit && 'range' in edit ? rangeProblems(edit.range, text, `${what}.textEdit.range`) : []),
                    ...(edit && 'insert' in edit ? [...rangeProblems(edit.insert, text, `${what}.textEdit.insert`), ...rangeProblems(edit.replace, text, `${what}.textEdit.replace`)] : []),
                    ...(item.additionalTextEdits ? textEditProblems(item.additionalTextEdits, text, `${what}.additionalTextEdits`) : [])
                ];
            }));
            break;
        }
        case 'textDocument/definition':
            add(Array.isArray(value) ? listOf(value, 'definition', (l, what) => locationProblems(l, textOf, what)) : value === null ? [] : locationProblems(value, textOf, 'definition'));
            break;
        case 'textDocument/references':
            add(listOf(value, 'references', (l, what) => locationProblems(l, textOf, what)));
            break;
        case 'textDocument/rename':
            if (value !== null) add(workspaceEditProblems(value, textOf, 'rename'));
            break;
        case 'textDocument/prepareRename':
            if (value !== null && !(isObject(value) && value.defaultBehavior !== undefined)) {
                add(isObject(value) && 'range' in value
                    ? [...rangeProblems(value.range, text, 'prepareRename range'), ...(typeof value.placeholder === 'string' ? [] : ['prepareRename placeholder is not text'])]
                    : rangeProblems(value, text, 'prepareRename'));
            }
            break;
        case 'textDocument/documentSymbol':
            add(listOf(value, 'documentSymbol', (s, what) => isObject(s) && 'location' in s
                ? [...(typeof s.name === 'string' && s.name.trim() !== '' ? [] : [`${what} has no name`]), ...locationProblems(s.location, textOf, `${what}.location`)]
                : documentSymbolProblems(s, text, what)));
            break;
        case 'workspace/symbol':
            add(listOf(value, 'workspace symbol', (s, what) => {
                if (!isObject(s) || typeof s.name !== 'string' || s.name.trim() === '') return [`${what} has no name: ${JSON.stringify(s).substring(0, 200)}`];
                const location = s.location as Json | undefined;
                return [...symbolKindProblem(s.kind, what), ...(location && 'range' in location ? locationProblems(location, textOf, `${what}.location`) : [])];
            }));
            break;
        case 'textDocument/foldingRange': {
            const lines = text === undefined ? Infinity : lineLengths(text).length;
            add(listOf(value, 'folding range', (f, what) => !isObject(f) || !isNat(f.startLine) || !isNat(f.endLine) || f.startLine > f.endLine || f.endLine >= lines
                ? [`${what} is not within the ${lines} lines: ${JSON.stringify(f)}`] : []));
            break;
        }
        case 'textDocument/semanticTokens/full':
            add(semanticTokenProblems(value, text));
            break;
        case 'textDocument/codeLens':
            add(listOf(value, 'code lens', (lens, what) => !isObject(lens) ? [`${what} is not a lens`] : [
                ...rangeProblems(lens.range, text, `${what}.range`),
                ...(lens.command !== undefined && !(isObject(lens.command) && typeof lens.command.title === 'string') ? [`${what}.command has no title`] : [])
            ]));
            break;
        case 'textDocument/inlayHint':
            add(listOf(value, 'inlay hint', (hint, what) => {
                if (!isObject(hint)) return [`${what} is not a hint`];
                const position = positionProblem(hint.position, text, `${what}.position`);
                const label = typeof hint.label === 'string' ? hint.label : Array.isArray(hint.label) ? hint.label.map(p => (p as Json).value).join('') : undefined;
                return [...(position ? [position] : []), ...(typeof label === 'string' && label !== '' ? [] : [`${what} has no label: ${JSON.stringify(hint)}`])];
            }));
            break;
        case 'textDocument/codeAction':
            add(listOf(value, 'code action', (a, what) => {
                if (!isObject(a) || typeof a.title !== 'string' || a.title === '') return [`${what} has no title`];
                return a.edit !== undefined ? workspaceEditProblems(a.edit, textOf, `${what}.edit`) : [];
            }));
            break;
        case 'textDocument/formatting':
        case 'textDocument/rangeFormatting':
            if (value !== null) add(textEditProblems(value, text, 'formatting'));
            break;
        case 'cycle/getPreviewModel':
            add(previewModelProblems(value));
            break;
        case 'cycle/compare':
            add(compareProblems(value));
            break;
    }
    return problems;
}

/** A published diagnostic a user can read and an editor can place. */
export function diagnosticProblems(diagnostic: Diagnostic, text: string | undefined, what: string): string[] {
    const problems = rangeProblems(diagnostic.range, text, `${what} range`);
    if (typeof diagnostic.message !== 'string' || diagnostic.message.trim() === '') problems.push(`${what} has no message`);
    if (diagnostic.severity !== undefined && ![1, 2, 3, 4].includes(diagnostic.severity)) problems.push(`${what} has severity ${diagnostic.severity}`);
    return problems.concat(brokenTexts(diagnostic.message, `${what} message`));
}
