import { describe, expect, it } from 'vitest';
import type { CompletionItem, CompletionList } from 'vscode-languageserver';
import { openAtCursor, SMALL } from './lsp-helpers.js';

async function completionAt(source: string, ...others: string[]): Promise<string[]> {
    const { ws, document, at } = await openAtCursor(source, ...others);
    const list = await ws.services.lsp.CompletionProvider!.getCompletion(document, at) as CompletionList;
    return (list?.items ?? []).map((item: CompletionItem) => item.label);
}

describe('completion', () => {
    it('offers the ten quality components after `quality `', async () => {
        const labels = await completionAt(SMALL.replace('    by clerk\n', '    by clerk\n    quality <|>\n'));
        expect(labels).toEqual(expect.arrayContaining(['security', 'credibility', 'communication', 'understanding', 'accessibility', 'courtesy', 'professionalism', 'responsiveness', 'reliability', 'tangibles']));
        expect(labels).toHaveLength(10);
    });

    it('offers the channels after `channel `', async () => {
        const labels = await completionAt(SMALL.replace('    by clerk\n', '    channel <|>\n'));
        expect(labels).toEqual(['in-person', 'phone', 'correspondence', 'web', 'app', 'chat', 'facility', 'product', 'none']);
    });

    it('offers what a moment holds on a line indented under a moment', async () => {
        const labels = await completionAt(SMALL.replace('    by clerk\n', '    by clerk\n    <|>\n'));
        expect(labels).toEqual(expect.arrayContaining(['channel', 'feels', 'quality', 'critical', 'wait']));
        expect(labels).not.toContain('moment');
        expect(labels).not.toContain('cycle');
    });

    it('reads lone \\r line ends as line ends', async () => {
        const labels = await completionAt(SMALL.replace('    by clerk\n', '    by clerk\n    <|>\n').replace(/\n/g, '\r'));
        expect(labels).toEqual(expect.arrayContaining(['channel', 'feels', 'quality', 'critical', 'wait']));
    });

    it('offers what a cycle holds on a line at the cycle\'s block level', async () => {
        const labels = await completionAt(SMALL.replace('    by clerk\n', '    by clerk\n  <|>\n'));
        expect(labels).toEqual(expect.arrayContaining(['moment', 'requirement', 'survey', 'goal', 'role']));
        expect(labels).not.toContain('feels');
    });

    it('offers top-level lines at column 0', async () => {
        const labels = await completionAt(SMALL + '<|>');
        expect(labels).toEqual(expect.arrayContaining(['cycle', 'role']));
        expect(labels).not.toContain('feels');
    });

    it('offers the roles visible from `by `, including top-level roles of other files, and no moments', async () => {
        const labels = await completionAt(SMALL.replace('    by clerk\n', '    by <|>\n'), 'role auditor "Auditor"\n');
        expect(labels).toEqual(expect.arrayContaining(['clerk', 'auditor']));
        expect(labels).not.toContain('first');
    });

    it('offers the moments of the cycle after `about `', async () => {
        const labels = await completionAt(SMALL + '  survey s "S"\n    question q "Q?"\n      about <|>\n');
        expect(labels).toEqual(expect.arrayContaining(['first', 'second']));
        expect(labels).not.toContain('clerk');
    });

    it('offers the enumeration values after `stage ` and `severity `', async () => {
        expect(await completionAt(SMALL.replace('  goal "g"\n', '  goal "g"\n  stage <|>\n'))).toEqual(expect.arrayContaining(['introduction', 'growth', 'maturity', 'decline']));
    });

    it('offers no fact-starting keyword past the first fact of a line (one fact per line)', async () => {
        const starters = ['cycle', 'customer', 'goal', 'stage', 'role', 'moment', 'by', 'channel', 'feels', 'quality', 'wait', 'critical',
            'risk', 'prevent', 'recover', 'owner', 'requirement', 'about', 'answer', 'question', 'survey', 'priorities', 'achieves'];
        const noStarter = (labels: string[]) => expect(labels.filter(l => starters.includes(l))).toEqual([]);
        noStarter(await completionAt(SMALL.replace('  goal "g"\n', '  goal "g" <|>\n')));
        noStarter(await completionAt(SMALL.replace('  moment second "Second"\n', '  moment second "Second" <|>\n')));
        noStarter(await completionAt(SMALL.replace('    by clerk\n', '    by clerk\n    feels 3 <|>\n')));
        noStarter(await completionAt(SMALL.replace('    by clerk\n', '    by clerk\n    achieves goal <|>\n')));
        noStarter(await completionAt(SMALL.replace('    by clerk\n', '    by clerk\n    critical <|>\n')));
        noStarter(await completionAt(SMALL.replace('    by clerk\n', '    by clerk\n    critical\n      risk "r" <|>\n')));
        noStarter(await completionAt(SMALL + '  priorities <|>\n'));
        noStarter(await completionAt(SMALL + '  survey s "S"\n    question q "Q?"\n      answer scale 1..5 <|>\n'));
        noStarter(await completionAt(SMALL + '  survey s "S"\n    question q "Q?"\n      answer number <|>\n'));
        // `role r ` can still take its label; nothing else.
        expect(await completionAt(SMALL.replace('  role clerk "Clerk"\n', '  role clerk "Clerk"\n  role r <|>\n'))).toEqual(['"label"']);
        // What may still follow is offered: a unit, `goal` after `achieves`; a partial first word still completes.
        expect(await completionAt(SMALL.replace('    by clerk\n', '    by clerk\n    wait target 5 <|>\n'))).toEqual(['sec', 'secs', 'second', 'seconds', 'min', 'mins', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks']);
        expect(await completionAt(SMALL.replace('    by clerk\n', '    by clerk\n    achieves <|>\n'))).toEqual(['goal']);
        expect(await completionAt(SMALL.replace('    by clerk\n', '    by clerk\n    fe<|>\n'))).toContain('feels');
    });
});
