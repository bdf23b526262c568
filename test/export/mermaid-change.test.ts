import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { diffFiles } from '../../src/diff/diff-cycles.js';
import { cycleChangeMermaid, momentMarks } from '../../src/export/mermaid-change.js';
import { mermaidLabel } from '../../src/domain/neutralise/mermaid-flowchart.js';
import type { Document } from '../../src/language/generated/ast.js';
import { buildFileModel } from '../../src/model/build-model.js';
import type { FileModel } from '../../src/model/cycle-model.js';
import { createCycleCoreServices } from '../../src/model/services.js';

const services = createCycleCoreServices(EmptyFileSystem).Cycle;
let counter = 0;
function model(text: string): FileModel {
    const document = services.shared.workspace.LangiumDocumentFactory.fromString<Document>(text, URI.file(`/mermaid-change/${++counter}.cycle`));
    return buildFileModel(document.parseResult.value, document.uri.toString());
}

const LABELS: Record<string, string> = { a: 'Arrives', b: 'Orders', c: 'Eats', d: 'Pays cash', e: 'Leaves a review' };
const moments = (ids: string[]) => ids.map(id => `  moment ${id} "${LABELS[id]}"\n`).join('');
const cycle = (body: string) => `cycle c "C"\n  goal "g"\n  phase "First"\n${body}`;

function picture(before: string, after: string): string {
    const old = model(before), now = model(after);
    return cycleChangeMermaid(old.cycles[0], now.cycles[0], diffFiles(old, now));
}

describe('the Mermaid picture of a changed cycle', () => {
    it('marks added, moved and removed moments, in words and classes; the removed one stays where it was, dotted', () => {
        const text = picture(cycle(moments(['a', 'b', 'c', 'd'])), cycle(moments(['a', 'c', 'b', 'e'])));
        expect(text).toContain('m0["Arrives"]');
        expect(text).toMatch(/m\d\["➕ added · Leaves a review"\]/);
        expect(text).toMatch(/m\d\["➖ removed · Pays cash"\]/);
        expect(text).toMatch(/↕️ moved · (Orders|Eats)/);
        expect(text).toMatch(/class m\d+ added/);
        expect(text).toMatch(/class m\d+ removed/);
        // d followed b in the old cycle: it is drawn after b, linked by dotted arrows only.
        const removed = /m(\d+)\["➖ removed/.exec(text)![1];
        expect(text).toContain(`-.-> m${removed}`);
        expect(text).not.toMatch(new RegExp(`m${removed} -->|--> m${removed}\\b`));
        // The kept moments close the cycle: the last leads back to the first.
        expect(text).toMatch(/m\d+ --> m0\n/);
    });

    it('marks nothing in a cycle whose moments did not change', () => {
        const before = cycle(moments(['a', 'b'])), after = before.replace('goal "g"', 'goal "h"');
        const text = picture(before, after);
        expect(text).not.toMatch(/^ {2}class /m);
        expect(text).not.toMatch(/\["(➕|➖|↕️|✏️)/);
        expect(text).toContain('m0["Arrives"]');
    });

    it('counts a changed mitigation as a changed moment', () => {
        const before = cycle('  moment a "A"\n    critical\n      severity high\n      risk "r"\n      prevent "p"\n');
        const marks = momentMarks('c', diffFiles(model(before), model(before.replace('prevent "p"', 'prevent "q"'))));
        expect(marks.get('a')).toBe('changed');
    });

    it('neutralises labels: no quote, backtick, angle bracket, % or # reaches Mermaid', () => {
        const label = mermaidLabel('a"] --> x[`<img>` %%{init}%% #1 @team');
        expect(label).not.toMatch(/["`<>%#]/);
        expect(label).toContain('@\u2060team');
        expect(mermaidLabel('Plain words')).toBe('Plain words');
    });
});
