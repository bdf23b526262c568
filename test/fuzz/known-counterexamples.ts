/**
 * Inputs that broke a property once, kept so that `npm test` always tries them: the
 * bugs of issue 10 as the harness found (or was shown) them, each the smallest input
 * that shows it. A session's slots are taken among the documents an action fits (see
 * server-edits.ts): an `open` among the closed ones in the order a.cycle, team.cycle,
 * new.cycle, Untitled-1, notes.txt; an edit, a save, a close among the open ones.
 */
import { EXAMPLES, type MutatedExample, type SessionAction } from './generators.js';
import { cliArguments } from './properties/cli-arguments.js';
import { fmtRoundTrip } from './properties/fmt-round-trip.js';
import { hostileOutputs, type HostileInput } from './properties/hostile-outputs.js';
import { serverEdits } from './properties/server-edits.js';
import type { FuzzProperty } from './runner.js';

export interface KnownCounterexample<T> {
    name: string;
    property: FuzzProperty<T>;
    input: T;
}

const cycleWithRole = 'role r\ncycle c "c"\n  goal "g"\n  moment m "m"\n    by r\n';

const sessions: KnownCounterexample<SessionAction[]>[] = [
    {
        name: 'an untitled document closed, then a .cycle file opened: the server must survive it',
        property: serverEdits,
        input: [
            { kind: 'open', slot: 3, text: cycleWithRole },
            { kind: 'pause', ms: 400 },
            { kind: 'close', slot: 0 },
            { kind: 'open', slot: 2, text: cycleWithRole },
            { kind: 'pause', ms: 1500 }
        ]
    },
    {
        name: 'a request right after didOpen gets a result or an error, never {code: -32802} as its result',
        property: serverEdits,
        input: [
            { kind: 'open', slot: 2, text: cycleWithRole },
            { kind: 'request', method: 'textDocument/documentSymbol', slot: 0, line: 0, character: 0, text: '', tabSize: 2 }
        ]
    },
    {
        name: 'workspace/symbol answers with a bare `role` in a document',
        property: serverEdits,
        input: [
            { kind: 'open', slot: 2, text: 'role\n' },
            { kind: 'pause', ms: 400 },
            { kind: 'request', method: 'workspace/symbol', slot: 0, line: 0, character: 0, text: '', tabSize: 2 }
        ]
    },
    {
        name: 'workspace/symbol right after a workspace file is closed unsaved answers for its text on disk (team.cycle opened with the bank example)',
        property: serverEdits,
        input: [
            { kind: 'open', slot: 1, text: EXAMPLES.get('bank-check-cashing.cycle')! },
            { kind: 'pause', ms: 50 },
            { kind: 'close', slot: 0 }
        ]
    },
    {
        name: 'workspace/symbol right after an edited workspace file is closed unsaved answers for its text on disk',
        property: serverEdits,
        input: [
            { kind: 'open', slot: 0, text: EXAMPLES.get('bank-check-cashing.cycle')! },
            { kind: 'edit', slot: 0, edits: [{ line: 0, character: 0, deleteLength: 13, insert: 'feels 0\n' }, { line: 0, character: 1271673952, deleteLength: 1, insert: '"' }] },
            { kind: 'request', method: 'textDocument/hover', slot: 0, line: 456912274, character: 153137295, text: 'cycle c "c"\n  moment', tabSize: 8 },
            { kind: 'close', slot: 1 },
            { kind: 'save', slot: 4 }
        ]
    },
    {
        name: 'a workspace file opened with new text is answered for from that text at once, not from the disk',
        property: serverEdits,
        input: [
            { kind: 'open', slot: 0, text: '' },
            { kind: 'request', method: 'textDocument/foldingRange', slot: 0, line: 0, character: 0, text: '', tabSize: 2 }
        ]
    },
    {
        name: 'workspace/symbol right after a new file is closed unsaved is answered (nothing is left to parse)',
        property: serverEdits,
        input: [
            { kind: 'open', slot: 2, text: '' },
            { kind: 'request', method: 'textDocument/hover', slot: 0, line: 0, character: 0, text: '', tabSize: 2 },
            { kind: 'close', slot: 1 }
        ]
    },
    {
        name: 'the goal quick fix names the last moment with a name while the last one is half typed',
        property: serverEdits,
        input: [
            { kind: 'open', slot: 3, text: 'cycle c "c"\n  goal "g"\n  moment m "m"\n  moment\n' },
            { kind: 'pause', ms: 400 },
            { kind: 'request', method: 'textDocument/codeAction', slot: 0, line: 0, character: 0, text: '', tabSize: 2 }
        ]
    },
    {
        name: 'cycle/compare answers while a `moment` is half typed',
        property: serverEdits,
        input: [
            { kind: 'open', slot: 0, text: 'cycle c "c"\n  goal "g"\n  moment' },
            { kind: 'pause', ms: 400 },
            { kind: 'request', method: 'cycle/compare', slot: 0, line: 0, character: 0, text: 'cycle c "c"\n  goal "g"\n  moment m "m"\n', tabSize: 2 }
        ]
    }
];

const commandLines: KnownCounterexample<string[]>[] = [
    {
        name: '-o onto the input file leaves the input as it was',
        property: cliArguments,
        input: ['export', 'good.cycle', '--to', 'json', '-o', 'good.cycle']
    }
];

const files: KnownCounterexample<MutatedExample>[] = [
    {
        name: 'a file with 300,000 comment lines is formatted (or left alone) without overflowing the stack',
        property: fmtRoundTrip,
        input: { example: 'bank-check-cashing.cycle', mutations: [{ op: 'insert-comments', at: 0, count: 300_000 }] }
    }
];

const plain = (id: string, label: string) => ({ id, label, phase: null, by: null, critical: null, feels: null });

const outputs: KnownCounterexample<HostileInput>[] = [
    {
        name: 'a moment label starting with `title` stays a task of the Mermaid journey',
        property: hostileOutputs,
        input: {
            view: 'clock', theme: 'light',
            before: { id: 'c', label: 'c', goal: 'g', language: null, roles: [], moments: [plain('m0', 'Arrives')], question: null },
            after: { id: 'c', label: 'c', goal: 'g', language: null, roles: [], moments: [plain('m0', 'title of the visit')], question: null }
        }
    }
];

// Each entry keeps its own input type; the list only runs them.
export const KNOWN_COUNTEREXAMPLES: readonly KnownCounterexample<any>[] = [...sessions, ...commandLines, ...files, ...outputs];
