import type { LangiumDocument } from 'langium';
import type { Document } from '../language/generated/ast.js';
import { surveysOf } from '../language/results/results-files.js';
import type { SurveyResults } from '../results/results-types.js';
import type { CycleCoreServices } from './services.js';

/**
 * The survey results of a document's cycles, for the faces that paint them (the CLI's
 * render and analyse, the preview): per cycle id, one entry per survey with `results`
 * lines, in the order the surveys are written. Read through the same cached reader as
 * the validator, so a file the checker has just read is not read again.
 */
export async function loadSurveyResults(services: CycleCoreServices, document: LangiumDocument): Promise<ReadonlyMap<string, readonly SurveyResults[]>> {
    const files = services.results.ResultsFiles;
    const byCycle = new Map<string, SurveyResults[]>();
    for (const { cycle, survey } of surveysOf(document as LangiumDocument<Document>)) {
        if (!cycle.name) continue;
        const results = await files.resultsOf(document, cycle, survey);
        let list = byCycle.get(cycle.name);
        if (!list) byCycle.set(cycle.name, list = []);
        list.push(results);
    }
    return byCycle;
}
