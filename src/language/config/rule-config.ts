import { nearestNames } from '../../domain/nearest.js';
import { RULES, canBeSilenced, isRuleCode, type ConfiguredSeverity, type RuleCode } from '../validation/rules.js';

export const CONFIG_FILE_NAME = 'cycle.config.json';

/** The severities a `cycle.config.json` sets, and what was wrong with the file, if anything. */
export interface RuleConfig {
    /** Path or URI of the config file this came from. */
    readonly source: string;
    readonly severities: ReadonlyMap<RuleCode, ConfiguredSeverity>;
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
    let json: unknown;
    try {
        json = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
        problems.push(`${source}: not valid JSON (${(error as Error).message}).`);
        return { source, severities, problems };
    }
    if (!isObject(json)) {
        problems.push(`${source}: expected an object such as { "rules": { "critical-without-recovery": "off" } }.`);
        return { source, severities, problems };
    }
    for (const key of Object.keys(json)) {
        if (key !== 'rules' && key !== '$schema') {
            problems.push(`${source}: unknown setting "${key}" (only "rules" is read).`);
        }
    }
    const rules = json.rules;
    if (rules === undefined) {
        return { source, severities, problems };
    }
    if (!isObject(rules)) {
        problems.push(`${source}: "rules" must be an object mapping rule codes to "off", "info", "warning" or "error".`);
        return { source, severities, problems };
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
    return { source, severities, problems };
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
