import type { LangiumDocument } from 'langium';
import { diagramResultsByCycle, type DiagramResults } from '../diagram/results-marks.js';
import { loadSurveyResults } from '../model/load-survey-results.js';
import { DEFAULT_SURVEY_SETTINGS } from '../results/results-types.js';
import type { CycleServices } from './services.js';

/**
 * A document's survey results as the preview and the visual diff paint them: each
 * cycle's current wave (read through the validator's cache, so a file just checked is
 * not read again) and the CSAT target of the `cycle.config.json` that governs it.
 * Undefined when no cycle has results, so models without them stay as they were.
 */
export async function previewResults(language: CycleServices, document: LangiumDocument): Promise<Record<string, DiagramResults> | undefined> {
    const surveys = await loadSurveyResults(language, document);
    if (surveys.size === 0) return undefined;
    const target = language.config.RuleConfigProvider.configFor(document.uri)?.survey.csatTarget ?? DEFAULT_SURVEY_SETTINGS.csatTarget;
    const results = diagramResultsByCycle(surveys, target);
    return Object.keys(results).length > 0 ? results : undefined;
}
