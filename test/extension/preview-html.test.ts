import { describe, expect, it } from 'vitest';
import { previewHtml } from '../../src/extension/preview/preview-html.js';
import { toPreviewModel } from '../../src/server/preview-model-push.js';
import { example } from '../diagram/diagram-helpers.js';

const options = {
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/preview.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/preview.css',
    initialState: { uri: 'file:///x.cycle', view: 'clock' }
};

describe('the preview page', () => {
    it('has a strict Content-Security-Policy with a fresh nonce on its only script', () => {
        const html = previewHtml(options, 'abc123');
        const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1].replace(/&#39;|&quot;/g, "'");
        expect(csp).toContain("default-src 'none'");
        expect(csp).toContain("script-src 'nonce-abc123'");
        expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
        expect(csp).toContain(`style-src ${options.cspSource}`);
        const scripts = [...html.matchAll(/<script([^>]*)>/g)].map(m => m[1]);
        const executable = scripts.filter(attrs => !attrs.includes('application/json'));
        expect(executable).toHaveLength(1);
        expect(executable[0]).toContain('nonce="abc123"');
        expect(executable[0]).toContain(options.scriptUri);
        expect(previewHtml(options)).not.toEqual(previewHtml(options)); // a new nonce every time
    });

    it('carries its initial state as data that cannot close the script tag', () => {
        const html = previewHtml({ ...options, initialState: { uri: 'file:///</script><script>alert(1)</script>.cycle' } }, 'n');
        expect(html).not.toContain('</script><script>alert(1)');
        expect(html).toContain('\\u003c/script>');
    });

    it('receives a model without the parts it never draws', () => {
        const cycle = example('bank-check-cashing.cycle');
        const model = toPreviewModel({ modelVersion: 1, uri: 'file:///bank.cycle', roles: [], cycles: [cycle] }, 3, 0);
        expect(model.cycles[0].moments).toHaveLength(15);
        expect(Object.keys(model.cycles[0])).not.toEqual(expect.arrayContaining(['surveys']));
        const question = cycle.surveys[0].questions[0].label;
        expect(question.length).toBeGreaterThan(0);
        expect(JSON.stringify(model)).not.toContain(question);
        expect(model.version).toBe(3);
    });

    it('has a view button per view, the importance–performance one hidden until the cycle has survey results', () => {
        const html = previewHtml(options, 'n');
        const views = [...html.matchAll(/<button type="button" data-view="([^"]+)"[^>]*>/g)];
        expect(views.map(v => v[1])).toEqual(['clock', 'blueprint', 'journey', 'plan', 'ipa']);
        expect(views.filter(v => / hidden>$/.test(v[0])).map(v => v[1])).toEqual(['ipa']);
    });
});
