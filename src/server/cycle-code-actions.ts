import { AstUtils, CstUtils, type AstNode, type IndexManager, type LangiumDocument, type MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import * as ast from '../language/generated/ast.js';
import { findingDataOf } from '../language/validation/finding-data.js';
import { childIndent, insertLinesAfter, lineEndingOf, lineText, quote, stepOf } from './source-edits.js';

/**
 * Quick fixes, chosen by the diagnostic's code. Every fix inserts whole lines,
 * indented like the lines around them, so the result parses and reads as if typed.
 */
export class CycleCodeActionProvider implements CodeActionProvider {
    /** `indexManager` finds the top-level roles of every file, for a new `owner`. */
    constructor(private readonly indexManager?: IndexManager) { }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            // The editor sends the diagnostics it shows, which may describe an older text
            // (a fix computed from them would edit the wrong place, or past a line's end):
            // only a finding the server holds for this very text gets a fix.
            if (!isHeld(document, diagnostic)) continue;
            try {
                for (const action of this.fixesFor(document, diagnostic)) actions.push(action);
            } catch (error) {
                // A fix that cannot be computed is left out; the others are still offered.
                console.error(`cycle: quick fix for ${String(diagnostic.code)} failed:`, error);
            }
        }
        return actions;
    }

    private fixesFor(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        // An ignore comment belongs to no syntax node: its fix is the code's right spelling.
        if (diagnostic.code === 'unknown-ignore-code') return this.replaceWithSuggestions(document, diagnostic, findingDataOf(diagnostic, 'unknown-ignore-code')?.suggestions);
        const node = nodeAt(document, diagnostic);
        if (!node) return [];
        switch (diagnostic.code) {
            case 'critical-unmitigated': return this.addMitigations(document, diagnostic, node, true);
            case 'critical-without-recovery': return this.addMitigations(document, diagnostic, node, false);
            case 'unknown-quality': return this.replaceWithSuggestions(document, diagnostic, findingDataOf(diagnostic, 'unknown-quality')?.suggestions);
            case 'unknown-channel': return this.replaceWithSuggestions(document, diagnostic, findingDataOf(diagnostic, 'unknown-channel')?.suggestions);
            case 'unresolved-reference': {
                const data = findingDataOf(diagnostic, 'unresolved-reference');
                // A near miss is far likelier a typo than a new role: offer the name first.
                const renames = this.replaceWithSuggestions(document, diagnostic, data?.suggestions);
                const creates = this.createRole(document, diagnostic, node, data?.refText);
                if (renames.length > 0) for (const action of creates) action.isPreferred = false;
                return [...renames, ...creates];
            }
            case 'goal-never-achieved': return this.addAchievesGoal(document, diagnostic, node);
            case 'area-not-prioritized': return this.addToPriorities(document, diagnostic, node);
            case 'wait-without-limit': return this.addWaitLimit(document, diagnostic, node);
            case 'mitigation-without-owner':
            case 'action-without-owner': return this.addOwner(document, diagnostic, node);
            default: return [];
        }
    }

    /**
     * Who should own a new mitigation or action: the moment's own `by`, else the
     * cycle's first role, else a top-level role (this file's first, then any file's),
     * else a placeholder that is obviously one.
     */
    private ownerFor(document: LangiumDocument, moment: ast.Moment | undefined, cycle: ast.Cycle | undefined): string {
        const by = moment?.items.find(ast.isBy)?.role;
        if (by?.ref && by.$refText) return by.$refText;
        const own = firstRoleOf(cycle);
        if (own) return own;
        const root = document.parseResult.value;
        const here = ast.isDocument(root) ? root.elements.find(ast.isRole)?.name : undefined;
        if (here) return here;
        const anywhere = this.indexManager?.allElements(ast.Role.$type).map(d => d.name).filter(n => !!n).toArray().sort()[0];
        return anywhere ?? OWNER_PLACEHOLDER;
    }

    private addMitigations(document: LangiumDocument, diagnostic: Diagnostic, node: AstNode, prevent: boolean): CodeAction[] {
        const moment = AstUtils.getContainerOfType(node, ast.isMoment);
        const critical = moment?.items.find(ast.isCritical);
        if (!moment || !critical) return [];
        const owner = this.ownerFor(document, moment, moment.$container);
        const indent = childIndent(document, critical, critical.items[0]);
        const ownerIndent = indent + stepOf(document);
        const lines = (kind: 'prevent' | 'recover', text: string) => [`${indent}${kind} ${quote(text)}`, `${ownerIndent}owner ${owner}`];
        const preventLines = lines('prevent', 'Say how this incident is prevented');
        const recoverLines = lines('recover', 'Say how the service recovers when it happens anyway');
        if (!prevent) {
            return [fix('Add a recover mitigation', diagnostic, document, [insertLinesAfter(document, critical, recoverLines)], true)];
        }
        const hasRecover = critical.items.some(i => ast.isMitigation(i) && i.kind === 'recover');
        const actions = [fix('Add a prevent mitigation', diagnostic, document, [insertLinesAfter(document, critical, preventLines)], true)];
        if (!hasRecover) {
            actions.push(fix('Add prevent and recover mitigations', diagnostic, document,
                [insertLinesAfter(document, critical, [...preventLines, ...recoverLines])], false));
        }
        return actions;
    }

    /** One fix per suggestion the finding carries, the first preferred. */
    private replaceWithSuggestions(document: LangiumDocument, diagnostic: Diagnostic, suggestions: readonly string[] = []): CodeAction[] {
        return suggestions.map((suggestion, index) =>
            fix(`Change to \`${suggestion}\``, diagnostic, document, [{ range: diagnostic.range, newText: suggestion }], index === 0));
    }

    /** `name` is the role the reference names, as written. */
    private createRole(document: LangiumDocument, diagnostic: Diagnostic, node: AstNode, name: string | undefined): CodeAction[] {
        const holder = AstUtils.getContainerOfType(node, n => ast.isBy(n) || ast.isOwner(n));
        const cycle = AstUtils.getContainerOfType(node, ast.isCycle);
        if (!holder || !name || !cycle) return [];
        const label = quote(name.replace(/[-_]+/g, ' ').replace(/^./, c => c.toUpperCase()));
        // After the cycle's last role, or else after its opening facts (customer, goal, …).
        const roles = cycle.items.filter(ast.isRole);
        const anchor: AstNode = roles.at(-1) ?? lastOf(cycle.items.filter(i => ast.isCustomer(i) || ast.isGoal(i) || ast.isStage(i) || ast.isPeak(i))) ?? cycle;
        const indent = childIndent(document, cycle, cycle.items[0]);
        // A cycle still being typed may have no name yet.
        const where = cycle.name ? `in cycle \`${cycle.name}\`` : 'in this cycle';
        const inCycle = fix(`Create role \`${name}\` ${where}`, diagnostic, document,
            [anchor === cycle ? insertLinesAfterHeader(document, cycle, `${indent}role ${name} ${label}`) : insertLinesAfter(document, anchor, [`${indent}role ${name} ${label}`])], true);
        const topLevel = fix(`Create role \`${name}\` at the top level (visible in every file)`, diagnostic, document,
            [{ range: { start: { line: cycle.$cstNode!.range.start.line, character: 0 }, end: { line: cycle.$cstNode!.range.start.line, character: 0 } }, newText: `role ${name} ${label}${lineEndingOf(document).repeat(2)}` }], false);
        return [inCycle, topLevel];
    }

    private addAchievesGoal(document: LangiumDocument, diagnostic: Diagnostic, node: AstNode): CodeAction[] {
        const cycle = AstUtils.getContainerOfType(node, ast.isCycle);
        // A moment still being typed (`moment` alone) has nothing to mark yet.
        const last = cycle?.items.filter(ast.isMoment).filter(moment => !!moment.name).at(-1);
        if (!last) return [];
        return [fix(`Mark the last moment, \`${last.name}\`, as achieving the goal`, diagnostic, document,
            [appendToBlock(document, last, last.items, 'achieves goal')], true)];
    }

    private addToPriorities(document: LangiumDocument, diagnostic: Diagnostic, node: AstNode): CodeAction[] {
        const area = AstUtils.getContainerOfType(node, ast.isArea);
        const cycle = area?.$container;
        // An area still without a name cannot be ranked; its syntax error says what is missing.
        if (!area?.name || !cycle) return [];
        const priorities = cycle.items.find(ast.isPriorities);
        if (priorities) {
            return [fix(`Rank \`${area.name}\` last in priorities`, diagnostic, document,
                [appendToBlock(document, priorities, priorities.items, `- ${area.name}`)], true)];
        }
        const lastArea = cycle.items.filter(ast.isArea).at(-1)!;
        const indent = childIndent(document, cycle, cycle.items[0]);
        const itemIndent = indent + stepOf(document);
        return [fix(`Add priorities ranking \`${area.name}\``, diagnostic, document,
            [insertLinesAfter(document, lastArea, [`${indent}priorities`, `${itemIndent}- ${area.name}`])], true)];
    }

    private addWaitLimit(document: LangiumDocument, diagnostic: Diagnostic, node: AstNode): CodeAction[] {
        const moment = AstUtils.getContainerOfType(node, ast.isMoment);
        const target = moment?.items.find((i): i is ast.Wait => ast.isWait(i) && i.bound === 'target');
        // While the target is half typed (`wait target 5`) there is no limit to suggest yet.
        if (!moment || !target?.duration?.unit || target.duration.amount === undefined) return [];
        const amount = target.duration.amount * 2;
        const limit = `${amount} ${unitFor(target.duration.unit, amount)}`;
        const indent = childIndent(document, moment, moment.items[0]);
        return [fix(`Add a wait limit (${limit}, twice the target)`, diagnostic, document,
            [insertLinesAfter(document, target, [`${indent}wait limit ${limit}`])], true)];
    }

    private addOwner(document: LangiumDocument, diagnostic: Diagnostic, node: AstNode): CodeAction[] {
        const holder = AstUtils.getContainerOfType(node, n => ast.isMitigation(n) || ast.isAction(n)) as ast.Mitigation | ast.Action | undefined;
        if (!holder) return [];
        const owner = this.ownerFor(document, AstUtils.getContainerOfType(holder, ast.isMoment), AstUtils.getContainerOfType(holder, ast.isCycle));
        return [fix(`Add an owner (\`${owner}\`)`, diagnostic, document, [appendToBlock(document, holder, holder.items, `owner ${owner}`)], true)];
    }
}

/** Whether the document's current findings include this one (same code, same place). */
function isHeld(document: LangiumDocument, diagnostic: Diagnostic): boolean {
    const same = (a: Diagnostic['range'], b: Diagnostic['range']) =>
        a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
    return (document.diagnostics ?? []).some(held => held.code === diagnostic.code && same(held.range, diagnostic.range));
}

/** The most specific node whose range starts the diagnostic's range. */
function nodeAt(document: LangiumDocument, diagnostic: Diagnostic): AstNode | undefined {
    const root = document.parseResult.value.$cstNode;
    if (!root) return undefined;
    const offset = document.textDocument.offsetAt(diagnostic.range.start);
    return CstUtils.findLeafNodeAtOffset(root, offset)?.astNode;
}

/** The owner written when no role exists anywhere: plainly a blank to fill in. */
const OWNER_PLACEHOLDER = 'owner-to-name';

/** `hour`, `day`, `week` take an `s` for any amount but one (`2 hours`); `sec` and `min` never do. */
function unitFor(unit: string, amount: number): string {
    // Whole words agree with the number (`2 minutes`); abbreviations (`min`, `secs`) stay as written.
    const singular = unit.replace(/s$/, '');
    if (!['second', 'minute', 'hour', 'day', 'week'].includes(singular)) return unit;
    return Math.abs(amount) === 1 ? singular : singular + 's';
}

function firstRoleOf(cycle: ast.Cycle | undefined): string | undefined {
    return cycle?.items.find(ast.isRole)?.name;
}

function lastOf<T>(items: T[]): T | undefined {
    return items.at(-1);
}

/** Adds a line as the last child of a block node (creating the block if it has none). */
function appendToBlock(document: LangiumDocument, block: AstNode, children: readonly AstNode[], line: string): TextEdit {
    const indent = childIndent(document, block, children[0]);
    return insertLinesAfter(document, children.at(-1) ?? block, [indent + line]);
}

/** Inserts a line right after a block header (the cycle's own line). */
function insertLinesAfterHeader(document: LangiumDocument, node: AstNode, line: string): TextEdit {
    const headerLine = node.$cstNode!.range.start.line;
    const end = lineText(document, headerLine).length;
    return { range: { start: { line: headerLine, character: end }, end: { line: headerLine, character: end } }, newText: lineEndingOf(document) + line };
}

function fix(title: string, diagnostic: Diagnostic, document: LangiumDocument, edits: TextEdit[], preferred: boolean): CodeAction {
    return {
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: preferred,
        edit: { changes: { [document.textDocument.uri]: edits } }
    };
}
