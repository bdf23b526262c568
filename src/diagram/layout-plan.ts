import { isolateLine } from '../domain/neutralise/svg.js';
import type { Words } from '../domain/words/index.js';
import type { ActionModel, AreaModel, DrawnCycle, MomentModel, RequirementModel } from '../model/cycle-model.js';
import { wordsOf, type LayoutOptions } from './layout-options.js';
import type { Box, Paint, Scene, SceneNode } from './scene.js';
import { textWidth, wrapText } from './text.js';
import { roleName, titleNodes } from './parts.js';

const MARGIN = 24;
const TOP = 76;
const REQUIREMENT_WIDTH = 320;
const ARROW = 56;
const ACTION_WIDTH = 380;
const WIDTH = MARGIN * 2 + REQUIREMENT_WIDTH + ARROW + ACTION_WIDTH;
const SIZE = 12;
const LINE = 15;
const SMALL = 11;
const SMALL_LINE = 14;
const PAD = 8;
const GAP = 10;
const HEADING = 34;

/** A text block inside a card: lines at one size and colour. */
interface Block { lines: string[]; size: number; lineHeight: number; fill: Paint; weight?: 'bold'; className: string }

function block(text: string, width: number, size: number, fill: Paint, className: string, bold = false, maxLines = 3): Block {
    return { lines: wrapText(text, width, size, maxLines, bold), size, lineHeight: size === SIZE ? LINE : SMALL_LINE, fill, weight: bold ? 'bold' : undefined, className };
}

function blocksHeight(blocks: Block[]): number {
    return blocks.reduce((sum, b) => sum + b.lines.length * b.lineHeight, 0);
}

/** Draws blocks from (x, y) down, recording each block's box. */
function drawBlocks(blocks: Block[], x: number, y: number, nodes: SceneNode[], boxes: Box[]): number {
    for (const b of blocks) {
        if (b.lines.length === 0) continue;
        nodes.push({ kind: 'text', x, y: y + b.size, lines: b.lines, size: b.size, lineHeight: b.lineHeight, fill: b.fill, weight: b.weight, className: b.className });
        boxes.push({ x, y: y + 1, width: b.lines.reduce((w, l) => Math.max(w, textWidth(l, b.size, b.weight === 'bold')), 0), height: b.lines.length * b.lineHeight });
        y += b.lines.length * b.lineHeight;
    }
    return y;
}

function momentName(moments: Map<string, MomentModel>, id: string): string {
    const moment = moments.get(id);
    return moment ? `${moment.step}. ${moment.label || moment.id}` : id;
}

function isOverdue(action: ActionModel, today: string | undefined): boolean {
    return today !== undefined && action.due !== null && action.due < today;
}

/** An action card's text: its label, owner, due date; overdue ones get a tag drawn under it. */
function actionBlocks(cycle: DrawnCycle, action: ActionModel, words: Words, overdue: boolean): Block[] {
    const inner = ACTION_WIDTH - 2 * PAD;
    const owner = action.owner ? `${words.plan.owner}: ${roleName(cycle, action.owner)}` : `${words.plan.owner}: —`;
    const due = action.due ? `${words.plan.due}: ${action.due}` : words.plan.noDue;
    return [
        block(action.label || action.id, inner, SIZE, 'ink', 'action-label', true),
        block(`${owner} · ${due}`, inner, SMALL, overdue ? 'danger' : action.owner ? 'muted' : 'danger', 'action-facts', overdue, 2)
    ];
}

/** The tag of an overdue action: text on the danger colour in a broken frame, so it reads in grayscale. */
function overdueTag(text: string, x: number, y: number): { nodes: SceneNode[]; box: Box } {
    const width = textWidth(text, 10, true) + 14;
    return {
        nodes: [{
            kind: 'group', className: 'overdue-tag', children: [
                { kind: 'rect', x, y, width, height: 16, rx: 3, fill: 'danger', stroke: 'ink', strokeWidth: 1.5, dash: '4 2.5' },
                { kind: 'text', x: x + 7, y: y + 12, lines: [text], size: 10, weight: 'bold', fill: 'dangerInk' }
            ]
        }],
        box: { x, y, width, height: 16 }
    };
}

/**
 * The improvement plan of a cycle: each requirement (with the moments it is for and
 * where it comes from) and, to its right, the actions that meet it with their owner
 * and due date, an action past its date tagged overdue against `today`; actions that
 * meet no requirement after them; then the priority areas in their rank, each with
 * the moments it covers (critical ones in the danger colour), and the areas left out
 * of `priorities` marked as not ranked.
 */
export function layoutPlan(cycle: DrawnCycle, options: LayoutOptions = {}): Scene {
    const words = wordsOf(cycle, options);
    const today = options.today;
    const moments = new Map(cycle.moments.map(m => [m.id, m]));
    const nodes: SceneNode[] = [...titleNodes(cycle, WIDTH, words)];
    const textBoxes: Box[] = [];
    const badgeBoxes: Box[] = [];
    let y = TOP;

    const heading = (text: string) => {
        nodes.push({ kind: 'text', x: MARGIN, y: y + 18, lines: [text], size: 15, weight: 'bold', fill: 'ink', className: 'plan-heading' });
        textBoxes.push({ x: MARGIN, y: y + 4, width: textWidth(text, 15, true), height: 18 });
        nodes.push({ kind: 'line', x1: MARGIN, y1: y + 26, x2: WIDTH - MARGIN, y2: y + 26, stroke: 'faint', strokeWidth: 1 });
        y += HEADING;
    };

    if (today) {
        // The date overdue actions are measured against, at the right of the first heading.
        const asOf = `${words.plan.today} ${today}`;
        nodes.push({ kind: 'text', x: WIDTH - MARGIN, y: y + 18, lines: [asOf], size: 11, anchor: 'end', fill: 'muted', className: 'plan-date' });
        textBoxes.push({ x: WIDTH - MARGIN - textWidth(asOf, 11), y: y + 7, width: textWidth(asOf, 11), height: 14 });
    }

    // Requirements → actions.
    heading(words.plan.requirements);
    const actionsOf = (requirement: RequirementModel) => cycle.actions.filter(a => a.meets.includes(requirement.id));
    const drawAction = (action: ActionModel, x: number, top: number): number => {
        const overdue = isOverdue(action, today);
        const blocks = actionBlocks(cycle, action, words, overdue);
        const height = blocksHeight(blocks) + 2 * PAD + (overdue ? 22 : 0);
        const children: SceneNode[] = [{
            kind: 'rect', x, y: top, width: ACTION_WIDTH, height, rx: 4, fill: 'background',
            stroke: overdue ? 'danger' : 'accent', strokeWidth: overdue ? 2.5 : 1, className: 'action-card'
        }];
        const after = drawBlocks(blocks, x + PAD, top + PAD, children, textBoxes);
        if (overdue) {
            const tag = overdueTag(words.plan.overdue, x + PAD, after + 4);
            for (const node of tag.nodes) children.push(node);
            textBoxes.push(tag.box);
        }
        nodes.push({ kind: 'group', className: overdue ? 'plan-action overdue' : 'plan-action', data: { action: action.id }, title: action.label, children });
        return height;
    };
    for (const requirement of cycle.requirements) {
        const inner = REQUIREMENT_WIDTH - 2 * PAD;
        const blocks: Block[] = [block(requirement.label || requirement.id, inner, SIZE, 'ink', 'requirement-label', true)];
        if (requirement.for.length > 0) {
            const critical = requirement.for.some(id => moments.get(id)?.critical);
            blocks.push(block(`${words.plan.forMoments}: ${requirement.for.map(id => momentName(moments, id)).join('; ')}`, inner, SMALL, critical ? 'danger' : 'muted', 'requirement-for', false, 3));
        }
        if (requirement.from.length > 0) blocks.push(block(`${words.plan.from}: ${requirement.from.join(', ')}`, inner, SMALL, 'muted', 'requirement-from', false, 2));
        const actions = actionsOf(requirement);
        if (actions.length === 0) blocks.push(block(words.plan.unmet, inner, SMALL, 'danger', 'requirement-unmet', true, 1));
        const ownHeight = blocksHeight(blocks) + 2 * PAD;
        const children: SceneNode[] = [];
        // The actions first, to know the row's height.
        let actionTop = y;
        const actionX = MARGIN + REQUIREMENT_WIDTH + ARROW;
        for (const action of actions) actionTop += drawAction(action, actionX, actionTop) + GAP;
        const rowHeight = Math.max(ownHeight, actionTop - y - (actions.length > 0 ? GAP : 0));
        children.push({ kind: 'rect', x: MARGIN, y, width: REQUIREMENT_WIDTH, height: rowHeight, rx: 4, fill: 'band', stroke: actions.length === 0 ? 'danger' : 'faint', strokeWidth: 1, dash: actions.length === 0 ? '5 3' : undefined, className: 'requirement-card' });
        drawBlocks(blocks, MARGIN + PAD, y + PAD, children, textBoxes);
        // An arrow from the requirement to each of its actions.
        let arrowTop = y;
        for (const action of actions) {
            const height = blocksHeight(actionBlocks(cycle, action, words, isOverdue(action, today))) + 2 * PAD + (isOverdue(action, today) ? 22 : 0);
            const ay = arrowTop + Math.min(20, height / 2);
            const x1 = MARGIN + REQUIREMENT_WIDTH + 4;
            const x2 = actionX - 4;
            children.push({ kind: 'path', d: `M${x1},${y + 20} C${x1 + 24},${y + 20} ${x2 - 24},${ay} ${x2},${ay}`, fill: 'none', stroke: 'muted', strokeWidth: 1.5, className: 'meets-arrow' });
            children.push({ kind: 'path', d: `M${x2},${ay} L${x2 - 7},${ay - 4} L${x2 - 7},${ay + 4} Z`, fill: 'muted' });
            arrowTop += height + GAP;
        }
        nodes.push({ kind: 'group', className: 'plan-requirement', data: { requirement: requirement.id }, title: requirement.label, children });
        y += rowHeight + 2 * GAP;
    }
    const loose = cycle.actions.filter(a => !a.meets.some(id => cycle.requirements.some(r => r.id === id)));
    if (loose.length > 0) {
        nodes.push({ kind: 'text', x: MARGIN, y: y + 14, lines: [words.plan.actions], size: SMALL, weight: 'bold', fill: 'muted', className: 'plan-subheading' });
        textBoxes.push({ x: MARGIN, y: y + 2, width: textWidth(words.plan.actions, SMALL, true), height: 14 });
        let top = y;
        for (const action of loose) top += drawAction(action, MARGIN + REQUIREMENT_WIDTH + ARROW, top) + GAP;
        y = Math.max(y + 24, top) + GAP;
    }
    if (cycle.requirements.length === 0 && cycle.actions.length === 0) {
        nodes.push({ kind: 'text', x: MARGIN, y: y + 14, lines: [words.plan.nothing], size: SIZE, italic: true, fill: 'muted' });
        textBoxes.push({ x: MARGIN, y: y + 2, width: textWidth(words.plan.nothing, SIZE), height: LINE });
        y += 30;
    }

    // Priority areas, in their rank; then those not ranked.
    y += GAP;
    heading(words.plan.areas);
    const byId = new Map(cycle.areas.map(a => [a.id, a]));
    const ranked = cycle.priorities.map(id => byId.get(id)).filter((a): a is AreaModel => a !== undefined);
    const unranked = cycle.areas.filter(a => !cycle.priorities.includes(a.id));
    const drawArea = (area: AreaModel, rank: number | null) => {
        const x = MARGIN + 40;
        const inner = WIDTH - MARGIN - x - PAD;
        const because = area.because.map(b => words.plan.because[b]).join(', ');
        const blocks: Block[] = [block(area.label || area.id, inner, SIZE, 'ink', 'area-label', true, 2)];
        if (because) blocks.push(block(because, inner, SMALL, 'muted', 'area-because', false, 1));
        if (rank === null) blocks.push(block(words.plan.notRanked, inner, SMALL, 'danger', 'area-not-ranked', true, 1));
        const covered = area.covers.map(id => moments.get(id));
        const children: SceneNode[] = [];
        const markText = rank === null ? '–' : String(rank);
        children.push({ kind: 'circle', cx: MARGIN + 14, cy: y + 14, r: 13, fill: rank === null ? 'background' : 'accent', stroke: 'accent', strokeWidth: 1.5 });
        children.push({ kind: 'text', x: MARGIN + 14, y: y + 19, lines: [markText], size: 13, anchor: 'middle', weight: 'bold', fill: rank === null ? 'accent' : 'background', className: 'area-rank' });
        badgeBoxes.push({ x: MARGIN + 1, y: y + 1, width: 26, height: 26 });
        let bottom = drawBlocks(blocks, x, y, children, textBoxes);
        if (covered.length > 0) {
            const lead = `${words.plan.covers}:`;
            children.push({ kind: 'text', x, y: bottom + SMALL + 2, lines: [lead], size: SMALL, fill: 'muted', className: 'area-covers' });
            textBoxes.push({ x, y: bottom + 3, width: textWidth(lead, SMALL), height: SMALL_LINE });
            bottom += SMALL_LINE + 2;
            for (const [i, moment] of covered.entries()) {
                const name = moment ? momentName(moments, moment.id) : area.covers[i];
                const lines = wrapText(name, inner - 16, SMALL, 2, moment?.critical !== null && moment !== undefined);
                const critical = moment?.critical !== null && moment !== undefined;
                children.push({ kind: 'text', x: x + 12, y: bottom + SMALL, lines, size: SMALL, lineHeight: SMALL_LINE, fill: critical ? 'danger' : 'ink', weight: critical ? 'bold' : undefined, className: 'area-moment' });
                textBoxes.push({ x: x + 12, y: bottom + 1, width: lines.reduce((w, l) => Math.max(w, textWidth(l, SMALL, critical)), 0), height: lines.length * SMALL_LINE });
                bottom += lines.length * SMALL_LINE;
            }
        }
        nodes.push({ kind: 'group', className: rank === null ? 'plan-area not-ranked' : 'plan-area', data: { area: area.id, rank: rank === null ? '' : String(rank) }, title: area.label, children });
        y = Math.max(bottom, y + 28) + 2 * GAP;
    };
    ranked.forEach((area, i) => drawArea(area, i + 1));
    for (const area of unranked) drawArea(area, null);
    if (cycle.areas.length === 0) {
        nodes.push({ kind: 'text', x: MARGIN, y: y + 14, lines: [words.plan.nothing], size: SIZE, italic: true, fill: 'muted' });
        textBoxes.push({ x: MARGIN, y: y + 2, width: textWidth(words.plan.nothing, SIZE), height: LINE });
        y += 30;
    }
    return {
        view: 'plan', width: WIDTH, height: Math.ceil(y + MARGIN), title: `${isolateLine(cycle.label)} — ${words.titles.plan}`,
        nodes, labelBoxes: new Map(), textBoxes, badgeBoxes
    };
}
