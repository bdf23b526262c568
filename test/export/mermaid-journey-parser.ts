import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The journey grammar of the real mermaid package (its generated Jison parser and its
 * database), loaded under Node. `mermaid.parse` itself needs a browser for DOMPurify,
 * so DOMPurify's hooks and sanitiser are stubbed (identity): what is checked here is
 * how Mermaid's lexer and parser cut the text into a title, sections and tasks.
 * test/e2e/mermaid.test.ts runs the whole of Mermaid in Chromium.
 */
export interface ParsedJourney {
    title: string;
    sections: string[];
    tasks: { section: string; task: string; score: number; people: string[] }[];
}

interface JourneyDiagram {
    parser: { parser: { yy: unknown }; parse(text: string): void };
    db: {
        clear(): void;
        getDiagramTitle(): string;
        getSections(): string[];
        getTasks(): { section: string; task: string; score: number; people: string[] }[];
    };
}

const require = createRequire(import.meta.url);
let diagram: JourneyDiagram | undefined;

async function load(): Promise<JourneyDiagram> {
    if (diagram) return diagram;
    const mermaidDir = dirname(require.resolve('mermaid/package.json'));
    // The ES module build, the very instance Mermaid's chunks import.
    const purifyDist = dirname(createRequire(join(mermaidDir, 'package.json')).resolve('dompurify'));
    const purify = (await import(pathToFileURL(join(purifyDist, 'purify.es.mjs')).href)).default;
    purify.addHook = () => undefined;
    purify.removeHook = () => undefined;
    purify.removeHooks = () => undefined;
    purify.sanitize = (text: unknown) => String(text);
    const chunks = join(mermaidDir, 'dist/chunks/mermaid.core');
    const file = readdirSync(chunks).find(name => /^journeyDiagram-.*\.mjs$/.test(name));
    if (!file) throw new Error('test setup: no journey diagram chunk in the mermaid package');
    diagram = (await import(pathToFileURL(join(chunks, file)).href)).diagram as JourneyDiagram;
    return diagram;
}

/** Parses a journey as Mermaid does; throws Mermaid's own error when it cannot. */
export async function parseJourney(text: string): Promise<ParsedJourney> {
    const { parser, db } = await load();
    db.clear();
    parser.parser.yy = db;
    parser.parse(text);
    return {
        title: db.getDiagramTitle(),
        sections: [...db.getSections()],
        tasks: db.getTasks().map(t => ({ section: t.section, task: t.task, score: t.score, people: [...t.people] }))
    };
}
