import { DocumentState, UriUtils, URI, type Disposable } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { RuleConfig } from '../language/config/rule-config.js';
import type { RuleConfigProvider } from '../language/config/rule-config-provider.js';

/** How a config's problems reach the designer: a notice they see, and the log. */
interface ConfigProblemSink {
    show(message: string): void;
    log(message: string): void;
}

/**
 * Tells the designer about a broken `cycle.config.json` (not JSON, an unknown rule,
 * an unknown severity), as `cycle check` does on standard error: after each
 * validation, every config read since it last changed that has problems is shown
 * once. Configs are cached until the file changes (the provider is cleared then and
 * reads a new one), so typing never repeats the notice; each change of the file does.
 */
export function reportConfigProblems(shared: LangiumSharedServices, configs: () => RuleConfigProvider | undefined, sink: ConfigProblemSink): Disposable {
    const reported = new WeakSet<RuleConfig>();
    return shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
        for (const config of configs()?.loaded() ?? []) {
            if (config.problems.length === 0 || reported.has(config)) continue;
            reported.add(config);
            sink.log(`cycle: ${config.problems.join('\n')}`);
            sink.show(configProblemMessage(config));
        }
    });
}

function configProblemMessage(config: RuleConfig): string {
    const name = fileName(config.source);
    const problems = config.problems.map(p => p.startsWith(config.source + ': ') ? p.slice(config.source.length + 2) : p);
    const shown = problems.slice(0, 3).join(' ') + (problems.length > 3 ? ` (and ${problems.length - 3} more, see the output log)` : '');
    const applied = config.severities.size > 0 ? ' Its valid entries still apply.' : ' Its rules are not applied.';
    return `${name} (${config.source}): ${shown}${applied}`;
}

function fileName(source: string): string {
    try {
        return UriUtils.basename(source.includes('://') ? URI.parse(source) : URI.file(source));
    } catch {
        return source;
    }
}
