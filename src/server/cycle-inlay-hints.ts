import type { LangiumDocument, MaybePromise } from 'langium';
import type { InlayHintProvider } from 'langium/lsp';
import { InlayHintKind, type InlayHint, type InlayHintParams } from 'vscode-languageserver';
import type { CycleModelProvider } from '../model/cycle-model-provider.js';

/** Each moment's step in its cycle (`3/15`), before its id: order is meaning. */
export class CycleInlayHintProvider implements InlayHintProvider {
    constructor(private readonly models: CycleModelProvider) { }

    getInlayHints(document: LangiumDocument, params: InlayHintParams): MaybePromise<InlayHint[]> {
        const hints: InlayHint[] = [];
        for (const cycle of this.models.modelOf(document).cycles) {
            const total = cycle.moments.length;
            for (const moment of cycle.moments) {
                const at = moment.idRange.start;
                if (at.line < params.range.start.line || at.line > params.range.end.line) continue;
                hints.push({
                    position: at,
                    label: `${moment.step}/${total}`,
                    kind: InlayHintKind.Parameter,
                    paddingRight: true,
                    tooltip: `Step ${moment.step} of the ${total} moments of ${cycle.id}`
                });
            }
        }
        return hints;
    }
}
