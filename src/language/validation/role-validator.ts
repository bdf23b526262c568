import type { AstNodeLocator, IndexManager } from 'langium';
import { walkAst } from '../ast-walk.js';
import * as ast from '../generated/ast.js';
import type { Report } from './report.js';

/** Everyone in contact with the customer shapes the service: every role carries something. */
export class RoleValidator {
    constructor(private readonly indexManager: IndexManager, private readonly locator: AstNodeLocator) { }

    /** A cycle's own roles can only be used inside that cycle. */
    checkCycleRoles(cycle: ast.Cycle, report: Report): void {
        const roles = cycle.items.filter(ast.isRole);
        if (roles.length === 0) return;
        const used = new Set<ast.Role>();
        for (const node of walkAst(cycle)) {
            if ((ast.isBy(node) || ast.isOwner(node)) && node.role?.ref) {
                used.add(node.role?.ref);
            }
        }
        for (const role of roles) {
            if (!used.has(role)) {
                reportUnused(role, 'in this cycle', report);
            }
        }
    }

    /** A top-level role may be used by any file of the workspace. */
    checkTopLevelRoles(document: ast.Document, report: Report): void {
        for (const role of document.elements.filter(ast.isRole)) {
            const path = this.locator.getAstNodePath(role);
            if (this.indexManager.findAllReferences(role, path).isEmpty()) {
                reportUnused(role, 'in any file of the workspace', report);
            }
        }
    }
}

function reportUnused(role: ast.Role, where: string, report: Report): void {
    report('unused-role', `Role \`${role.name}\` is used by no \`by\` or \`owner\` ${where}: give it the moments or mitigations it carries, or remove it.`,
        { node: role, property: 'name' });
}
