import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cruise, type ICruiseResult, type IForbiddenRuleType } from 'dependency-cruiser';
import type { RoomOrder } from './room-order.js';

/*
 * Checks the imports of a tree's src/ against the room order of docs/architecture.md:
 * dependency-cruiser reads every import once (type-only imports included) and applies
 * one rule set built from the order; import cycles are found on the same graph.
 */

export type RoomRule =
    | 'unlisted-room'
    | 'upward'
    | 'siblings'
    | 'node-built-in'
    | 'preludes-outside-entry-point'
    | 'preludes-import-room'
    | 'unresolved'
    | 'cycle';

export interface RoomFinding {
    readonly rule: RoomRule;
    /** The importing file (for `unlisted-room`, the entry of src/ the doc does not list). */
    readonly from: string;
    /** The imported module (for `cycle`, every file of the cycle, joined by ` ↔ `). */
    readonly to: string;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The paths of a room: a folder (`model` → `src/model/…`) or, for a name ending in `.ts`, one file. */
function roomPath(room: string): string {
    return room.endsWith('.ts') ? `^src/${escape(room)}$` : `^src/${escape(room)}/`;
}

function anyRoom(rooms: readonly string[]): string {
    return rooms.map(roomPath).join('|');
}

/** The rule set, built from the order: one rule per room for what lies above it and beside it. */
function rulesOf(order: RoomOrder): IForbiddenRuleType[] {
    const rules: IForbiddenRuleType[] = [];
    order.levels.forEach((level, depth) => {
        const above = order.levels.slice(0, depth).flat();
        for (const room of level) {
            if (above.length > 0) {
                rules.push({ name: 'upward', severity: 'error', from: { path: roomPath(room) }, to: { path: anyRoom(above) } });
            }
            const siblings = level.filter(other => other !== room);
            if (siblings.length > 0) {
                rules.push({ name: 'siblings', severity: 'error', from: { path: roomPath(room) }, to: { path: anyRoom(siblings) } });
            }
        }
    });
    const preludes = roomPath(order.preludes);
    rules.push(
        { name: 'node-built-in', severity: 'error', from: { path: anyRoom(order.nodeFree) }, to: { dependencyTypes: ['core'] } },
        {
            name: 'preludes-outside-entry-point', severity: 'error',
            from: { path: '^src/', pathNot: order.entryPoints.map(entry => `^src/${escape(entry)}$`).join('|') },
            to: { path: preludes }
        },
        // The preludes run first: anything they imported from a room would run before the polyfill they install.
        { name: 'preludes-import-room', severity: 'error', from: { path: preludes }, to: { path: '^src/', pathNot: preludes } },
        // An import dependency-cruiser cannot resolve is an edge no other rule sees.
        { name: 'unresolved', severity: 'error', from: { path: '^src/' }, to: { couldNotResolve: true } }
    );
    return rules;
}

/** Entries of src/ (folders, and files such as protocol.ts) that the order does not name. */
function unlistedEntries(root: string, order: RoomOrder): RoomFinding[] {
    const listed = new Set([...order.levels.flat(), order.preludes]);
    return readdirSync(join(root, 'src'), { withFileTypes: true })
        .filter(entry => !entry.name.startsWith('.') && !listed.has(entry.name))
        .map(entry => ({ rule: 'unlisted-room', from: `src/${entry.name}${entry.isDirectory() ? '/' : ''}`, to: 'docs/architecture.md' }));
}

/**
 * Import cycles between files of src/, found as the strongly connected components of
 * the import graph (Tarjan). `import type` edges are left out: TypeScript erases them,
 * so they cannot make the order of module initialisation matter, and Langium's
 * dependency injection types the services with the classes that receive them
 * (language/cycle-module.ts ↔ language/validation/), a cycle only the type checker sees.
 * dependency-cruiser's own `circular` rule is not used: it checks, for each import, the
 * first cycle its search meets, so told to skip type-only imports it can miss a runtime
 * cycle whose files also import types from one another (the test shows one).
 */
function runtimeCycles(result: ICruiseResult): RoomFinding[] {
    const edges = new Map<string, string[]>();
    for (const module of result.modules) {
        if (!module.source.startsWith('src/')) continue;
        edges.set(module.source, module.dependencies
            .filter(dependency => dependency.resolved.startsWith('src/') && !dependency.dependencyTypes.includes('type-only'))
            .map(dependency => dependency.resolved));
    }
    const index = new Map<string, number>();
    const lowLink = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const findings: RoomFinding[] = [];
    const visit = (file: string): void => {
        index.set(file, index.size);
        lowLink.set(file, index.get(file)!);
        stack.push(file);
        onStack.add(file);
        for (const next of edges.get(file) ?? []) {
            if (!index.has(next)) {
                visit(next);
                lowLink.set(file, Math.min(lowLink.get(file)!, lowLink.get(next)!));
            } else if (onStack.has(next)) {
                lowLink.set(file, Math.min(lowLink.get(file)!, index.get(next)!));
            }
        }
        if (lowLink.get(file) !== index.get(file)) return;
        const component: string[] = [];
        let member: string;
        do {
            member = stack.pop()!;
            onStack.delete(member);
            component.push(member);
        } while (member !== file);
        const importsItself = (edges.get(file) ?? []).includes(file);
        if (component.length > 1 || importsItself) {
            component.sort();
            findings.push({ rule: 'cycle', from: component[0], to: component.join(' ↔ ') });
        }
    };
    for (const file of [...edges.keys()].sort()) {
        if (!index.has(file)) visit(file);
    }
    return findings;
}

/** Every breach of the room order in `root`/src/, sorted by rule and file. */
export async function checkRooms(root: string, order: RoomOrder): Promise<RoomFinding[]> {
    const cruised = await cruise(['src'], {
        baseDir: root,
        // Type-only imports count for the order: a type from a room above is a dependency on that room.
        tsPreCompilationDeps: true,
        doNotFollow: { path: 'node_modules' },
        // Langium and the vscode-languageserver packages are ESM with `exports` maps; the
        // browser worker's entry imports vscode-languageserver/browser.
        enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'browser', 'default'] },
        validate: true,
        ruleSet: { forbidden: rulesOf(order) }
    });
    const result = cruised.output as ICruiseResult;
    const violations: RoomFinding[] = (result.summary.violations ?? [])
        .map(violation => ({ rule: violation.rule.name as RoomRule, from: violation.from, to: violation.to }));
    return [...unlistedEntries(root, order), ...violations, ...runtimeCycles(result)]
        .sort((a, b) => a.rule.localeCompare(b.rule) || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}
