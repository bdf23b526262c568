import type { AstNode } from 'langium';
import { walkAst } from '../ast-walk.js';

/** A stretch of lines, 0-based and inclusive, in which some codes are silenced. */
interface IgnoreRegion {
    readonly startLine: number;
    readonly endLine: number;
    readonly codes: ReadonlySet<string>;
}

/** A code named in an `# ignore:` comment, with where it is written (0-based). */
export interface IgnoredCode {
    readonly code: string;
    readonly line: number;
    readonly start: number;
    readonly end: number;
}

/** What the `# ignore:` comments of a text say, read in one pass over its lines. */
interface IgnoreComments {
    /** For each line that holds something, the codes named in the comment block right above it. */
    readonly above: ReadonlyMap<number, ReadonlySet<string>>;
    /** Every code written in an `# ignore:` comment, in the order of the text. */
    readonly named: readonly IgnoredCode[];
}

// `s`: a list running into a line separator the editor does not break lines at
// (U+2028) still matches at once, with no backtracking over the spaces before it.
const IGNORE = /^\s*#\s*ignore\s*:(.*)$/is;
const IGNORE_ANYWHERE = /#\s*ignore\s*:/i;
const COMMENT = /^\s*#/;
const BLANK = /^\s*$/;
const CODE = /[^,\s]+/g;

const NOTHING: IgnoreComments = { above: new Map(), named: [] };

/**
 * Reads every `# ignore: CODE, CODE` comment line of `text` once. A block of comment
 * lines (no blank line between) belongs to the line right after it; the codes of all
 * its ignore lines apply there.
 */
export function readIgnoreComments(text: string): IgnoreComments {
    if (!IGNORE_ANYWHERE.test(text)) return NOTHING;
    const above = new Map<number, Set<string>>();
    const named: IgnoredCode[] = [];
    const lines = text.split(/\r\n|\r|\n/);
    let block: Set<string> | undefined;
    for (let line = 0; line < lines.length; line++) {
        const content = lines[line];
        if (COMMENT.test(content)) {
            const match = IGNORE.exec(content);
            if (!match) continue;
            const listStart = content.length - match[1].length;
            for (const code of match[1].matchAll(CODE)) {
                const start = listStart + code.index!;
                named.push({ code: code[0], line, start, end: start + code[0].length });
                block ??= new Set();
                block.add(code[0]);
            }
        } else if (BLANK.test(content)) {
            block = undefined; // a blank line ends the comment block
        } else {
            if (block) above.set(line, block);
            block = undefined;
        }
    }
    return { above, named };
}

/**
 * `# ignore: CODE, CODE` comment lines directly above an element's first line (no
 * blank line between) silence those codes for that element and everything inside
 * it. The element is the outermost one that starts on that line.
 */
export function findIgnoreRegions(comments: IgnoreComments, root: AstNode): IgnoreRegion[] {
    if (comments.above.size === 0) return [];
    const pending = new Map(comments.above);
    const regions: IgnoreRegion[] = [];
    for (const node of walkAst(root)) {
        if (pending.size === 0) break;
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

/**
 * Answers "is this code silenced on this line?" in logarithmic time: per code, the
 * lines its regions cover, merged into sorted stretches that do not overlap. A file
 * with thousands of ignore comments and thousands of findings would otherwise test
 * every region for every finding.
 */
export class IgnoreIndex {
    private readonly byCode = new Map<string, { starts: number[]; ends: number[] }>();

    constructor(regions: readonly IgnoreRegion[]) {
        const stretches = new Map<string, [number, number][]>();
        for (const region of regions) {
            for (const code of region.codes) {
                let list = stretches.get(code);
                if (!list) stretches.set(code, list = []);
                list.push([region.startLine, region.endLine]);
            }
        }
        for (const [code, list] of stretches) {
            list.sort((a, b) => a[0] - b[0]);
            const starts: number[] = [];
            const ends: number[] = [];
            for (const [start, end] of list) {
                const last = ends.length - 1;
                if (last >= 0 && start <= ends[last] + 1) ends[last] = Math.max(ends[last], end);
                else {
                    starts.push(start);
                    ends.push(end);
                }
            }
            this.byCode.set(code, { starts, ends });
        }
    }

    isIgnored(code: string, line: number): boolean {
        const stretches = this.byCode.get(code);
        if (!stretches) return false;
        const { starts, ends } = stretches;
        // The last stretch starting on or before `line`.
        let low = 0;
        let high = starts.length - 1;
        let found = -1;
        while (low <= high) {
            const middle = (low + high) >> 1;
            if (starts[middle] <= line) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found >= 0 && line <= ends[found];
    }
}
