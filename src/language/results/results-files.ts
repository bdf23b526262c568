import { UriUtils, type FileSystemProvider, type LangiumDocument, type URI } from 'langium';
import { servesUri } from '../config/served-files.js';
import type * as ast from '../generated/ast.js';
import { surveyResults } from '../../results/index.js';
import type { SurveyResults } from '../../results/results-types.js';
import { planOf } from './plan-of.js';

/** A results file as read: its bytes, or why there are none. */
export interface ResultsFileRead {
    readonly bytes: Uint8Array | null;
    readonly error?: string;
}

/** The survey's `results` lines that name a file, with where each points. */
export interface ResultsLine {
    readonly node: ast.Results;
    readonly path: string;
    readonly uri: URI;
}

interface Computed {
    readonly key: string;
    readonly uris: readonly string[];
    readonly results: SurveyResults;
}

/**
 * Reads survey results files next to the `.cycle` files, through Langium's file system
 * (Node's in the CLI, the editor's in the browser worker, none in a bare core: then
 * every file is unreadable), and keeps what it read per URI until told to forget it
 * (the editor's watcher says when a file changed). The figures of a survey are kept
 * too, per document and survey, until its plan or one of its files changes: a keystroke
 * elsewhere in the cycle does not read 100,000 rows again.
 */
export class ResultsFiles {
    private readonly files = new Map<string, Promise<ResultsFileRead>>();
    private readonly computed = new Map<string, Computed>();

    constructor(private readonly fileSystem: FileSystemProvider) { }

    /** Where a `results` path written in `documentUri` points: relative to that file's folder. */
    uriOf(documentUri: URI, path: string): URI {
        return UriUtils.resolvePath(UriUtils.dirname(documentUri), path);
    }

    linesOf(document: LangiumDocument, survey: ast.Survey): ResultsLine[] {
        return survey.results.filter(r => typeof r.path === 'string' && r.path.length > 0)
            .map(node => ({ node, path: node.path, uri: this.uriOf(document.uri, node.path) }));
    }

    /** Whether any `results` line of the document points at `uri`. */
    pointsAt(document: LangiumDocument<ast.Document>, uri: URI): boolean {
        const target = uri.toString();
        return surveysOf(document).some(({ survey }) => this.linesOf(document, survey).some(line => line.uri.toString() === target));
    }

    read(uri: URI): Promise<ResultsFileRead> {
        const key = uri.toString();
        let read = this.files.get(key);
        if (!read) {
            read = this.readNow(uri);
            this.files.set(key, read);
        }
        return read;
    }

    /** Drops what was read from `uri` and every survey's figures that rest on it. */
    forget(uri: URI | string): void {
        const key = uri.toString();
        this.files.delete(key);
        for (const [id, computed] of this.computed) {
            if (computed.uris.includes(key)) this.computed.delete(id);
        }
    }

    /** Everything known of one survey's results files, read against its current plan. */
    async resultsOf(document: LangiumDocument, cycle: ast.Cycle, survey: ast.Survey): Promise<SurveyResults> {
        const plan = planOf(cycle, survey);
        const lines = this.linesOf(document, survey);
        const uris = lines.map(line => line.uri.toString());
        const id = `${document.uri.toString()}\n${plan.cycle}\n${plan.survey}`;
        const key = JSON.stringify([plan, lines.map(line => line.path), uris]);
        const known = this.computed.get(id);
        if (known?.key === key) return known.results;
        const files = await Promise.all(lines.map(async line => ({ path: line.path, ...await this.read(line.uri) })));
        const results = surveyResults(plan, files);
        // Only if nothing was forgotten meanwhile: a file that changed while being read is read again next time.
        if (lines.every(line => this.files.has(line.uri.toString()))) this.computed.set(id, { key, uris, results });
        return results;
    }

    private async readNow(uri: URI): Promise<ResultsFileRead> {
        if (!servesUri(this.fileSystem, uri)) {
            return { bytes: null, error: 'it is not in a folder this checker can read (save the .cycle file in a folder first)' };
        }
        try {
            return { bytes: await this.fileSystem.readBinary(uri) };
        } catch (error) {
            return { bytes: null, error: describeReadError(error) };
        }
    }
}

/** The cycles of a document and their surveys that have `results` lines. */
export function surveysOf(document: LangiumDocument<ast.Document>): { cycle: ast.Cycle; survey: ast.Survey }[] {
    const found: { cycle: ast.Cycle; survey: ast.Survey }[] = [];
    for (const element of document.parseResult.value?.elements ?? []) {
        if (element.$type !== 'Cycle') continue;
        const cycle = element as ast.Cycle;
        for (const item of cycle.items) {
            if (item.$type === 'Survey' && (item as ast.Survey).results.length > 0) found.push({ cycle, survey: item as ast.Survey });
        }
    }
    return found;
}

/** A file system's error in a user's words: Node's codes, or the message as it came. */
function describeReadError(error: unknown): string {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'ENOENT') return 'there is no such file';
    if (code === 'EISDIR') return 'it is a folder, not a file';
    if (code === 'EACCES' || code === 'EPERM') return 'it may not be read (permission denied)';
    const message = error instanceof Error ? error.message : String(error);
    return `it cannot be read (${message})`;
}
