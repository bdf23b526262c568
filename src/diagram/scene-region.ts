import { boxesOverlap, type Box, type Scene, type SceneNode } from './scene.js';
import { textWidth } from './text.js';

/**
 * What part of a scene a region of it shows: the nodes that reach into the region,
 * the others left out. A big diagram drawn as PNG pages draws each page from only
 * its own nodes, so the renderer holds one page's shapes and glyphs at a time, not
 * the whole diagram's.
 */

function union(a: Box | undefined, b: Box | undefined): Box | undefined {
    if (!a || !b) return undefined;
    const x = Math.min(a.x, b.x);
    const y = Math.min(a.y, b.y);
    return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

function around(x: number, y: number, reach: number): Box {
    return { x: x - reach, y: y - reach, width: 2 * reach, height: 2 * reach };
}

/**
 * The box a path's `d` stays within, for the absolute M, L, A and Z the layouts
 * write; undefined (unknown: always drawn) for any other command. An arc stays
 * within twice its radius of its end point.
 */
function pathBounds(d: string): Box | undefined {
    let box: Box | undefined;
    const add = (next: Box) => { box = box ? union(box, next) : next; };
    for (const [, command, args] of d.matchAll(/([A-Za-z])([^A-Za-z]*)/g)) {
        const numbers = args.trim() === '' ? [] : args.trim().split(/[\s,]+/).map(Number);
        if (numbers.some(n => !Number.isFinite(n))) return undefined;
        if (command === 'M' || command === 'L') {
            for (let i = 0; i + 1 < numbers.length; i += 2) add(around(numbers[i], numbers[i + 1], 0));
        } else if (command === 'A') {
            for (let i = 0; i + 6 < numbers.length; i += 7) add(around(numbers[i + 5], numbers[i + 6], 2 * Math.max(numbers[i], numbers[i + 1])));
        } else if (command !== 'Z' && command !== 'z') {
            return undefined;
        }
    }
    return box;
}

/** Where a node draws, generously (strokes, estimated text widths); undefined when that is not known. */
export function nodeBounds(node: SceneNode): Box | undefined {
    switch (node.kind) {
        case 'group': {
            let box: Box | undefined;
            for (const child of node.children) {
                const bounds = nodeBounds(child);
                if (!bounds) return undefined;
                box = box ? union(box, bounds) : bounds;
            }
            return box;
        }
        case 'circle': return around(node.cx, node.cy, node.r + (node.strokeWidth ?? 1));
        case 'rect': return { x: node.x, y: node.y, width: node.width, height: node.height };
        case 'line': return union(around(node.x1, node.y1, 0), around(node.x2, node.y2, 0));
        case 'path': return pathBounds(node.d);
        case 'text': {
            let width = 0;
            for (const line of node.lines) width = Math.max(width, textWidth(line, node.size, node.weight === 'bold'));
            const left = node.anchor === 'middle' ? node.x - width / 2 : node.anchor === 'end' ? node.x - width : node.x;
            const lineHeight = node.lineHeight ?? Math.round(node.size * 1.25);
            return { x: left, y: node.y - node.size, width, height: node.size * 1.5 + (node.lines.length - 1) * lineHeight };
        }
    }
}

/** Room around a region within which a node still counts as reaching into it: strokes, markers, text estimates. */
const MARGIN = 24;

function nodesInRegion(nodes: readonly SceneNode[], region: Box): SceneNode[] {
    const kept: SceneNode[] = [];
    for (const node of nodes) {
        const bounds = nodeBounds(node);
        if (bounds && !boxesOverlap(bounds, region)) continue;
        if (node.kind === 'group') {
            // A group can span the whole diagram (all the lanes of a blueprint): its parts are sorted out one by one.
            const children = nodesInRegion(node.children, region);
            if (children.length > 0) kept.push({ ...node, children });
        } else {
            kept.push(node);
        }
    }
    return kept;
}

/** The scene with only the nodes that reach into `region` (in the scene's units). */
export function sceneInRegion(scene: Scene, region: Box): Scene {
    const wide = { x: region.x - MARGIN, y: region.y - MARGIN, width: region.width + 2 * MARGIN, height: region.height + 2 * MARGIN };
    return { ...scene, nodes: nodesInRegion(scene.nodes, wide) };
}
