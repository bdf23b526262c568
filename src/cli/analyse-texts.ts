import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createCycleCoreServices } from '../language/cycle-module.js';
import type { Document } from '../language/generated/ast.js';
import { buildFileModel } from '../model/build-model.js';
import type { FileModel } from '../model/cycle-model.js';

export interface TextVersion {
    /** Where the text lives (or lived): decides which cycle.config.json applies. */
    path: string;
    text: string;
}

export interface AnalysedText {
    model: FileModel;
    diagnostics: Diagnostic[];
}

/**
 * Parses and validates texts as one workspace (so top-level roles resolve across
 * them) and returns each one's model and diagnostics, by path. The texts need not
 * be on disk: old versions come from git.
 */
export async function analyseTexts(versions: readonly TextVersion[]): Promise<Map<string, AnalysedText>> {
    const services = createCycleCoreServices(NodeFileSystem).Cycle;
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents = versions.map(version => {
        const document = factory.fromString<Document>(version.text.replace(/^\uFEFF/, ''), URI.file(version.path));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        return { version, document };
    });
    await services.shared.workspace.DocumentBuilder.build(documents.map(d => d.document), { validation: true });
    return new Map(documents.map(({ version, document }) => [version.path, {
        model: buildFileModel(document.parseResult.value, document.uri.toString()),
        diagnostics: document.diagnostics ?? []
    }]));
}
