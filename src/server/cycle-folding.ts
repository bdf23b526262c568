import { AstUtils, type AstNode, type CstNode, type LangiumDocument, type MaybePromise, isCompositeCstNode, isLeafCstNode } from 'langium';
import type { FoldingRangeProvider } from 'langium/lsp';
import { FoldingRange, FoldingRangeKind, type CancellationToken, type FoldingRangeParams } from 'vscode-languageserver';
import { isCycle, isMoment, isPhase, type Document } from '../language/generated/ast.js';

/**
 * Folding for an indentation language. Langium's default drops ranges shorter than
 * three lines (right for `{ … }` languages, wrong here: `moment m "M"` with one line
 * under it is a block) and, since the server's ranges replace the editor's own
 * indentation folding, such blocks could not be folded at all.
 *
 * Folds: every block with at least one line under it (from its first line to its
 * last line with content, not counting comments after it, which belong to what
 * follows), every phase (its line to the last moment before the next phase), and
 * every run of two or more `#` comment lines.
 *
 * Linear in the document: each node looks only at its own first and last tokens.
 */
export class CycleFoldingRangeProvider implements FoldingRangeProvider {
    getFoldingRanges(document: LangiumDocument, _params: FoldingRangeParams, _cancelToken?: CancellationToken): MaybePromise<FoldingRange[]> {
        const ranges: FoldingRange[] = [];
        const root = document.parseResult?.value as Document | undefined;
        if (root) {
            for (const node of AstUtils.streamAllContents(root)) {
                const block = linesOf(node);
                if (block && block.end > block.start) ranges.push(FoldingRange.create(block.start, block.end));
                if (isCycle(node)) this.collectPhases(node.items, ranges);
            }
        }
        this.collectComments(document, ranges);
        return ranges;
    }

    /** A phase runs from its line to the last moment before the next phase. */
    private collectPhases(items: readonly AstNode[], ranges: FoldingRange[]): void {
        let phaseLine: number | undefined;
        let lastMomentLine: number | undefined;
        const close = () => {
            if (phaseLine !== undefined && lastMomentLine !== undefined && lastMomentLine > phaseLine) {
                ranges.push(FoldingRange.create(phaseLine, lastMomentLine));
            }
        };
        for (const item of items) {
            if (isPhase(item)) {
                close();
                phaseLine = linesOf(item)?.start;
                lastMomentLine = undefined;
            } else if (isMoment(item) && phaseLine !== undefined) {
                lastMomentLine = linesOf(item)?.end ?? lastMomentLine;
            }
        }
        close();
    }

    /** Runs of two or more consecutive lines holding nothing but a comment. */
    private collectComments(document: LangiumDocument, ranges: FoldingRange[]): void {
        const text = document.textDocument.getText();
        let line = 0;
        let runStart = -1;
        let offset = 0;
        const length = text.length;
        while (offset <= length) {
            // The first character of the line that is not indentation.
            let at = offset;
            while (at < length && (text[at] === ' ' || text[at] === '\t' || text[at] === '\uFEFF')) at++;
            const comment = at < length && text[at] === '#';
            if (comment) {
                if (runStart < 0) runStart = line;
            } else {
                if (runStart >= 0 && line - 1 > runStart) ranges.push(FoldingRange.create(runStart, line - 1, undefined, undefined, FoldingRangeKind.Comment));
                runStart = -1;
            }
            // On to the next line (\r\n, \r or \n, as the text document counts lines).
            while (at < length && text[at] !== '\n' && text[at] !== '\r') at++;
            if (at >= length) {
                if (runStart >= 0 && line > runStart) ranges.push(FoldingRange.create(runStart, line, undefined, undefined, FoldingRangeKind.Comment));
                break;
            }
            offset = text[at] === '\r' && text[at + 1] === '\n' ? at + 2 : at + 1;
            line++;
        }
    }
}

/** The first and last lines of a node's own tokens: no comments, no INDENT/DEDENT. */
function linesOf(node: AstNode): { start: number; end: number } | undefined {
    const cst = node.$cstNode;
    if (!cst) return undefined;
    const first = edgeToken(cst, true);
    const last = edgeToken(cst, false);
    if (!first || !last) return undefined;
    return { start: first.range.start.line, end: last.range.end.line };
}

function edgeToken(node: CstNode, first: boolean): CstNode | undefined {
    if (isLeafCstNode(node)) return isContent(node) ? node : undefined;
    if (!isCompositeCstNode(node)) return undefined;
    const content = node.content;
    for (let i = first ? 0 : content.length - 1; first ? i < content.length : i >= 0; first ? i++ : i--) {
        const found = edgeToken(content[i], first);
        if (found) return found;
    }
    return undefined;
}

function isContent(leaf: CstNode): boolean {
    if (leaf.hidden || leaf.length === 0) return false;
    const name = isLeafCstNode(leaf) ? leaf.tokenType.name : '';
    return name !== 'INDENT' && name !== 'DEDENT';
}
