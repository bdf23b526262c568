import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderCycleSvg, VIEWS } from '../../src/diagram/index.js';
import { example } from './diagram-helpers.js';
import { generatedResults, handFigures } from './generated-figures.js';

/**
 * The diagrams of the bundled examples, kept as files: a change to the renderer
 * shows in review as a change to these SVGs (open them to look).
 */
describe('diagram snapshots of the examples', () => {
    const examples = readdirSync(new URL('../../examples/', import.meta.url)).filter(f => f.endsWith('.cycle') && f !== 'team.cycle');
    for (const file of examples) {
        for (const view of VIEWS) {
            it(`${file}, ${view}`, async () => {
                const svg = renderCycleSvg(example(file), { view });
                await expect(svg).toMatchFileSnapshot(`./__snapshots__/${file.replace(/\.cycle$/, '')}.${view}.svg`);
            });
        }
    }
});

/** The survey-results layers, from figures set by hand (the first wave's story: told-take-number clearly failing). */
describe('diagram snapshots with survey results', () => {
    const bank = example('bank-check-cashing.cycle');
    const results = {
        csatTarget: 0.8,
        figures: handFigures(bank, {
            'told-take-number': [0.42, 0.34, 0.5, 0.45, 0.8], 'wait-turn': [0.62, 0.55, 0.69, 0.6, 0.7], 'receive-cash': [0.91, 0.86, 0.95, 0.88, 0.9],
            ask: [0.85, 0.79, 0.9, 0.8, 0.4], 'check-cash': [0.75, 0.68, 0.82, 0.72, 0.6], called: [0.81, 0.74, 0.87, 0.77, 0.3], verify: [0.7, 0.62, 0.77, 0.66, null]
        })
    };
    for (const view of ['clock', 'journey', 'ipa'] as const) {
        it(`bank-check-cashing, ${view}, with results`, async () => {
            await expect(renderCycleSvg(bank, { view, results })).toMatchFileSnapshot(`./__snapshots__/bank-check-cashing.results.${view}.svg`);
        });
    }
    it('savings-account.id, clock, with results (the Indonesian figure lines wrap within the column)', async () => {
        const cycle = example('savings-account.id.cycle');
        await expect(renderCycleSvg(cycle, { results: generatedResults(cycle, 4, 5) })).toMatchFileSnapshot('./__snapshots__/savings-account.id.results.clock.svg');
    });
});
