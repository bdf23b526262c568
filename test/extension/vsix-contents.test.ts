import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../cli/run-cli.js';

/**
 * What the .vsix carries, as `vsce ls` lists it with the flags `npm run package` uses:
 * what the extension runs and shows, and nothing of the repository besides.
 */
const packageJson = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8'));
const readme = readFileSync(join(PROJECT_ROOT, 'media', 'README.md'), 'utf8');

describe('the .vsix', () => {
    const listed = spawnSync('npx', ['vsce', 'ls', '--no-dependencies', '--readme-path', 'media/README.md'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    const files = listed.stdout.split('\n').map(l => l.trim()).filter(Boolean);

    it('holds what the extension runs and shows', () => {
        expect(listed.status, listed.stderr).toBe(0);
        for (const needed of ['package.json', 'LICENSE', 'CHANGELOG.md', 'media/README.md', 'media/icon.png', 'dist/extension.cjs', 'dist/server.cjs',
            'dist/browser/extension.js', 'dist/browser/server-worker.js', 'dist/webview/preview.js', 'syntaxes/cycle.tmLanguage.json', 'language-configuration.json',
            // Cycle: Export Report… runs the CLI's bundle, whose PDFs embed these fonts.
            'dist/cli/cli.mjs', 'dist/fonts/DejaVuSans.ttf']) {
            expect(files, needed).toContain(needed);
        }
        // Every picture the user's README shows is packed beside it.
        for (const [, image] of readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)) expect(files, image).toContain(image);
    });

    it('holds no sources, tests, docs, tools, source maps, other bundles or dependencies', () => {
        const junk = files.filter(f => /^(src|test|docs|scripts|bench|examples|packages|node_modules|\.e2e|\.ci)\//.test(f)
            || /\.(map|ts|tgz|vsix)$/.test(f) || /^dist\/web\//.test(f) || f === 'dist/cli/action.mjs' || f === 'README.md' || f === 'tsconfig.json');
        expect(junk).toEqual([]);
        // The CLI's bundle is its entry and its lazily loaded chunks, about fifty files.
        expect(files.length).toBeLessThan(90);
    });

    it('has an icon, a changelog, a user\'s README and no made-up addresses', () => {
        expect(packageJson.icon).toBe('media/icon.png');
        expect(readFileSync(join(PROJECT_ROOT, packageJson.icon)).subarray(1, 4).toString()).toBe('PNG');
        expect(packageJson.scripts.package).toContain('--readme-path media/README.md');
        expect(packageJson.scripts.package).toContain('--changelog-path CHANGELOG.md');
        for (const text of [JSON.stringify(packageJson), readme]) expect(text).not.toMatch(/example\.invalid|example\.com/);
        // A user's README: what it does, the preview, quick fixes, settings, commands, the LSP command; no developer setup.
        for (const heading of ['## What it does', '## Quick fixes', '## Settings', '## Commands', '## Other editors']) expect(readme).toContain(heading);
        expect(readme).toContain('cycle lsp --stdio');
        expect(readme).not.toMatch(/npm ci|npm test|test:e2e|npm run bench/);
        for (const command of packageJson.contributes.commands) expect(readme, command.title).toContain(command.title);
    });
});
