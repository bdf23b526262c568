import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRooms, type RoomFinding, type RoomRule } from './check-rooms.js';
import { readRoomOrder, type RoomOrder } from './room-order.js';

/*
 * The rooms of src/ and their order, as docs/architecture.md writes them (its
 * `<!-- rooms … -->` block), held against every import of src/.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const order: RoomOrder = readRoomOrder(readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8'));

const only = (findings: readonly RoomFinding[], rule: RoomRule): RoomFinding[] => findings.filter(finding => finding.rule === rule);

describe('the rooms of src/ follow docs/architecture.md', () => {
    let findings: RoomFinding[];
    beforeAll(async () => {
        findings = await checkRooms(ROOT, order);
    });

    it('lists every folder of src/ as a room (language/generated belongs to language/)', () => {
        expect(only(findings, 'unlisted-room')).toEqual([]);
    });

    it('imports only point down the order', () => {
        expect(only(findings, 'upward')).toEqual([]);
    });

    it('no face imports another face', () => {
        expect(only(findings, 'siblings')).toEqual([]);
    });

    it(`no Node built-in is imported below the faces (${order.nodeFree.join(', ')})`, () => {
        expect(only(findings, 'node-built-in')).toEqual([]);
    });

    it(`only the entry points (${order.entryPoints.join(', ')}) import the preludes, and the preludes import no room`, () => {
        expect(only(findings, 'preludes-outside-entry-point')).toEqual([]);
        expect(only(findings, 'preludes-import-room')).toEqual([]);
    });

    it('no file imports another in a cycle (import type left out)', () => {
        expect(only(findings, 'cycle')).toEqual([]);
    });

    it('every import resolves (an unresolved one would escape every rule)', () => {
        expect(only(findings, 'unresolved')).toEqual([]);
    });
});

/*
 * The same check over a small tree written for it, with one breach of each rule and
 * imports that are allowed: each rule is shown to catch what it is for, and only that.
 */
const BAD_TREE: Record<string, string> = {
    // Allowed: a face imports a room below it, a Node built-in, and (as an entry point) the preludes.
    'src/cli/bin.ts': `import '../preludes/prelude.js';\nimport { model } from '../model/model.js';\nimport { readFileSync } from 'node:fs';\nexport const run = (): unknown => [model, readFileSync];\n`,
    // A face importing a sibling face, and a file that is no entry point importing the preludes.
    'src/cli/check.ts': `import { serve } from '../server/serve.js';\nimport '../preludes/prelude.js';\nexport const check = serve;\n`,
    'src/server/serve.ts': `export const serve = 1;\n`,
    'src/server/main.ts': `import '../preludes/prelude.js';\n`,
    // The preludes importing a room.
    'src/preludes/prelude.ts': `import { day } from '../domain/day.js';\nexport const prelude = day;\n`,
    // Node built-ins below the faces (plain and node: names), and an import up the order.
    'src/model/model.ts': `import { readFileSync } from 'fs';\nimport { draw } from '../diagram/draw.js';\nexport const model = [readFileSync, draw];\n`,
    'src/language/parse.ts': `import process from 'node:process';\nexport const parse = process;\n`,
    'src/diagram/draw.ts': `export const draw = 1;\n`,
    // A type imported from a room above is an upward import too.
    'src/domain/day.ts': `import type { Model } from './model-type.js';\nexport const day: Model | 1 = 1;\n`,
    'src/domain/model-type.ts': `import type { model } from '../model/model.js';\nexport type Model = typeof model;\n`,
    // A cycle of runtime imports.
    'src/domain/ping.ts': `import { pong } from './pong.js';\nexport const ping = (): unknown => pong;\n`,
    'src/domain/pong.ts': `import { ping } from './ping.js';\nexport const pong = (): unknown => ping;\n`,
    // A runtime cycle (a → b → c → a) where each file also imports a type from the one
    // before it: dependency-cruiser's `circular` rule, told to skip type-only imports,
    // misses this one (each edge's first cycle found is a type-only one); the check does not.
    'src/domain/round-a.ts': `import type { T as Before } from './round-c.js';\nimport { b } from './round-b.js';\nexport const a = (): unknown => b;\nexport type T = Before | 1;\n`,
    'src/domain/round-b.ts': `import type { T as Before } from './round-a.js';\nimport { c } from './round-c.js';\nexport const b = (): unknown => c;\nexport type T = Before | 2;\n`,
    'src/domain/round-c.ts': `import type { T as Before } from './round-b.js';\nimport { a } from './round-a.js';\nexport const c = (): unknown => a;\nexport type T = Before | 3;\n`,
    // A cycle of type-only imports: allowed.
    'src/domain/left.ts': `import type { Right } from './right.js';\nexport interface Left { right?: Right }\n`,
    'src/domain/right.ts': `import type { Left } from './left.js';\nexport interface Right { left?: Left }\n`,
    // An import of a file that does not exist.
    'src/format/format.ts': `import { gone } from './gone.js';\nexport const format = gone;\n`,
    // A folder the doc does not list.
    'src/helpers/help.ts': `export const help = 1;\n`
};

describe('each room rule catches what it is for (a tree with one breach of each)', () => {
    let tree: string;
    let findings: RoomFinding[];
    beforeAll(async () => {
        tree = mkdtempSync(join(tmpdir(), 'cycle-rooms-'));
        for (const [path, text] of Object.entries(BAD_TREE)) {
            mkdirSync(dirname(join(tree, path)), { recursive: true });
            writeFileSync(join(tree, path), text);
        }
        findings = await checkRooms(tree, order);
    });
    afterAll(() => rmSync(tree, { recursive: true, force: true }));

    it('finds exactly the breaches written into it', () => {
        expect(findings).toEqual([
            { rule: 'cycle', from: 'src/domain/ping.ts', to: 'src/domain/ping.ts ↔ src/domain/pong.ts' },
            { rule: 'cycle', from: 'src/domain/round-a.ts', to: 'src/domain/round-a.ts ↔ src/domain/round-b.ts ↔ src/domain/round-c.ts' },
            { rule: 'node-built-in', from: 'src/language/parse.ts', to: 'process' },
            { rule: 'node-built-in', from: 'src/model/model.ts', to: 'fs' },
            { rule: 'preludes-import-room', from: 'src/preludes/prelude.ts', to: 'src/domain/day.ts' },
            { rule: 'preludes-outside-entry-point', from: 'src/cli/check.ts', to: 'src/preludes/prelude.ts' },
            { rule: 'siblings', from: 'src/cli/check.ts', to: 'src/server/serve.ts' },
            { rule: 'unlisted-room', from: 'src/helpers/', to: 'docs/architecture.md' },
            { rule: 'unresolved', from: 'src/format/format.ts', to: './gone.js' },
            { rule: 'upward', from: 'src/domain/model-type.ts', to: 'src/model/model.ts' },
            { rule: 'upward', from: 'src/model/model.ts', to: 'src/diagram/draw.ts' }
        ]);
    });
});
