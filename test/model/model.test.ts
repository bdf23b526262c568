import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/language/generated/ast.js';
import { buildFileModel } from '../../src/model/build-model.js';
import { cycleStats, describeStats } from '../../src/model/cycle-model.js';
import { check } from '../helpers.js';

const bank = readFileSync(new URL('../../examples/bank-check-cashing.cycle', import.meta.url), 'utf8');

async function bankModel() {
    const checked = await check(bank);
    return buildFileModel(checked.document.parseResult.value as Document, 'file:///bank.cycle');
}

describe('the cycle model', () => {
    it('holds the bank cycle: fifteen moments in order, three critical, one unmitigated', async () => {
        const model = await bankModel();
        expect(model.roles.map(r => [r.id, r.scope])).toEqual([['branch-manager', 'workspace']]);
        const cycle = model.cycles[0];
        expect(cycle.id).toBe('bank-check-cashing');
        expect(cycle.goal).toBe('Turn my check into cash');
        expect(cycle.stage).toBe('maturity');
        expect(cycle.moments.map(m => m.step)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
        expect(cycle.moments[0].id).toBe('decide');
        expect(cycle.moments.filter(m => m.critical).map(m => m.id)).toEqual(['told-take-number', 'wait-turn', 'receive-cash']);
        expect(cycle.moments.filter(m => m.unmitigated).map(m => m.id)).toEqual(['told-take-number']);
        expect(describeStats(cycleStats(cycle))).toBe('15 moments · 3 critical · 1 unmitigated');
    });

    it('groups moments into phases and keeps the details of each moment', async () => {
        const cycle = (await bankModel()).cycles[0];
        expect(cycle.phases.map(p => [p.label, p.moments.length])).toEqual([
            ['Getting there', 2], ['In the branch', 5], ['At the window', 6], ['Going home', 2]
        ]);
        const wait = cycle.moments.find(m => m.id === 'wait-turn')!;
        expect(wait.phase).toBe('In the branch');
        expect(wait.waitTarget).toEqual({ amount: 10, unit: 'min', seconds: 600 });
        expect(wait.waitLimit?.seconds).toBe(1200);
        expect(wait.critical?.prevent[0]).toMatchObject({ owner: 'branch-manager', kind: 'prevent' });
        expect(wait.evidence).toEqual(['Ticket dispenser, number display, seats']);
        const checkCash = cycle.moments.find(m => m.id === 'check-cash')!;
        expect(checkCash).toMatchObject({ achievesGoal: true, feels: 5, channel: 'none' });
        expect(cycle.priorities).toEqual(['cash-handling', 'queue', 'reception']);
        expect(cycle.surveys[0].questions[2].answer).toEqual({ kind: 'scale', low: 1, high: 5, lowLabel: 'Very impolitely', highLabel: 'Very politely' });
    });

    it('points at the source: the range of each moment and of its id', async () => {
        const cycle = (await bankModel()).cycles[0];
        const moment = cycle.moments.find(m => m.id === 'told-take-number')!;
        const lines = bank.split('\n');
        expect(lines[moment.idRange.start.line].substring(moment.idRange.start.character, moment.idRange.end.character)).toBe('told-take-number');
        expect(lines[moment.range.end.line]).toContain('risk "The employee answers');
    });

    it('is plain data: it survives a JSON round trip unchanged', async () => {
        const model = await bankModel();
        expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    });

    it('takes the default severity of a critical block as medium', async () => {
        const checked = await check('cycle c "x"\n  moment m "M"\n    critical\n      risk "r"\n');
        const model = buildFileModel(checked.document.parseResult.value as Document, 'file:///x.cycle');
        expect(model.cycles[0].moments[0].critical?.severity).toBe('medium');
    });
});
