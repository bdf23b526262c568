/**
 * Property: labels are data in every output. A valid cycle whose labels carry hostile
 * text (control characters, escape sequences, right-to-left marks, markup of every
 * output format, Mermaid keywords, @mentions, links, very long words) goes through
 * `check` (pretty, json, sarif), `render` (SVG, and the visual diff), `export`
 * (mermaid, markdown, json) and `diff` (text, markdown, json) against another version:
 * - terminal text carries no raw control character;
 * - SVG is well-formed XML and draws every moment;
 * - Markdown pings nobody and links nothing;
 * - the Mermaid journey has one header, one title and one task per moment;
 * - JSON parses, and the exported labels are the labels written.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { markdownProblems, mermaidProblems, parseJson, svgMomentIds, terminalProblems, xmlProblems } from '../checks/outputs.js';
import { cycle, internalErrorProblem, type InProcessResult } from '../cli-in-process.js';
import { cycleSpec, cycleText, type CycleSpec } from '../generators.js';
import type { FuzzProperty } from '../runner.js';
import { stats } from '../stats.js';
import { removeFolder, temporaryFolder } from '../workspace.js';

export interface HostileInput {
    before: CycleSpec;
    after: CycleSpec;
    view: 'clock' | 'blueprint' | 'journey';
    theme: 'light' | 'dark';
}

const hostileInput: fc.Arbitrary<HostileInput> = fc.record({
    before: cycleSpec,
    after: cycleSpec,
    view: fc.constantFrom('clock' as const, 'blueprint' as const, 'journey' as const),
    theme: fc.constantFrom('light' as const, 'dark' as const)
}).map(input => ({ ...input, before: { ...input.before, id: input.after.id } }));

const CHANGES = new Set(['added', 'removed', 'changed', 'moved']);
const KINDS = new Set(['moment', 'critical', 'risk', 'prevent', 'recover', 'role', 'requirement', 'action', 'area', 'priority', 'survey', 'question', 'cycle']);

/** Runs one command; its problems when it crashed or exited with an unexpected status. */
async function run(args: string[], statuses: number[]): Promise<{ result: InProcessResult; problems: string[] }> {
    stats.cliRuns++;
    const result = await cycle(args);
    const what = `cycle ${args.map(a => a.replace(/^.*\//, '')).join(' ')}`;
    const problems = internalErrorProblem(result, what);
    if (problems.length > 0) stats.unhandledExceptions++;
    else if (!statuses.includes(result.status)) problems.push(`${what} exited ${result.status}: ${result.stderr.trim().substring(0, 300)}`);
    return { result, problems: problems.concat(terminalProblems(result.stderr, `${what} (standard error)`)) };
}

function jsonOf(text: string, what: string, problems: string[]): unknown {
    const parsed = parseJson(text, what);
    if ('problem' in parsed) {
        problems.push(parsed.problem);
        return undefined;
    }
    return parsed.value;
}

export async function checkOutputs(input: HostileInput): Promise<string[]> {
    const folder = temporaryFolder('outputs');
    const before = join(folder, 'before.cycle');
    const after = join(folder, 'after.cycle');
    writeFileSync(before, cycleText(input.before));
    writeFileSync(after, cycleText(input.after));
    const problems: string[] = [];
    const moments = input.after.moments;
    try {
        // check: pretty for people, json and sarif for tools
        const pretty = await run(['check', after], [0, 1]);
        problems.push(...pretty.problems, ...terminalProblems(pretty.result.stdout, 'cycle check (pretty)'));
        const json = await run(['check', after, '--format', 'json'], [0, 1]);
        const findings = jsonOf(json.result.stdout, 'cycle check --format json', problems);
        if (findings !== undefined && !(Array.isArray(findings) && findings.every(f => Number.isInteger(f.line) && f.line >= 1 && Number.isInteger(f.column) && f.column >= 1 && typeof f.message === 'string'))) {
            problems.push(`cycle check --format json is not a list of {line, column, message}: ${json.result.stdout.substring(0, 300)}`);
        }
        const sarif = await run(['check', after, '--format', 'sarif'], [0, 1]);
        const log = jsonOf(sarif.result.stdout, 'cycle check --format sarif', problems) as { version?: string; runs?: { results?: { message?: { text?: unknown } }[] }[] } | undefined;
        if (log !== undefined && (log.version !== '2.1.0' || !log.runs?.[0]?.results?.every(r => typeof r.message?.text === 'string'))) {
            problems.push(`cycle check --format sarif is not SARIF 2.1.0 with a message per result: ${sarif.result.stdout.substring(0, 300)}`);
        }
        problems.push(...json.problems, ...sarif.problems);

        // render: well-formed SVG that draws every moment; the visual diff too
        const svg = await run(['render', after, '--view', input.view, '--theme', input.theme], [0]);
        problems.push(...svg.problems);
        if (svg.result.status === 0) {
            const xml = xmlProblems(svg.result.stdout, `the ${input.view} SVG`);
            problems.push(...xml);
            const drawn = new Set(svgMomentIds(svg.result.stdout));
            const missing = moments.filter(m => !drawn.has(m.id)).map(m => m.id);
            if (xml.length === 0 && missing.length > 0) problems.push(`the ${input.view} SVG draws no element for the moments ${missing.join(', ')}`);
        }
        const visualDiff = await run(['render', '--diff', before, after, '--theme', input.theme], [0]);
        problems.push(...visualDiff.problems);
        if (visualDiff.result.status === 0) problems.push(...xmlProblems(visualDiff.result.stdout, 'the visual diff SVG'));

        // export
        const mermaid = await run(['export', after, '--to', 'mermaid'], [0]);
        problems.push(...mermaid.problems, ...mermaidProblems(mermaid.result.stdout, moments.length, 'the Mermaid journey'));
        const markdown = await run(['export', after, '--to', 'markdown'], [0]);
        problems.push(...markdown.problems, ...markdownProblems(markdown.result.stdout, 'the Markdown report'));
        const exported = await run(['export', after, '--to', 'json'], [0]);
        problems.push(...exported.problems);
        const model = jsonOf(exported.result.stdout, 'cycle export --to json', problems) as { cycles?: { label?: string; moments?: { label?: string }[] }[] } | undefined;
        if (model !== undefined) {
            const labels = model.cycles?.[0]?.moments?.map(m => m.label);
            if (JSON.stringify(labels) !== JSON.stringify(moments.map(m => m.label))) {
                problems.push(`cycle export --to json changed the labels: wrote ${JSON.stringify(moments.map(m => m.label)).substring(0, 300)}, exported ${JSON.stringify(labels).substring(0, 300)}`);
            }
        }

        // diff: text for the terminal, markdown for a pull request, json for tools
        const text = await run(['diff', before, after], [0]);
        problems.push(...text.problems, ...terminalProblems(text.result.stdout, 'cycle diff (text)'));
        const diffMarkdown = await run(['diff', before, after, '--format', 'markdown'], [0]);
        problems.push(...diffMarkdown.problems, ...markdownProblems(diffMarkdown.result.stdout, 'cycle diff --format markdown'));
        const diffJson = await run(['diff', before, after, '--format', 'json'], [0]);
        problems.push(...diffJson.problems);
        const diff = jsonOf(diffJson.result.stdout, 'cycle diff --format json', problems) as { changes?: { change?: string; kind?: string }[] } | undefined;
        if (diff !== undefined && !(Array.isArray(diff.changes) && diff.changes.every(c => CHANGES.has(c.change!) && KINDS.has(c.kind!)))) {
            problems.push(`cycle diff --format json is not {changes: [{change, kind}]}: ${diffJson.result.stdout.substring(0, 300)}`);
        }
        return problems;
    } finally {
        removeFolder(folder);
    }
}

export const hostileOutputs: FuzzProperty<HostileInput> = {
    name: 'outputs: hostile labels in every format',
    arbitrary: hostileInput,
    check: checkOutputs,
    show: input => `view ${input.view}, theme ${input.theme}\n--- before.cycle\n${cycleText(input.before)}--- after.cycle\n${cycleText(input.after)}`
};
