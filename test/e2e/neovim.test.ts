import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../cli/run-cli.js';
import { SERVER } from '../server/lsp-client.js';

/** A real LSP client: Neovim receives the headline warning where it belongs. */
describe('Neovim as a client of the language server', () => {
    it('shows critical-unmitigated on the line of told-take-number in the bank example', () => {
        const bank = join(PROJECT_ROOT, 'examples', 'bank-check-cashing.cycle');
        const line = readFileSync(bank, 'utf8').split('\n').findIndex(l => l.startsWith('  moment told-take-number')) + 1;
        const result = spawnSync('nvim', ['--headless', '--clean', '-u', join(PROJECT_ROOT, 'test/e2e/neovim/expect-diagnostic.lua'), bank], {
            cwd: join(PROJECT_ROOT, 'examples'),
            encoding: 'utf8',
            timeout: 60_000,
            env: { ...process.env, CYCLE_SERVER: SERVER, CYCLE_CODE: 'critical-unmitigated', CYCLE_LINE: String(line) }
        });
        if (result.error) throw new Error(`could not run nvim (install it: apt-get install neovim): ${result.error.message}`);
        const output = `${result.stdout}\n${result.stderr}`;
        expect(output, output).toContain(`OK: critical-unmitigated on line ${line}`);
        expect(result.status).toBe(0);
    });
});
