/**
 * A laid-out diagram: positions decided, colours named by role (the palette of a
 * theme resolves them when drawing). The renderer turns it into SVG; tests read it
 * directly (counts, order, label boxes).
 */

export type Paint = 'background' | 'ink' | 'muted' | 'faint' | 'accent' | 'danger' | 'dangerInk' | 'warning' | 'warningInk'
    | 'goal' | 'phaseA' | 'phaseB' | 'phaseC' | 'band' | 'none' | 'added' | 'removed' | 'changed' | 'moved'
    /** Survey results: a moment's CSAT on or below the target, and the journey's measured curve. */
    | 'onTarget' | 'belowTarget' | 'measured';

export interface Box { x: number; y: number; width: number; height: number }

export type SceneNode = GroupNode | CircleNode | RectNode | LineNode | PathNode | TextNode;

export interface GroupNode {
    kind: 'group';
    className?: string;
    /** `data-*` attributes, e.g. `{ moment: 'wait-turn' }`. */
    data?: Record<string, string>;
    /** A tooltip: the moment's label. */
    title?: string;
    /** Less than 1 to ghost the group (a removed moment in a visual diff). */
    opacity?: number;
    children: SceneNode[];
}

export interface CircleNode { kind: 'circle'; cx: number; cy: number; r: number; fill: Paint; stroke?: Paint; strokeWidth?: number; dash?: string; className?: string }
export interface RectNode { kind: 'rect'; x: number; y: number; width: number; height: number; rx?: number; fill: Paint; stroke?: Paint; strokeWidth?: number; dash?: string; className?: string }
export interface LineNode { kind: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: Paint; strokeWidth?: number; dash?: string; className?: string }
export interface PathNode { kind: 'path'; d: string; fill: Paint; stroke?: Paint; strokeWidth?: number; dash?: string; className?: string }
export interface TextNode {
    kind: 'text';
    x: number;
    y: number;
    lines: string[];
    size: number;
    lineHeight?: number;
    anchor?: 'start' | 'middle' | 'end';
    weight?: 'normal' | 'bold';
    fill: Paint;
    italic?: boolean;
    className?: string;
}

export type ViewName = 'clock' | 'blueprint' | 'journey' | 'plan' | 'ipa';

export interface Scene {
    view: ViewName;
    width: number;
    height: number;
    /** What the diagram shows, for `<title>` and screen readers. */
    title: string;
    nodes: SceneNode[];
    /** The box of each moment's label, by moment id, for overlap checks. */
    labelBoxes: Map<string, Box>;
    /**
     * The boxes of the other words drawn (phase labels, tags, callouts, lane names,
     * headings): with `labelBoxes`, no two of them may overlap.
     */
    textBoxes?: Box[];
    /** The boxes of the marks drawn over a diagram (badges, rings, fail points): no text may overlap one. */
    badgeBoxes?: Box[];
}

export function boxesOverlap(a: Box, b: Box): boolean {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
