import type { AstNode } from 'langium';
import { walkAst } from '../ast-walk.js';

/** A stretch of lines, 0-based and inclusive, in which some codes are silenced. */
export interface IgnoreRegion {
    readonly startLine: number;
    readonly endLine: number;
    readonly codes: ReadonlySet<string>;
}

const IGNORE = /^\s*#\s*ignore\s*:\s*(.+)$/i;
const IGNORE_ANYWHERE = /#\s*ignore\s*:/i;
const COMMENT_OR_BLANK = /^\s*(#.*)?$/;

/**
 * `# ignore: CODE, CODE` comment lines directly above an element's first line (no
 * blank line between) silence those codes for that element and everything inside
 * it. The element is the outermost one that starts on that line.
 */
export function findIgnoreRegions(text: string, root: AstNode): IgnoreRegion[] {
    if (!IGNORE_ANYWHERE.test(text)) return [];
    const lines = text.split(/\r\n|\r|\n/);
    const pending = new Map<number, Set<string>>();
    for (let line = 0; line < lines.length; line++) {
        if (COMMENT_OR_BLANK.test(lines[line])) continue;
        const codes = new Set<string>();
        for (let above = line - 1; above >= 0; above--) {
            const content = lines[above];
            if (!/^\s*#/.test(content)) break; // a blank or content line ends the comment block
            const match = IGNORE.exec(content);
            if (match) {
                for (const code of match[1].split(/[,\s]+/)) {
                    if (code) codes.add(code.trim());
                }
            }
        }
        if (codes.size > 0) pending.set(line, codes);
    }
    if (pending.size === 0) return [];
    const regions: IgnoreRegion[] = [];
    for (const node of walkAst(root)) {
        if (node === root) continue;
        const range = node.$cstNode?.range;
        if (!range) continue;
        const codes = pending.get(range.start.line);
        if (codes) {
            regions.push({ startLine: range.start.line, endLine: range.end.line, codes });
            pending.delete(range.start.line); // the outermost node, met first, owns the line
        }
    }
    return regions;
}

export function isIgnored(regions: readonly IgnoreRegion[], code: string, line: number): boolean {
    return regions.some(r => r.codes.has(code) && line >= r.startLine && line <= r.endLine);
}

/** A code named in an `# ignore:` comment, with where it is written (0-based). */
export interface IgnoredCode {
    readonly code: string;
    readonly line: number;
    readonly start: number;
    readonly end: number;
}

/**
 * Every code written in an `# ignore:` comment line: a misspelt one silences
 * nothing, and the designer should hear so rather than wonder why the warning stays.
 */
export function ignoreCodesIn(text: string): IgnoredCode[] {
    if (!IGNORE_ANYWHERE.test(text)) return [];
    const found: IgnoredCode[] = [];
    const lines = text.split(/\r\n|\r|\n/);
    for (let line = 0; line < lines.length; line++) {
        const match = IGNORE.exec(lines[line]);
        if (!match) continue;
        const listStart = lines[line].length - match[1].length;
        for (const code of match[1].matchAll(/[^,\s]+/g)) {
            const start = listStart + code.index!;
            found.push({ code: code[0], line, start, end: start + code[0].length });
        }
    }
    return found;
}
