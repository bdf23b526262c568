import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderCycleSvg, VIEWS } from '../../src/diagram/index.js';
import { example } from './diagram-helpers.js';

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
