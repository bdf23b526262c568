import type { AstNodeLocator, IndexManager } from 'langium';
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
        const use = (holder: ast.By | ast.Owner) => { if (holder.role?.ref) used.add(holder.role.ref); };
        // Roles are used in three places only: `by` of a moment, `owner` of a mitigation or an action.
        for (const item of cycle.items) {
            if (ast.isMoment(item)) {
                for (const fact of item.items) {
                    if (ast.isBy(fact)) use(fact);
                    else if (ast.isCritical(fact)) fact.items.forEach(m => ast.isMitigation(m) && m.items.forEach(use));
                }
            } else if (ast.isAction(item)) {
                item.items.forEach(fact => ast.isOwner(fact) && use(fact));
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
    // A bare `role` being typed has no name yet: its syntax error says what is missing.
    if (!role.name) return;
    report('unused-role', `Role \`${role.name}\` is used by no \`by\` or \`owner\` ${where}: give it the moments or mitigations it carries, or remove it.`,
        { node: role, property: 'name' });
}
