import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/language/validation/rules.js';
import { check } from '../helpers.js';

/*
 * docs/language.md is the users' reference: every rule the checker has is documented
 * there, with its default severity and an example file that really triggers it.
 */

const reference = readFileSync(new URL('../../docs/language.md', import.meta.url), 'utf8');
const rulesPart = reference.substring(reference.indexOf('\n## Rules') + 1);

/** The rule sections: `#### \`code\`` under `### Errors`, `### Warnings` or `### Information`. */
function documentedRules(): Map<string, { severity: string; examples: string[] }> {
    const found = new Map<string, { severity: string; examples: string[] }>();
    let severity = '';
    let current: { severity: string; examples: string[] } | undefined;
    const lines = rulesPart.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (/^## /.test(line) && i > 0) break;
        const level = /^### (\w+)/.exec(line);
        if (level) severity = level[1].toLowerCase();
        const heading = /^#### `([a-z-]+)`/.exec(line);
        if (heading) {
            current = { severity, examples: [] };
            found.set(heading[1], current);
        }
        if (line.startsWith('```cycle') && current) {
            const end = lines.indexOf('```', i + 1);
            current.examples.push(lines.slice(i + 1, end).join('\n') + '\n');
            i = end;
        }
    }
    return found;
}

const SEVERITY_HEADINGS: Record<string, string> = { error: 'errors', warning: 'warnings', info: 'information' };

describe('docs/language.md, the language reference', () => {
    const documented = documentedRules();

    it('documents every rule the checker has, and no rule it does not have', () => {
        expect([...documented.keys()].sort()).toEqual(Object.keys(RULES).sort());
    });

    for (const [code, rule] of Object.entries(RULES)) {
        it(`\`${code}\`: under its default severity, with an example that triggers it`, async () => {
            const section = documented.get(code);
            expect(section, `no section for ${code}`).toBeDefined();
            expect(section!.severity).toBe(SEVERITY_HEADINGS[rule.severity]);
            expect(section!.examples.length, `no example for ${code}`).toBeGreaterThan(0);
            const triggered = await Promise.all(section!.examples.map(async example => (await check(example)).diagnostics.map(d => String(d.code))));
            expect(triggered.some(codes => codes.includes(code)), `no example of ${code} triggers it`).toBe(true);
        });
    }
});
