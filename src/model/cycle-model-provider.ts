import type { AstNode, LangiumDocument } from 'langium';
import type { Document } from '../language/generated/ast.js';
import { buildFileModel } from './build-model.js';
import { MODEL_VERSION, type FileModel } from './cycle-model.js';

/**
 * The cycle model of a document, built once per parse and shared by every editor
 * feature (code lens, hover, outline, inlay hints, the preview).
 */
export class CycleModelProvider {
    private readonly models = new WeakMap<AstNode, FileModel>();

    modelOf(document: LangiumDocument): FileModel {
        const root = document.parseResult.value as Document;
        // A document the builder has just added is a placeholder until it is parsed.
        if (root.$type !== 'Document') return { modelVersion: MODEL_VERSION, uri: document.uri.toString(), roles: [], cycles: [] };
        let model = this.models.get(root);
        if (!model) {
            model = buildFileModel(root, document.uri.toString());
            this.models.set(root, model);
        }
        return model;
    }
}
