import type { CycleModel, RoleModel } from '../model/cycle-model.js';
import { mermaidTaskName, mermaidText as clean } from '../domain/neutralise/mermaid.js';

/**
 * A Mermaid `journey` of a cycle, which GitHub renders in pull requests: phases are
 * sections, moments are tasks, `feels` is the score (3, neutral, when unrated, since
 * Mermaid needs one), the roles carrying a moment are its actors (the customer
 * otherwise). It reads only what a drawn cycle also has, so the playground exports
 * from the model its diagram draws.
 */
export function cycleToMermaidJourney(cycle: Pick<CycleModel, 'id' | 'label' | 'roles' | 'moments'>, topLevelRoles: RoleModel[] = []): string {
    const roleLabel = new Map([...topLevelRoles, ...cycle.roles].map(r => [r.id, r.label || r.id]));
    const lines = ['journey', `  title ${clean(cycle.label || cycle.id)}`];
    let section: string | null | undefined;
    for (const moment of cycle.moments) {
        if (moment.phase !== section || section === undefined) {
            section = moment.phase;
            lines.push(`  section ${clean(section ?? cycle.label ?? 'Moments')}`);
        }
        const score = moment.feels !== null ? Math.min(5, Math.max(1, moment.feels)) : 3;
        const actors = [moment.by ? clean(roleLabel.get(moment.by) ?? moment.by) : 'Customer'];
        if (moment.by) actors.unshift('Customer');
        const mark = moment.unmitigated ? ' ⚠' : moment.critical ? ' ❗' : '';
        lines.push(`    ${mermaidTaskName(moment.label || moment.id)}${mark}: ${score}: ${actors.join(', ')}`);
    }
    return lines.join('\n') + '\n';
}

