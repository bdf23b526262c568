import { AstUtils, CstUtils, type AstNode, type AstNodeLocator, type LangiumDocument, type LangiumDocuments, type References } from 'langium';
import { DefaultRenameProvider, type LangiumServices } from 'langium/lsp';
import { ErrorCodes, ResponseError, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import type { CancellationToken } from 'vscode-languageserver';
import * as ast from '../language/generated/ast.js';
import { ELEMENT_KINDS } from '../language/element-kinds.js';
import { namedElementsOf } from '../language/validation/identity-validator.js';
import { lineOf } from '../language/validation/report.js';

/** The language's id: a letter or `_`, then letters, marks, digits, `_` or `-`. */
const ID = /^[\p{L}_][\p{L}\p{M}\p{Nd}_-]*$/u;

/**
 * Langium's rename, refusing (with a message the editor shows) a new name that is
 * not an id, that another element of the same namespace already has, or that
 * would change what a reference means: a top-level role renamed to the id of a
 * cycle's own role would be shadowed in that cycle, and a cycle's role renamed
 * to the id of a top-level role the cycle refers to would capture those references.
 */
export class CycleRenameProvider extends DefaultRenameProvider {
    private readonly documents: LangiumDocuments;
    private readonly locator: AstNodeLocator;
    private readonly refs: References;

    constructor(services: LangiumServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
        this.locator = services.workspace.AstNodeLocator;
        this.refs = services.references.References;
    }

    override async rename(document: LangiumDocument, params: RenameParams, cancelToken?: CancellationToken): Promise<WorkspaceEdit | undefined> {
        const newName = params.newName;
        if (!ID.test(newName)) {
            throw new ResponseError(ErrorCodes.InvalidParams,
                `\`${newName}\` is not a valid id: an id starts with a letter or \`_\`, then letters, digits, \`_\` or \`-\` (no spaces).`);
        }
        const target = this.targetAt(document, params.position);
        if (target && target.name !== newName) {
            const problem = this.conflict(target, newName);
            if (problem) throw new ResponseError(ErrorCodes.InvalidRequest, `Cannot rename \`${target.name}\` to \`${newName}\`: ${problem}`);
        }
        return super.rename(document, params, cancelToken);
    }

    private targetAt(document: LangiumDocument, position: RenameParams['position']): (AstNode & { name: string }) | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(position), this.grammarConfig.nameRegexp);
        if (!leaf) return undefined;
        const target = this.refs.findDeclarations(leaf)[0] as (AstNode & { name?: unknown }) | undefined;
        return target && typeof target.name === 'string' ? target as AstNode & { name: string } : undefined;
    }

    /** Why renaming `target` to `newName` would break the workspace, if it would. */
    private conflict(target: AstNode & { name: string }, newName: string): string | undefined {
        if (ast.isCycle(target) || (ast.isRole(target) && ast.isDocument(target.$container))) {
            const taken = this.topLevel().find(e => e !== target && e.$type === target.$type && e.name === newName);
            if (taken) return `${where(taken, target)} already has a ${ELEMENT_KINDS[taken.$type].word} \`${newName}\`.`;
            if (ast.isRole(target)) return this.shadowedIn(target, newName);
            return undefined;
        }
        const cycle = AstUtils.getContainerOfType(target, ast.isCycle);
        if (!cycle) return undefined;
        const taken = namedElementsOf(cycle).find(e => e !== target && e.name === newName);
        if (taken) return `the ${ELEMENT_KINDS[taken.$type].word} on line ${lineOf(taken)} is already \`${newName}\`; ids are unique within a cycle.`;
        if (ast.isRole(target)) {
            const captured = AstUtils.streamAllContents(cycle)
                .filter((n): n is ast.By | ast.Owner => ast.isBy(n) || ast.isOwner(n))
                .find(n => n.role?.$refText === newName && n.role.ref !== undefined && ast.isDocument(n.role.ref.$container));
            if (captured) return `line ${lineOf(captured)} refers to the top-level role \`${newName}\`, which this cycle's role would then hide.`;
        }
        return undefined;
    }

    /** A reference to the top-level `role` from a cycle that declares its own role `newName`. */
    private shadowedIn(role: ast.Role, newName: string): string | undefined {
        for (const reference of this.refs.findReferences(role, { includeDeclaration: false })) {
            const document = this.documents.getDocument(reference.sourceUri);
            if (!document) continue;
            const node = this.locator.getAstNode(document.parseResult.value, reference.sourcePath);
            const cycle = node && AstUtils.getContainerOfType(node, ast.isCycle);
            const own = cycle?.items.find((i): i is ast.Role => ast.isRole(i) && i.name === newName);
            if (cycle && own) {
                return `cycle \`${cycle.name}\` declares its own role \`${newName}\` (line ${lineOf(own)}), so its references to \`${role.name}\` would then mean that role.`;
            }
        }
        return undefined;
    }

    private topLevel(): Array<ast.Role | ast.Cycle> {
        return this.documents.all.toArray().flatMap(d => ast.isDocument(d.parseResult.value) ? d.parseResult.value.elements : []);
    }
}

function where(element: AstNode, from: AstNode): string {
    const here = AstUtils.getDocument(element) === AstUtils.getDocument(from);
    return here ? `line ${lineOf(element)} of this file` : AstUtils.getDocument(element).uri.path.split('/').pop() ?? 'another file';
}
