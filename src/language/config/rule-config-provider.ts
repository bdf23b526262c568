import { URI, UriUtils, type FileSystemProvider } from 'langium';
import { CONFIG_FILE_NAME, parseRuleConfig, type RuleConfig } from './rule-config.js';
import { servesUri } from './served-files.js';
import { DEFAULT_SURVEY_SETTINGS } from '../../results/results-types.js';

/**
 * Finds the `cycle.config.json` that governs a document: the nearest one in the
 * document's folder or any parent. Results are cached per folder; the language
 * server clears the cache when a config file changes.
 */
export class RuleConfigProvider {
    private readonly byFolder = new Map<string, RuleConfig | undefined>();

    constructor(private readonly fileSystem: FileSystemProvider) { }

    configFor(documentUri: URI): RuleConfig | undefined {
        if (!servesUri(this.fileSystem, documentUri)) {
            return undefined;
        }
        return this.lookUp(UriUtils.dirname(documentUri));
    }

    clear(): void {
        this.byFolder.clear();
    }

    private lookUp(folder: URI): RuleConfig | undefined {
        const key = folder.toString();
        if (this.byFolder.has(key)) {
            return this.byFolder.get(key);
        }
        let config: RuleConfig | undefined;
        const candidate = UriUtils.joinPath(folder, CONFIG_FILE_NAME);
        if (this.isFile(candidate)) {
            let text: string | undefined;
            try {
                text = this.fileSystem.readFileSync(candidate);
            } catch (error) {
                config = { source: candidate.fsPath, severities: new Map(), survey: DEFAULT_SURVEY_SETTINGS, problems: [`${candidate.fsPath}: cannot be read (${(error as Error).message}).`] };
            }
            if (text !== undefined) {
                config = parseRuleConfig(text, candidate.fsPath);
            }
        } else {
            const parent = UriUtils.dirname(folder);
            config = parent.toString() === key ? undefined : this.lookUp(parent);
        }
        this.byFolder.set(key, config);
        return config;
    }

    private isFile(uri: URI): boolean {
        try {
            return this.fileSystem.existsSync(uri) && this.fileSystem.statSync(uri).isFile;
        } catch {
            return false;
        }
    }

    /** Every config read so far, for reporting their problems. */
    loaded(): RuleConfig[] {
        return [...new Set([...this.byFolder.values()].filter((c): c is RuleConfig => c !== undefined))];
    }
}
