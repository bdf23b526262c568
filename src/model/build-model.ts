import { GrammarUtils, type AstNode } from 'langium';
import type * as ast from '../language/generated/ast.js';
import {
    MODEL_VERSION, type ActionModel, type AnswerModel, type AreaModel, type CriticalModel, type CycleModel,
    type DurationModel, type FileModel, type MitigationModel, type MomentModel, type PhaseModel, type QuestionModel,
    type RequirementModel, type RoleModel, type SourceRange, type SurveyModel, type TimeUnit
} from './cycle-model.js';
import { TIME_UNIT_SECONDS } from '../domain/vocabulary.js';
import type { Measure } from '../results/results-types.js';
import { isLanguageCode, type LanguageCode } from '../domain/words/index.js';

const NO_RANGE: SourceRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/*
 * AST → model: the one place that reads the syntax tree for the model. Where a
 * single-valued fact is repeated (a `duplicate-attribute` error), the first counts.
 *
 * The parser recovers from half-typed text (`role`, `moment` with nothing after
 * it) with properties missing, whatever the generated types say. The model never
 * carries `undefined`: a missing id or label is '' (nameless: the editor features
 * skip it), a missing optional fact is null, a missing list entry is left out.
 */

function rangeOf(node: AstNode | undefined): SourceRange {
    const range = node?.$cstNode?.range;
    return range ? { start: { ...range.start }, end: { ...range.end } } : NO_RANGE;
}

/** The range of the node's id (its `name`), where its diagnostics and links point. */
function idRangeOf(node: AstNode & { name?: string }): SourceRange {
    const cst = GrammarUtils.findNodeForProperty(node.$cstNode, 'name');
    return cst ? { start: { ...cst.range.start }, end: { ...cst.range.end } } : rangeOf(node);
}

function duration(node: ast.Duration | undefined): DurationModel | null {
    if (!node || node.amount === undefined || !node.unit) return null;
    return { amount: node.amount, unit: node.unit as TimeUnit, seconds: node.amount * (TIME_UNIT_SECONDS[node.unit] ?? 0) };
}

/** Drops references that are still being typed (`by` with nothing after it yet). */
function isText(value: string | undefined): value is string {
    return typeof value === 'string' && value.length > 0;
}

/** Drops list entries the parser left out while recovering (`peak` with no text yet). */
function isDefined<T>(value: T | undefined): value is T {
    return value !== undefined;
}

function isType<T extends AstNode>(type: string) {
    return (node: AstNode): node is T => node.$type === type;
}

/** A required id or label, '' while it is not typed yet. */
function text(value: string | undefined): string {
    return typeof value === 'string' ? value : '';
}

function buildRole(role: ast.Role, scope: RoleModel['scope']): RoleModel {
    return { id: text(role.name), label: role.label ?? null, scope, range: rangeOf(role), idRange: idRangeOf(role) };
}

function buildMitigation(mitigation: ast.Mitigation): MitigationModel {
    const owner = mitigation.items.find(isType<ast.Owner>('Owner'));
    return { kind: mitigation.kind, text: mitigation.label ?? '', owner: owner?.role?.$refText ?? null, range: rangeOf(mitigation) };
}

function buildCritical(critical: ast.Critical): CriticalModel {
    const mitigations = critical.items.filter(isType<ast.Mitigation>('Mitigation')).map(buildMitigation);
    return {
        severity: critical.items.find(isType<ast.Severity>('Severity'))?.level ?? 'medium',
        risks: critical.items.filter(isType<ast.Risk>('Risk')).map(risk => ({ text: risk.label ?? '', range: rangeOf(risk) })),
        prevent: mitigations.filter(m => m.kind === 'prevent'),
        recover: mitigations.filter(m => m.kind === 'recover'),
        range: rangeOf(critical)
    };
}

function buildMoment(moment: ast.Moment, step: number, phase: string | null): MomentModel {
    const first = <T extends AstNode>(type: string): T | undefined => moment.items.find(i => i.$type === type) as T | undefined;
    const labels = (type: string): string[] => moment.items.filter(i => i.$type === type).map(i => (i as { label?: string }).label ?? '');
    const waits = moment.items.filter(isType<ast.Wait>('Wait'));
    const criticalNode = first<ast.Critical>('Critical');
    const critical = criticalNode ? buildCritical(criticalNode) : null;
    return {
        id: text(moment.name),
        label: text(moment.label),
        step,
        phase,
        by: first<ast.By>('By')?.role?.$refText ?? null,
        channel: first<ast.Channel>('Channel')?.value ?? null,
        feels: first<ast.Feels>('Feels')?.value ?? null,
        qualities: moment.items.filter(isType<ast.Quality>('Quality')).map(q => q.value).filter(isDefined),
        waitTarget: duration(waits.find(w => w.bound === 'target')?.duration),
        waitLimit: duration(waits.find(w => w.bound === 'limit')?.duration),
        evidence: labels('Evidence'),
        frontstage: labels('Frontstage'),
        backstage: labels('Backstage'),
        support: labels('Support'),
        achievesGoal: moment.items.some(isType<ast.AchievesGoal>('AchievesGoal')),
        critical,
        unmitigated: critical !== null && critical.prevent.length === 0,
        range: rangeOf(moment),
        idRange: idRangeOf(moment)
    };
}

function buildAnswer(answer: ast.Answer | undefined): AnswerModel | null {
    const format = answer?.format;
    if (!format) return null;
    switch (format.$type) {
        case 'YesNoAnswer': return { kind: 'yes-no' };
        case 'ScaleAnswer':
            if (format.low === undefined || format.high === undefined) return null; // `answer scale` still being typed
            return { kind: 'scale', low: format.low, high: format.high, lowLabel: format.lowLabel ?? null, highLabel: format.highLabel ?? null };
        case 'NumberAnswer': return { kind: 'number', unit: format.unit ?? null };
        case 'TextAnswer': return { kind: 'text' };
        case 'ChoiceAnswer': return { kind: 'choice', options: format.options.filter(isDefined) };
    }
    return null;
}

function buildQuestion(question: ast.Question): QuestionModel {
    return {
        id: text(question.name),
        label: text(question.label),
        about: question.items.filter(isType<ast.About>('About')).map(a => a.moment?.$refText).filter(isText),
        answer: buildAnswer(question.items.find(isType<ast.Answer>('Answer'))),
        measures: (question.items.find(isType<ast.Measures>('Measures'))?.value ?? 'satisfaction') as Measure,
        qualities: question.items.filter(isType<ast.Quality>('Quality')).map(q => q.value).filter(isDefined),
        range: rangeOf(question),
        idRange: idRangeOf(question)
    };
}

function buildCycleModel(cycle: ast.Cycle, language: LanguageCode | null): CycleModel {
    const model: CycleModel = {
        id: text(cycle.name),
        label: text(cycle.label),
        language,
        customer: null,
        goal: null,
        stage: null,
        peaks: [],
        roles: [],
        phases: [],
        moments: [],
        requirements: [],
        actions: [],
        areas: [],
        priorities: [],
        surveys: [],
        range: rangeOf(cycle),
        idRange: idRangeOf(cycle)
    };
    let phase: PhaseModel | null = null;
    for (const item of cycle.items) {
        switch (item.$type) {
            case 'Customer': model.customer ??= item.label ?? null; break;
            case 'Goal': model.goal ??= item.label ?? null; break;
            case 'Stage': model.stage ??= item.value ?? null; break;
            case 'Peak': if (isDefined(item.label)) model.peaks.push(item.label); break;
            case 'Role': model.roles.push(buildRole(item, 'cycle')); break;
            case 'Phase':
                phase = { label: text(item.label), moments: [], range: rangeOf(item) };
                model.phases.push(phase);
                break;
            case 'Moment': {
                const moment = buildMoment(item, model.moments.length + 1, phase?.label ?? null);
                model.moments.push(moment);
                phase?.moments.push(moment.id);
                break;
            }
            case 'Requirement': model.requirements.push(buildRequirement(item)); break;
            case 'Action': model.actions.push(buildAction(item)); break;
            case 'Area': model.areas.push(buildArea(item)); break;
            case 'Priorities':
                for (const entry of item.items) {
                    if (entry.area?.$refText) model.priorities.push(entry.area?.$refText);
                }
                break;
            case 'Survey': model.surveys.push(buildSurvey(item)); break;
        }
    }
    return model;
}

function buildRequirement(requirement: ast.Requirement): RequirementModel {
    return {
        id: text(requirement.name),
        label: text(requirement.label),
        for: requirement.items.filter(isType<ast.For>('For')).map(f => f.moment?.$refText).filter(isText),
        from: requirement.items.filter(isType<ast.From>('From')).map(f => f.label).filter(isDefined),
        range: rangeOf(requirement),
        idRange: idRangeOf(requirement)
    };
}

function buildAction(action: ast.Action): ActionModel {
    return {
        id: text(action.name),
        label: text(action.label),
        meets: action.items.filter(isType<ast.Meets>('Meets')).map(m => m.requirement?.$refText).filter(isText),
        owner: action.items.find(isType<ast.Owner>('Owner'))?.role?.$refText ?? null,
        due: action.items.find(isType<ast.Due>('Due'))?.date ?? null,
        range: rangeOf(action),
        idRange: idRangeOf(action)
    };
}

function buildArea(area: ast.Area): AreaModel {
    return {
        id: text(area.name),
        label: text(area.label),
        because: area.items.filter(isType<ast.Because>('Because')).map(b => b.reason).filter(isDefined),
        covers: area.items.filter(isType<ast.Covers>('Covers')).map(c => c.moment?.$refText).filter(isText),
        range: rangeOf(area),
        idRange: idRangeOf(area)
    };
}

function buildSurvey(survey: ast.Survey): SurveyModel {
    return {
        id: text(survey.name),
        label: text(survey.label),
        questions: survey.items.map(buildQuestion),
        results: survey.results.filter(r => r.path !== undefined).map(r => ({ path: r.path, range: rangeOf(r) })),
        range: rangeOf(survey),
        idRange: idRangeOf(survey)
    };
}

export function buildFileModel(document: ast.Document, uri: string): FileModel {
    const roles: RoleModel[] = [];
    const cycles: CycleModel[] = [];
    const written = document.language?.value;
    const language = written !== undefined && isLanguageCode(written) ? written : null;
    for (const element of document.elements) {
        if (element.$type === 'Role') roles.push(buildRole(element, 'workspace'));
        else cycles.push(buildCycleModel(element, language));
    }
    return { modelVersion: MODEL_VERSION, uri, roles, cycles };
}
