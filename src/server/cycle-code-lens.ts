import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { cycleStats, describeStats } from '../model/cycle-model.js';
import type { CycleModelProvider } from '../model/cycle-model-provider.js';

/** Over each cycle: `15 moments · 3 critical · 1 unmitigated`. */
export class CycleCodeLensProvider implements CodeLensProvider {
    constructor(private readonly models: CycleModelProvider) { }

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): MaybePromise<CodeLens[]> {
        return this.models.modelOf(document).cycles.map(cycle => {
            const stats = cycleStats(cycle);
            return {
                range: { start: cycle.range.start, end: cycle.range.start },
                // An empty command id shows the lens as text: there is nothing to run.
                command: { title: describeStats(stats), command: '' }
            };
        });
    }
}
