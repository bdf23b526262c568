/*
 * The rooms of src/ as docs/architecture.md writes them, in its `<!-- rooms … -->`
 * block. The architecture tests read the order from there, so the page and what is
 * enforced cannot drift apart.
 */

export interface RoomOrder {
    /** Top to bottom; the rooms of one level are siblings that never import each other. */
    readonly levels: readonly (readonly string[])[];
    /** Rooms that import no Node built-in. */
    readonly nodeFree: readonly string[];
    /** The folder of side-effect imports, outside the order. */
    readonly preludes: string;
    /** The only files (paths under src/) that may import the preludes. */
    readonly entryPoints: readonly string[];
}

const KEYS = ['order', 'node-free', 'preludes', 'entry-points'] as const;

/** Reads the `<!-- rooms … -->` block of docs/architecture.md; throws when it is missing or inconsistent. */
export function readRoomOrder(markdown: string): RoomOrder {
    const block = /<!--\s*rooms\b[^\n]*\n([\s\S]*?)-->/.exec(markdown);
    if (!block) throw new Error('docs/architecture.md has no `<!-- rooms … -->` block');
    const fields = new Map<string, string>();
    for (const line of block[1].split('\n')) {
        const field = /^\s*([a-z-]+):\s*(.*?)\s*$/.exec(line);
        if (field) fields.set(field[1], field[2]);
    }
    for (const key of KEYS) {
        if (!fields.get(key)) throw new Error(`the rooms block of docs/architecture.md has no \`${key}:\` line`);
    }
    const words = (text: string): string[] => text.split(/\s+/).filter(word => word.length > 0);
    const levels = fields.get('order')!.split('|').map(words);
    const rooms = levels.flat();
    if (levels.some(level => level.length === 0)) throw new Error('an empty level in the rooms order');
    if (new Set(rooms).size !== rooms.length) throw new Error('a room is listed twice in the rooms order');
    const nodeFree = words(fields.get('node-free')!);
    const preludes = fields.get('preludes')!;
    const entryPoints = words(fields.get('entry-points')!);
    for (const room of nodeFree) {
        if (!rooms.includes(room)) throw new Error(`node-free names \`${room}\`, which is not in the order`);
    }
    if (rooms.includes(preludes)) throw new Error('the preludes are outside the order');
    for (const entry of entryPoints) {
        if (!rooms.includes(entry.split('/')[0])) throw new Error(`entry point \`${entry}\` is in no room`);
    }
    return { levels, nodeFree, preludes, entryPoints };
}
