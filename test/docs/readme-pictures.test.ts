import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * The README shows the bank example in three views (docs/images/*.svg). They must be
 * what `cycle render` draws today, or the README shows a diagram users cannot get.
 * When a change of the diagrams makes this fail, draw them again with the command
 * given in the failure and look at them before committing.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BANK = 'examples/bank-check-cashing.cycle';
const PICTURES: { file: string; args: string[] }[] = [
    { file: 'docs/images/bank-clock.svg', args: ['--detail'] },
    { file: 'docs/images/bank-blueprint.svg', args: ['--view', 'blueprint'] },
    { file: 'docs/images/bank-plan.svg', args: ['--view', 'plan', '--today', '2026-12-02'] },
    { file: 'docs/images/bank-ipa.svg', args: ['--results', '--view', 'ipa'] },
    { file: 'docs/images/bank-clock-results.svg', args: ['--results'] }
];

describe("the README's pictures", () => {
    const readme = readFileSync(`${ROOT}README.md`, 'utf8');
    for (const { file, args } of PICTURES) {
        it(`${file} is in the README and is what cycle render draws`, () => {
            expect(readme).toContain(`](${file})`);
            const drawn = spawnSync(process.execPath, ['bin/cycle.cjs', 'render', BANK, ...args], { cwd: ROOT, encoding: 'utf8' });
            expect(drawn.status, drawn.stderr).toBe(0);
            const command = `node bin/cycle.cjs render ${BANK} ${args.join(' ')} -o ${file}`;
            expect(drawn.stdout === readFileSync(`${ROOT}${file}`, 'utf8'), `out of date: run \`${command}\``).toBe(true);
        });
    }
});
