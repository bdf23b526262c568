import type { AstNode, ValidationAcceptor, ValidationChecks } from 'langium';
import type { CycleAstType } from '../generated/ast.js';
import type { CycleLanguageServices } from '../cycle-module.js';
import { CriticalMomentValidator } from './critical-validator.js';
import { IdentityValidator } from './identity-validator.js';
import { ImprovementValidator } from './improvement-validator.js';
import { WORKSPACE_FINDING, type RuleFindingData } from './finding-data.js';
import { reporter, type Report } from './report.js';
import { RoleValidator } from './role-validator.js';
import { StructureValidator } from './structure-validator.js';
import { SurveyValidator } from './survey-validator.js';
import { QualityValidator } from './quality-validator.js';
import { ValueValidator } from './value-validator.js';

/** Adapts a workspace-wide check, marking its findings (whose data the reporter has already set) as such. */
function useWorkspace<T>(check: (node: T, report: Report) => void): (node: T, accept: ValidationAcceptor) => void {
    return (node, accept) => check(node, reporter((severity, message, info) =>
        accept(severity, message, { ...info, data: { ...(info.data as RuleFindingData), [WORKSPACE_FINDING]: true } satisfies RuleFindingData })));
}

/** Adapts a check written against `Report` to Langium's acceptor. */
function use<T>(check: (node: T, report: Report) => void): (node: T, accept: ValidationAcceptor) => void {
    return (node, accept) => check(node, reporter(accept));
}

type CheckCategory = 'fast' | 'slow';
type NodeCheck = (node: AstNode, accept: ValidationAcceptor) => void;

/**
 * The language's checks by node type. They are run by CycleDocumentValidator, not
 * through Langium's registry, which wraps every check in an async function: on a
 * large cycle, a promise per node per check costs more than the checks themselves.
 */
export class CycleCheckTable {
    private readonly byType = new Map<string, { category: CheckCategory; check: NodeCheck }[]>();

    add(checks: ValidationChecks<CycleAstType>, category: CheckCategory): void {
        for (const [type, value] of Object.entries(checks)) {
            const list = this.byType.get(type) ?? [];
            for (const check of Array.isArray(value) ? value : [value]) list.push({ category, check: check as NodeCheck });
            this.byType.set(type, list);
        }
    }

    checksFor(type: string, categories: readonly string[] | undefined): NodeCheck[] {
        return (this.byType.get(type) ?? []).filter(entry => !categories || categories.includes(entry.category)).map(entry => entry.check);
    }
}

/**
 * Every check, in one map. `fast` checks read one document and run on every
 * keystroke; `slow` checks read the whole workspace's index (top-level roles shared
 * by all files) and run on open, on save and in the CLI.
 */
export function registerValidationChecks(services: CycleLanguageServices): void {
    const registry = services.validation.ValidationRegistry;
    const table = services.validation.CycleChecks;
    const indexManager = services.shared.workspace.IndexManager;
    const structure = new StructureValidator();
    const identity = new IdentityValidator(indexManager);
    const critical = new CriticalMomentValidator();
    const values = new ValueValidator();
    const quality = new QualityValidator();
    const improvement = new ImprovementValidator();
    const survey = new SurveyValidator();
    const roles = new RoleValidator(indexManager, services.workspace.AstNodeLocator);

    const fast: ValidationChecks<CycleAstType> = {
        Cycle: [
            use((c, r) => structure.checkCycle(c, r)),
            use((c, r) => identity.checkCycleIds(c, r)),
            use((c, r) => identity.checkMomentLabels(c, r)),
            use((c, r) => critical.checkCycle(c, r)),
            use((c, r) => improvement.checkCycle(c, r)),
            use((c, r) => quality.checkCycle(c, r)),
            use((c, r) => roles.checkCycleRoles(c, r))
        ],
        Moment: [
            use((m, r) => structure.checkMoment(m, r)),
            use((m, r) => critical.checkMoment(m, r)),
            use((m, r) => values.checkWaits(m, r))
        ],
        Critical: use((c, r) => structure.checkCritical(c, r)),
        Mitigation: [
            use((m, r) => structure.checkMitigation(m, r)),
            use((m, r) => critical.checkMitigation(m, r))
        ],
        Action: [
            use((a, r) => structure.checkAction(a, r)),
            use((a, r) => improvement.checkAction(a, r))
        ],
        Area: use((a, r) => improvement.checkArea(a, r)),
        Priorities: use((p, r) => improvement.checkPriorities(p, r)),
        Survey: use((s, r) => structure.checkSurvey(s, r)),
        Question: [
            use((q, r) => structure.checkQuestion(q, r)),
            use((q, r) => survey.checkQuestion(q, r))
        ],
        Quality: use((q, r) => quality.checkQuality(q, r)),
        Channel: use((c, r) => values.checkChannel(c, r)),
        Feels: use((f, r) => values.checkFeels(f, r)),
        ScaleAnswer: use((s, r) => values.checkScale(s, r)),
        Due: use((d, r) => values.checkDue(d, r))
    };
    const slow: ValidationChecks<CycleAstType> = {
        Document: [
            useWorkspace((d, r) => identity.checkWorkspaceIds(d, r)),
            useWorkspace((d, r) => roles.checkTopLevelRoles(d, r))
        ]
    };
    table.add(fast, 'fast');
    table.add(slow, 'slow');
    // Langium's builder asks the registry which categories exist: declare both.
    const nothing: ValidationChecks<CycleAstType> = { Document: () => undefined };
    registry.register(nothing, undefined, 'fast');
    registry.register(nothing, undefined, 'slow');
}
