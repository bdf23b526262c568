import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/model/analyse.js';
import { RULES } from '../../src/language/validation/rules.js';
import { check } from '../helpers.js';

/*
 * docs/language.md is the users' reference: every rule the checker has is documented
 * there, with its default severity and an example file that really triggers it.
 */

const reference = readFileSync(new URL('../../docs/language.md', import.meta.url), 'utf8');
const rulesPart = reference.substring(reference.indexOf('\n## Rules') + 1);

interface RuleSection {
    severity: string;
    examples: string[];
    /** Files the examples read (```csv NAME blocks: survey results), by name. */
    files: Record<string, string>;
}

/** The rule sections: `#### \`code\`` under `### Errors`, `### Warnings` or `### Information`. */
function documentedRules(): Map<string, RuleSection> {
    const found = new Map<string, RuleSection>();
    let severity = '';
    let current: RuleSection | undefined;
    const lines = rulesPart.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (/^## /.test(line) && i > 0) break;
        const level = /^### (\w+)/.exec(line);
        if (level) severity = level[1].toLowerCase();
        const heading = /^#### `([a-z-]+)`/.exec(line);
        if (heading) {
            current = { severity, examples: [], files: {} };
            found.set(heading[1], current);
        }
        if (line.startsWith('```cycle') && current) {
            const end = lines.indexOf('```', i + 1);
            current.examples.push(lines.slice(i + 1, end).join('\n') + '\n');
            i = end;
        }
        const file = /^```csv (\S+)$/.exec(line);
        if (file && current) {
            const end = lines.indexOf('```', i + 1);
            current.files[file[1]] = lines.slice(i + 1, end).join('\n') + '\n';
            i = end;
        }
    }
    return found;
}

/** Checks an example as `cycle check` does; with files beside it (results files) when the section gives some. */
async function checkWithFiles(example: string, files: Record<string, string>) {
    if (Object.keys(files).length === 0) return (await check(example)).diagnostics;
    const dir = mkdtempSync(join(tmpdir(), 'cycle-doc-example-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const analysis = await analyse([{ uri: URI.file(join(dir, 'example.cycle')), text: example }], { fileSystem: NodeFileSystem });
    return analysis.texts[0].diagnostics;
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
            const triggered = await Promise.all(section!.examples.map(async example => (await checkWithFiles(example, section!.files)).map(d => String(d.code))));
            expect(triggered.some(codes => codes.includes(code)), `no example of ${code} triggers it`).toBe(true);
        });
    }
});
