import { nearestNames } from '../../domain/nearest.js';
import { DEFAULT_SURVEY_SETTINGS, type SurveySettings } from '../../results/results-types.js';
import { RULES, canBeSilenced, isRuleCode, type ConfiguredSeverity, type RuleCode } from '../validation/rules.js';

export const CONFIG_FILE_NAME = 'cycle.config.json';

/** The severities a `cycle.config.json` sets, and what was wrong with the file, if anything. */
export interface RuleConfig {
    /** Path or URI of the config file this came from. */
    readonly source: string;
    readonly severities: ReadonlyMap<RuleCode, ConfiguredSeverity>;
    /** `"survey": { "csatTarget", "minResponses" }`, each defaulted when absent or wrong. */
    readonly survey: SurveySettings;
    readonly problems: readonly string[];
}

const SEVERITIES: readonly ConfiguredSeverity[] = ['off', 'info', 'warning', 'error'];

/**
 * Reads `{ "rules": { "code": "off" | "info" | "warning" | "error" } }`. A problem in
 * one entry never discards the others: each bad entry is named and skipped.
 */
export function parseRuleConfig(text: string, source: string): RuleConfig {
    const severities = new Map<RuleCode, ConfiguredSeverity>();
    const problems: string[] = [];
    let survey = DEFAULT_SURVEY_SETTINGS;
    let json: unknown;
    try {
        json = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
        problems.push(`${source}: not valid JSON (${(error as Error).message}).`);
        return { source, severities, survey, problems };
    }
    if (!isObject(json)) {
        problems.push(`${source}: expected an object such as { "rules": { "critical-without-recovery": "off" } }.`);
        return { source, severities, survey, problems };
    }
    for (const key of Object.keys(json)) {
        if (key !== 'rules' && key !== 'survey' && key !== '$schema') {
            problems.push(`${source}: unknown setting "${key}" (only "rules" and "survey" are read).`);
        }
    }
    if (json.survey !== undefined) {
        survey = parseSurveySettings(json.survey, source, problems);
    }
    const rules = json.rules;
    if (rules === undefined) {
        return { source, severities, survey, problems };
    }
    if (!isObject(rules)) {
        problems.push(`${source}: "rules" must be an object mapping rule codes to "off", "info", "warning" or "error".`);
        return { source, severities, survey, problems };
    }
    for (const [code, value] of Object.entries(rules)) {
        if (!isRuleCode(code)) {
            problems.push(`${source}: unknown rule "${code}"${suggestCode(code)}.`);
        } else if (typeof value !== 'string' || !SEVERITIES.includes(value as ConfiguredSeverity)) {
            problems.push(`${source}: rule "${code}" is set to ${JSON.stringify(value)}; use "off", "info", "warning" or "error".`);
        } else if (!canBeSilenced(code) && value !== 'error') {
            problems.push(`${source}: rule "${code}" cannot be set to ${JSON.stringify(value)}: a file that does not parse cannot be formatted, drawn or exported, so syntax errors are always errors. Remove this entry.`);
        } else {
            severities.set(code, value as ConfiguredSeverity);
        }
    }
    return { source, severities, survey, problems };
}

/**
 * `"survey": { "csatTarget": 0.8, "minResponses": 30 }`: a wrong entry is named and
 * its default kept, so one slip does not switch the other setting off.
 */
function parseSurveySettings(value: unknown, source: string, problems: string[]): SurveySettings {
    if (!isObject(value)) {
        problems.push(`${source}: "survey" must be an object such as { "csatTarget": 0.8, "minResponses": 30 }.`);
        return DEFAULT_SURVEY_SETTINGS;
    }
    let { csatTarget, minResponses } = DEFAULT_SURVEY_SETTINGS;
    for (const [key, setting] of Object.entries(value)) {
        if (key === 'csatTarget') {
            if (typeof setting === 'number' && Number.isFinite(setting) && setting > 0 && setting <= 1) {
                csatTarget = setting;
            } else {
                problems.push(`${source}: "survey.csatTarget" is ${JSON.stringify(setting)}; use a share above 0 and at most 1, such as 0.8 (80% satisfied). Using ${DEFAULT_SURVEY_SETTINGS.csatTarget}.`);
            }
        } else if (key === 'minResponses') {
            if (typeof setting === 'number' && Number.isInteger(setting) && setting >= 1) {
                minResponses = setting;
            } else {
                problems.push(`${source}: "survey.minResponses" is ${JSON.stringify(setting)}; use a whole number of answers, 1 or more, such as 30. Using ${DEFAULT_SURVEY_SETTINGS.minResponses}.`);
            }
        } else {
            problems.push(`${source}: unknown survey setting "${key}" (only "csatTarget" and "minResponses" are read).`);
        }
    }
    return { csatTarget, minResponses };
}

export function effectiveSeverity(code: RuleCode, config: RuleConfig | undefined): ConfiguredSeverity {
    if (!canBeSilenced(code)) return RULES[code].severity;
    return config?.severities.get(code) ?? RULES[code].severity;
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The nearest rule code to a misspelt one (a typo, a prefix), else one that contains it or that it contains. */
function suggestCode(code: string): string {
    const known = Object.keys(RULES);
    const close = nearestNames(code, known, 1)[0] ?? (code.length >= 3 ? known.find(name => name.includes(code) || code.includes(name)) : undefined);
    return close ? ` (did you mean "${close}"?)` : '';
}
