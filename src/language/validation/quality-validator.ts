import * as ast from '../generated/ast.js';
import {
    QUALITY_NAMES, QUALITY_OLD_NAMES, QUALITY_SYNONYMS, SERVQUAL_ROLLUPS, isQualityComponent, type QualityComponent
} from '../../domain/vocabulary.js';
import { nearestNames } from '../../domain/nearest.js';
import { joinWords, type Report } from './report.js';

/** The component a quality name stands for, counting the two old names. */
function qualityComponentOf(name: string): QualityComponent | undefined {
    if (isQualityComponent(name)) return name;
    return Object.hasOwn(QUALITY_OLD_NAMES, name) ? QUALITY_OLD_NAMES[name] : undefined;
}

/** The ten components of quality service: named correctly, and each addressed somewhere. */
export class QualityValidator {
    checkQuality(quality: ast.Quality, report: Report): void {
        const name = quality.value;
        if (!name || isQualityComponent(name)) return;
        let message: string;
        let suggestions: string[];
        if (Object.hasOwn(QUALITY_OLD_NAMES, name)) {
            suggestions = [QUALITY_OLD_NAMES[name]];
            message = `\`${name}\` is the old name of \`${suggestions[0]}\`: write \`quality ${suggestions[0]}\`.`;
        } else if (Object.hasOwn(SERVQUAL_ROLLUPS, name)) {
            suggestions = [...SERVQUAL_ROLLUPS[name]];
            message = `\`${name}\` is one of SERVQUAL's five dimensions, not one of the ten components: name the component you mean, ${joinWords(suggestions.map(s => '`' + s + '`'), 'or')}.`;
        } else {
            const synonym = QUALITY_SYNONYMS[name.toLowerCase()];
            suggestions = synonym ? [synonym] : nearestNames(name, QUALITY_NAMES);
            message = `\`${name}\` is not one of the ten components of quality service` + (suggestions.length > 0
                ? `; did you mean \`${suggestions[0]}\`?`
                : `: use one of ${joinWords(QUALITY_NAMES, 'or')}.`);
        }
        report('unknown-quality', message, { node: quality, property: 'value', data: { suggestions } });
    }

    checkCycle(cycle: ast.Cycle, report: Report): void {
        const moments = cycle.items.filter(ast.isMoment);
        if (moments.length === 0) return; // empty-cycle says it
        const addressed = new Set<QualityComponent>();
        for (const moment of moments) {
            for (const quality of moment.items.filter(ast.isQuality)) {
                const component = qualityComponentOf(quality.value ?? '');
                if (component) addressed.add(component);
            }
        }
        const missing = QUALITY_NAMES.filter(name => !addressed.has(name));
        if (missing.length > 0) {
            report('quality-unaddressed', `No moment of \`${cycle.name}\` addresses ${joinWords(missing)}: add \`quality …\` under the moments where the customer meets ${missing.length === 1 ? 'it' : 'them'}, or accept the gap.`,
                { node: cycle, property: 'name', data: { missing } });
        }
    }
}
