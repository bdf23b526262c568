import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const BANK = 'examples/bank-check-cashing.cycle';
const scratch = () => mkdtempSync(join(tmpdir(), 'cycle-render-'));

function pngSize(file: string): { width: number; height: number } {
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('cycle render', () => {
    it('writes the SVG to standard output by default, with the contract\'s marks', () => {
        const result = runCli(['render', BANK]);
        expect(result.status).toBe(0);
        expect(result.stdout.startsWith('<svg ')).toBe(true);
        expect(result.stdout).toContain('data-moment="told-take-number"');
        expect(result.stdout).toMatch(/class="moment critical unmitigated"/);
    });

    it('writes SVG and PNG files, in each view and theme', () => {
        const dir = scratch();
        for (const view of ['clock', 'blueprint', 'journey']) {
            const svg = join(dir, `${view}.svg`);
            expect(runCli(['render', BANK, '-o', svg, '--view', view, '--theme', 'dark']).status).toBe(0);
            expect(readFileSync(svg, 'utf8')).toContain(`view-${view} theme-dark`);
        }
        const png = join(dir, 'bank.png');
        const result = runCli(['render', BANK, '-o', png]);
        expect(result.status).toBe(0);
        expect(result.stderr).toContain(`wrote ${png}`);
        const { width, height } = pngSize(png);
        expect(width).toBeGreaterThan(1500); // drawn at twice the SVG's size
        expect(height).toBeGreaterThan(900);
    });

    it('chooses a cycle with --cycle and names the ones there are when it does not exist', () => {
        const dir = scratch();
        const file = join(dir, 'two.cycle');
        writeFileSync(file, 'cycle first "First"\n  moment a "A"\ncycle second "Second"\n  moment b "Bee"\n');
        expect(runCli(['render', file, '--cycle', 'second']).stdout).toContain('data-moment="b"');
        const missing = runCli(['render', file, '--cycle', 'third']);
        expect(missing.status).toBe(2);
        expect(missing.stderr).toContain('has no cycle `third`; it has `first`, `second`');
    });

    it('refuses to draw a file with syntax errors, and writes nothing', () => {
        const dir = scratch();
        const file = join(dir, 'broken.cycle');
        writeFileSync(file, 'cycle c "x"\n  moment m "M" "N"\n');
        const out = join(dir, 'out.svg');
        const result = runCli(['render', file, '-o', out]);
        expect(result.status).toBe(1);
        expect(result.stderr).toMatch(/syntax errors \(the first on line 2\)/);
        expect(existsSync(out)).toBe(false);
    });

    it('never writes anywhere but where it is told: no new folders, no unknown formats', () => {
        const dir = scratch();
        const nested = join(dir, 'no', 'such', 'folder', 'x.svg');
        const result = runCli(['render', BANK, '-o', nested]);
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/folder .* does not exist/);
        expect(existsSync(join(dir, 'no'))).toBe(false);
        const pdf = runCli(['render', BANK, '-o', join(dir, 'x.pdf')]);
        expect(pdf.status).toBe(2);
        expect(pdf.stderr).toMatch(/name it \.svg or \.png/);
        expect(runCli(['render', BANK, '--view', 'pie']).status).toBe(2);
    });
    it('draws the blueprint with a frontstage lane per role and explains the fail point', () => {
        const result = runCli(['render', BANK, '--view', 'blueprint', '--width', '5000']);
        expect(result.status).toBe(0);
        const lanes = [...result.stdout.matchAll(/class="lane-name"[^>]*>([^<]+)/g)].map(m => m[1]);
        expect(lanes).toEqual(['Physical evidence', 'Customer actions', 'Floor employee', 'Teller', 'no role', 'Backstage', 'Support processes']);
        expect(result.stdout).toContain('>fail point</text>');
        const png = join(scratch(), 'blueprint.png');
        expect(runCli(['render', BANK, '--view', 'blueprint', '-o', png]).status).toBe(0);
        expect(pngSize(png).width).toBeGreaterThan(1500);
    });
});
