import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { analyse } from '../src/model/analyse.js';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createCycleCoreServices, type CycleCoreServices } from '../src/model/services.js';
import type { Document } from '../src/language/generated/ast.js';

export interface Checked {
    document: LangiumDocument<Document>;
    diagnostics: Diagnostic[];
    /** `code@text` for each diagnostic, where text is what its range covers. */
    found: string[];
    /** The services that checked it, to validate it again. */
    services: CycleCoreServices;
}

let counter = 0;

export function freshServices(): CycleCoreServices {
    return createCycleCoreServices(EmptyFileSystem).Cycle;
}

/**
 * Parses and validates `text` (and any `others`, as further files of the same
 * workspace) with every rule, as the CLI does.
 */
export async function check(text: string, others: string[] = []): Promise<Checked> {
    const sources = [text, ...others].map(source => ({ uri: URI.file(`/workspace/file${++counter}.cycle`), text: source }));
    const analysis = await analyse(sources);
    const [first] = analysis.texts;
    const diagnostics = [...first.diagnostics];
    // The text split once: a file of 100k lines with 1,000 findings took half a minute split per finding.
    const lines = text.split(/\r\n|\r|\n/);
    return { document: first.document, diagnostics, found: diagnostics.map(d => `${d.code}@${textAt(lines, d)}`), services: analysis.services };
}

/**
 * As `check`, with `files` (survey results files) written beside the text in a fresh
 * folder and read with Node's file system, as `cycle check` reads them.
 */
export async function checkWithFiles(text: string, files: Readonly<Record<string, string>>): Promise<Checked> {
    const dir = mkdtempSync(join(tmpdir(), 'cycle-check-'));
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    const analysis = await analyse([{ uri: URI.file(join(dir, 'file.cycle')), text }], { fileSystem: NodeFileSystem });
    const [first] = analysis.texts;
    const diagnostics = [...first.diagnostics];
    const lines = text.split(/\r\n|\r|\n/);
    return { document: first.document, diagnostics, found: diagnostics.map(d => `${d.code}@${textAt(lines, d)}`), services: analysis.services };
}

/** What a diagnostic's range covers (to its line's end when it spans lines), in the text's lines. */
function textAt(lines: readonly string[], diagnostic: Diagnostic): string {
    const { start, end } = diagnostic.range;
    if (start.line !== end.line) return lines[start.line]?.substring(start.character) ?? '';
    return lines[start.line]?.substring(start.character, end.character) ?? '';
}

export function codes(checked: Checked): string[] {
    return checked.diagnostics.map(d => String(d.code));
}

/** A cycle that passes every rule; tests break it one fact at a time. */
export const CLEAN_CYCLE = `role manager "Manager"

cycle base "Base cycle"
  customer "Someone with an errand"
  goal "Get the errand done"
  stage maturity
  role clerk "Clerk"
  phase "Only phase"
  moment m1 "First contact"
    by clerk
    channel in-person
    feels 4
    quality security
    quality credibility
    quality communication
    quality understanding
    quality accessibility
  moment m2 "Gets it done"
    by clerk
    channel facility
    quality courtesy
    quality professionalism
    quality responsiveness
    quality reliability
    quality tangibles
    wait target 5 min
    wait limit 10 min
    achieves goal
    critical
      severity high
      risk "It fails"
      prevent "Check first"
        owner manager
      recover "Apologise"
        owner clerk
  moment m3 "Leaves"
    channel none
  moment m4 "Comes back another day"
    channel web
  requirement r1 "Never fail"
    for m2
    from "staff"
  action a1 "Train the clerks"
    meets r1
    owner manager
    due 2027-03-31
  area ar1 "The counter"
    because importance
    covers m2
  priorities
    - ar1
  survey s1 "Exit survey"
    question q1 "Was your errand done right?"
      about m2
      answer yes-no
`;

/** CLEAN_CYCLE with `from` replaced by `to`; fails loudly if `from` is not there. */
export function breakClean(from: string | RegExp, to: string): string {
    const result = CLEAN_CYCLE.replace(from, to);
    if (result === CLEAN_CYCLE) throw new Error(`test setup: ${String(from)} not found in CLEAN_CYCLE`);
    return result;
}
