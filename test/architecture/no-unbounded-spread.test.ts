import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * Issue 10 item 4: `list.push(...big)`, `Math.max(...big)` and their kin pass every
 * element as an argument, on the stack; past about 120,000 elements Node throws
 * "Maximum call stack size exceeded". A big enough file (comment lines, ignore
 * codes, findings) reached such a call and crashed the CLI or killed the server.
 * This test keeps such calls out of src/: write a loop instead.
 */

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** Calls that take their arguments one by one and so must not get a spread list. */
const GUARDED = /(\.push|\.unshift|\.splice|\.append|\.prepend|\.replaceChildren|Math\.max|Math\.min|String\.fromCharCode|String\.fromCodePoint)\s*\(/g;

/**
 * Spreads known to be small, each with the reason it is bounded. An entry names the
 * file and a piece of the call's text, not a line number, so edits elsewhere in the
 * file do not break it.
 */
const ALLOWED: readonly { file: string; call: string; reason: string }[] = [];

/** Source files of src/, without Langium's generated code. */
function sourceFiles(folder: string): string[] {
    const files: string[] = [];
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) {
            if (entry.name !== 'generated' && entry.name !== 'node_modules') files.push(...sourceFiles(path));
        } else if (/\.(ts|tsx|js|mjs|cjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
            files.push(path);
        }
    }
    return files;
}

/**
 * The code with comments and the text of strings, template literals and regular
 * expressions blanked out (lengths and line breaks kept, so offsets still point at
 * the same place), and `${…}` inside templates kept as code.
 */
export function codeOnly(text: string): string {
    const out = text.split('');
    const blank = (from: number, to: number): void => {
        for (let i = from; i < to; i++) if (out[i] !== '\n') out[i] = ' ';
    };
    /** Stack of open template literals: the brace depth at which each `${` was opened. */
    const templates: number[] = [];
    let braces = 0;
    let lastSignificant = '';
    let i = 0;
    const templateText = (start: number): number => {
        // Blank a template's text from `start` up to its end or the next `${`.
        let j = start;
        while (j < text.length) {
            if (text[j] === '\\') { j += 2; continue; }
            if (text[j] === '`') { blank(start, j); return j + 1; }
            if (text[j] === '$' && text[j + 1] === '{') {
                blank(start, j);
                templates.push(braces);
                braces++;
                return j + 2;
            }
            j++;
        }
        blank(start, text.length);
        return text.length;
    };
    while (i < text.length) {
        const c = text[i];
        const next = text[i + 1];
        if (c === '/' && next === '/') {
            const end = text.indexOf('\n', i);
            const stop = end < 0 ? text.length : end;
            blank(i, stop);
            i = stop;
            continue;
        }
        if (c === '/' && next === '*') {
            const end = text.indexOf('*/', i + 2);
            const stop = end < 0 ? text.length : end + 2;
            blank(i, stop);
            i = stop;
            continue;
        }
        if (c === '"' || c === "'") {
            let j = i + 1;
            while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
            blank(i + 1, j);
            i = j + 1;
            lastSignificant = c;
            continue;
        }
        if (c === '`') {
            i = templateText(i + 1);
            lastSignificant = '`';
            continue;
        }
        if (c === '/' && (lastSignificant === '' || /[(,=:[!&|?{};+\-*%<>~^]/.test(lastSignificant) || /\b(return|typeof|case|of|in)$/.test(text.substring(Math.max(0, i - 7), i).trimEnd()))) {
            // A regular expression literal.
            let j = i + 1;
            let inClass = false;
            while (j < text.length && text[j] !== '\n') {
                if (text[j] === '\\') { j += 2; continue; }
                if (text[j] === '[') inClass = true;
                else if (text[j] === ']') inClass = false;
                else if (text[j] === '/' && !inClass) break;
                j++;
            }
            blank(i + 1, j);
            i = j + 1;
            lastSignificant = '/';
            continue;
        }
        if (c === '{') braces++;
        if (c === '}') {
            braces--;
            if (templates.length > 0 && templates[templates.length - 1] === braces) {
                templates.pop();
                i = templateText(i + 1);
                lastSignificant = '`';
                continue;
            }
        }
        if (!/\s/.test(c)) lastSignificant = c;
        i++;
    }
    return out.join('');
}

/** Each guarded call in `code` whose own argument list holds a spread, with its text. */
export function spreadCalls(code: string): { offset: number; call: string }[] {
    const found: { offset: number; call: string }[] = [];
    for (const match of code.matchAll(GUARDED)) {
        const open = match.index! + match[0].length - 1;
        let depth = 0;
        let spread = false;
        let close = open;
        for (let j = open; j < code.length; j++) {
            const c = code[j];
            if (c === '(' || c === '[' || c === '{') depth++;
            else if (c === ')' || c === ']' || c === '}') {
                depth--;
                if (depth === 0) { close = j; break; }
            } else if (depth === 1 && c === '.' && code.startsWith('...', j)) {
                spread = true;
                j += 2;
            }
        }
        if (spread) found.push({ offset: match.index!, call: code.substring(match.index!, close + 1).replace(/\s+/g, ' ') });
    }
    return found;
}

describe('issue 10 item 4: no spread of an unbounded list into a call', () => {
    it('the scanner finds spreads in calls, and only there', () => {
        const sample = [
            'a.push(...b);',
            'Math.max(0, ...xs.map(x => x.y));',
            'list.push({ ...item, at: 1 });',
            "out.push(`${[...a].length} ...`); // x.push(...y)",
            'const s = /\\.push\\(\\.\\.\\./;',
            'Math.min(\n  ...values\n);'
        ].join('\n');
        expect(spreadCalls(codeOnly(sample)).map(f => f.call)).toEqual(['.push(...b)', 'Math.max(0, ...xs.map(x => x.y))', 'Math.min( ...values )']);
    });

    it('issue 10 item 4: src/ spreads no list into push, unshift, splice, append, Math.max, Math.min or String.fromCharCode', () => {
        const offending: string[] = [];
        const used = new Set<(typeof ALLOWED)[number]>();
        for (const path of sourceFiles(SRC)) {
            const text = readFileSync(path, 'utf8');
            const file = relative(SRC, path).split('\\').join('/');
            for (const { offset, call } of spreadCalls(codeOnly(text))) {
                const allowed = ALLOWED.find(entry => entry.file === file && call.includes(entry.call));
                if (allowed) {
                    used.add(allowed);
                    continue;
                }
                const line = text.substring(0, offset).split('\n').length;
                offending.push(`src/${file}:${line}: ${call}`);
            }
        }
        expect(offending, 'write a loop (for … of, then push one at a time) instead of spreading a list into the call').toEqual([]);
        // An entry that matches nothing is stale: remove it.
        expect(ALLOWED.filter(entry => !used.has(entry))).toEqual([]);
    });
});
