import { AstUtils, CstUtils, type AstNode, type LangiumDocument, type LangiumDocuments, type AstNodeLocator } from 'langium';
import type { HoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import * as ast from '../language/generated/ast.js';
import { cycleStats, describeStats, type CycleModel, type MomentModel } from '../model/cycle-model.js';
import { CHANNELS, QUALITY_COMPONENTS, QUALITY_OLD_NAMES, isChannel, isQualityComponent } from '../domain/vocabulary.js';
import type { CycleModelProvider } from '../model/cycle-model-provider.js';
import type { References } from 'langium';
import { escapeMarkdown as escape } from '../domain/neutralise/escape.js';
import type { ResultsFiles } from '../language/results/results-files.js';
import { percent } from '../results/index.js';

/** What the method means by a keyword, in one sentence. */
const KEYWORD_HELP: Record<string, string> = {
    cycle: 'A service cycle: every moment from first contact until the customer gets what they came for.',
    goal: "The customer's single goal; the cycle ends when a moment `achieves goal`.",
    moment: 'A moment of truth: a contact between customer and provider, felt as positive or negative.',
    critical: 'A critical moment: an incident here can spoil the whole service. Name its risks, how they are prevented and how the service recovers.',
    prevent: 'A mitigation that keeps the incident from happening. Every critical moment needs one, with an owner.',
    recover: 'A mitigation for when the incident happens anyway: how the service wins the customer back.',
    risk: 'What can go wrong at this critical moment.',
    severity: 'How badly an incident here hurts: low, medium (the default) or high.',
    feels: "The designer's estimate of how the moment feels: 1 (very bad) to 5 (very good).",
    quality: 'One of the ten components of quality service this moment addresses.',
    channel: 'Where the customer meets the service: in-person, phone, correspondence, web, app, chat, facility, product, or none.',
    wait: "What the customer waits: the `target` you aim for and the `limit` you never exceed.",
    evidence: 'Physical evidence the customer sees (a service blueprint lane).',
    frontstage: 'What the employee does in front of the customer at this moment (the blueprint\'s frontstage lane).',
    language: 'The language of the words the diagrams draw around your labels: en, ru, id or zh (else told by the labels\' script).',
    backstage: 'What staff do out of sight of the customer (a service blueprint lane).',
    support: 'The support process behind the moment (a service blueprint lane).',
    achieves: 'Marks the moment where the customer reaches the goal.',
    stage: 'Where the service is in its life: introduction, growth, maturity or decline.',
    peak: 'When the cycle is under most load (seasonal peaks).',
    phase: 'Starts a phase: the moments after it, up to the next phase.',
    requirement: 'Step 2 of the method: what the service must guarantee, for which moment, from whom.',
    action: 'Step 3 of the method: the action plan; an action meets requirements and has an owner and a due date.',
    area: 'Step 4 of the method: an area to improve, because of its importance or its deterioration.',
    priorities: 'Step 4 of the method: the areas ranked, most urgent first.',
    survey: 'Step 5 of the method: a satisfaction survey with unambiguous questions.',
    question: 'A survey question: about a moment, with one way to answer.',
    results: 'A file of survey answers (CSV, one row per respondent, one column per question id), relative to this file; the last `results` line is the current wave.',
    measures: 'What the answers measure: satisfaction (the default), importance, expectation, overall or recommend (NPS, on scale 0..10).',
    role: 'Someone in contact with the customer, who carries moments or owns mitigations and actions.'
};

/**
 * Hover: a moment's place in the cycle and its critical data, a role's uses across
 * the workspace, what a quality component or channel means, what a keyword is for.
 */
export class CycleHoverProvider implements HoverProvider {
    constructor(
        private readonly models: CycleModelProvider,
        private readonly references: References,
        private readonly documents: LangiumDocuments,
        private readonly locator: AstNodeLocator,
        private readonly resultsFiles?: ResultsFiles
    ) { }

    async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(params.position));
        if (!leaf || leaf.hidden) return undefined;
        const node = leaf.astNode;
        let markdown = this.describe(node, leaf.text);
        const target = this.targetOf(node, leaf.text);
        if (markdown && target && ast.isMoment(target)) {
            const measured = await this.measured(target);
            if (measured) markdown += '\n\n' + measured;
        }
        return markdown ? { contents: { kind: 'markdown', value: markdown }, range: leaf.range } : undefined;
    }

    /** The moment's CSAT in the current wave of each survey with results: the figure, its interval and n. */
    private async measured(moment: ast.Moment): Promise<string | undefined> {
        const files = this.resultsFiles;
        const cycle = moment.$container;
        if (!files || !moment.name) return undefined;
        const document = AstUtils.getDocument(moment);
        const lines: string[] = [];
        for (const survey of cycle.items.filter(ast.isSurvey)) {
            if (survey.results.length === 0) continue;
            const results = await files.resultsOf(document, cycle, survey);
            const figures = results.current?.moments.find(m => m.id === moment.name);
            if (!results.current || !figures || figures.n === 0) continue;
            const csat = figures.csat
                ? `CSAT **${percent(figures.csat.value)}** (95% interval ${percent(figures.csat.low)}–${percent(figures.csat.high)})`
                : 'no CSAT (no scale of 5+ points or yes-no answers)';
            lines.push(`Measured in \`${escape(results.current.wave)}\`: ${csat}, n = ${figures.n}`);
        }
        return lines.length > 0 ? lines.join('\n\n') : undefined;
    }

    private describe(node: AstNode, text: string): string | undefined {
        if (ast.isQuality(node) && text === node.value) return describeQuality(node.value);
        if (ast.isChannel(node) && text === node.value) return describeChannel(node.value);
        const target = this.targetOf(node, text);
        if (target) return this.describeElement(target);
        return KEYWORD_HELP[text] ? `**${text}** — ${KEYWORD_HELP[text]}` : undefined;
    }

    /** The element an id names, whether written as its declaration or as a reference. */
    private targetOf(node: AstNode, text: string): AstNode | undefined {
        if ((ast.isBy(node) || ast.isOwner(node)) && node.role?.$refText === text) return node.role?.ref;
        if ((ast.isFor(node) || ast.isCovers(node) || ast.isAbout(node)) && node.moment?.$refText === text) return node.moment?.ref;
        if (ast.isMeets(node) && node.requirement?.$refText === text) return node.requirement?.ref;
        if (ast.isPriorityItem(node) && node.area?.$refText === text) return node.area?.ref;
        if ('name' in node && (node as { name?: string }).name === text) return node;
        return undefined;
    }

    private describeElement(node: AstNode): string | undefined {
        const document = AstUtils.getDocument(node);
        const model = this.models.modelOf(document);
        if (ast.isMoment(node)) {
            const cycle = model.cycles.find(c => c.id === node.$container.name && c.range.start.line === node.$container.$cstNode?.range.start.line);
            const moment = cycle?.moments.find(m => m.id === node.name && m.range.start.line === node.$cstNode?.range.start.line);
            return cycle && moment ? describeMoment(cycle, moment) : undefined;
        }
        if (ast.isRole(node)) return this.describeRole(node);
        if (ast.isCycle(node)) {
            const cycle = model.cycles.find(c => c.range.start.line === node.$cstNode?.range.start.line);
            if (!cycle) return undefined;
            return [`**cycle \`${cycle.id}\`** — ${escape(cycle.label)}`,
                cycle.goal ? `Goal: *${escape(cycle.goal)}*` : 'No goal yet.',
                describeStats(cycleStats(cycle))].join('\n\n');
        }
        if (ast.isRequirement(node)) return `**requirement \`${node.name}\`** — ${escape(node.label ?? '')}`;
        if (ast.isAction(node)) return `**action \`${node.name}\`** — ${escape(node.label ?? '')}`;
        if (ast.isArea(node)) {
            const cycle = node.$container;
            const rank = cycle.items.find(ast.isPriorities)?.items.findIndex(i => i.area?.ref === node);
            return `**area \`${node.name}\`** — ${escape(node.label ?? '')}` + (rank !== undefined && rank >= 0 ? `\n\nPriority ${rank + 1}` : '\n\nNot ranked in `priorities`.');
        }
        if (ast.isSurvey(node)) return `**survey \`${node.name}\`** — ${escape(node.label ?? '')}\n\n${node.items.length} ${node.items.length === 1 ? 'question' : 'questions'}`;
        if (ast.isQuestion(node)) return `**question \`${node.name}\`** — ${escape(node.label ?? '')}`;
        return undefined;
    }

    private describeRole(role: ast.Role): string {
        const carries: string[] = [];
        const owns: string[] = [];
        for (const reference of this.references.findReferences(role, { includeDeclaration: false })) {
            const document = this.documents.getDocument(reference.sourceUri);
            const source = document ? this.locator.getAstNode(document.parseResult.value, reference.sourcePath) : undefined;
            if (ast.isBy(source)) {
                carries.push(`\`${source.$container.name}\``);
            } else if (ast.isOwner(source)) {
                const holder = source.$container;
                owns.push(ast.isMitigation(holder)
                    ? `${holder.kind} of \`${AstUtils.getContainerOfType(holder, ast.isMoment)?.name ?? '?'}\``
                    : `action \`${holder.name}\``);
            }
        }
        const scope = ast.isCycle(role.$container) ? `a role of cycle \`${role.$container.name}\`` : 'a top-level role, visible in every file';
        const lines = [`**role \`${role.name}\`**${role.label ? ` — ${escape(role.label)}` : ''}`, `*${scope}*`];
        lines.push(carries.length > 0 ? `Carries ${carries.length} ${carries.length === 1 ? 'moment' : 'moments'}: ${carries.join(', ')}` : 'Carries no moment.');
        lines.push(owns.length > 0 ? `Owns ${owns.join(', ')}` : 'Owns no mitigation or action.');
        return lines.join('\n\n');
    }
}

function describeMoment(cycle: CycleModel, moment: MomentModel): string {
    const lines: string[] = [];
    const phase = moment.phase ? ` · phase *${escape(moment.phase)}*` : '';
    lines.push(`**moment \`${moment.id}\`** — step ${moment.step} of ${cycle.moments.length}${phase}`);
    lines.push(escape(moment.label));
    const facts: string[] = [];
    if (moment.by) facts.push(`by \`${moment.by}\``);
    if (moment.channel) facts.push(`channel \`${moment.channel}\``);
    if (moment.feels !== null) facts.push(`feels ${moment.feels}/5`);
    if (moment.qualities.length > 0) facts.push(`quality ${moment.qualities.join(', ')}`);
    if (moment.waitTarget || moment.waitLimit) {
        facts.push(`wait ${moment.waitTarget ? `target ${moment.waitTarget.amount} ${moment.waitTarget.unit}` : ''}${moment.waitTarget && moment.waitLimit ? ', ' : ''}${moment.waitLimit ? `limit ${moment.waitLimit.amount} ${moment.waitLimit.unit}` : ''}`);
    }
    if (moment.achievesGoal) facts.push('**achieves the goal**');
    if (facts.length > 0) lines.push(facts.join(' · '));
    const critical = moment.critical;
    if (critical) {
        const items = [`**Critical** (severity ${critical.severity})`];
        for (const risk of critical.risks) items.push(`- risk: ${escape(risk.text)}`);
        for (const m of [...critical.prevent, ...critical.recover]) {
            items.push(`- ${m.kind}: ${escape(m.text)}${m.owner ? ` — owner \`${m.owner}\`` : ' — *no owner*'}`);
        }
        if (critical.prevent.length === 0) items.push('- ⚠ **no prevent mitigation**');
        if (critical.recover.length === 0) items.push('- no recover mitigation');
        lines.push(items.join('\n'));
    }
    return lines.join('\n\n');
}

function describeQuality(name: string): string {
    if (isQualityComponent(name)) {
        return `**${name}** — one of the ten components of quality service\n\n${QUALITY_COMPONENTS[name]}`;
    }
    const renamed = QUALITY_OLD_NAMES[name];
    return renamed ? `**${name}** is the old name of **${renamed}**\n\n${QUALITY_COMPONENTS[renamed]}` : `\`${name}\` is not one of the ten components of quality service.`;
}

function describeChannel(name: string): string {
    return isChannel(name) ? `**channel ${name}** — ${CHANNELS[name]}` : `\`${name}\` is not a channel.`;
}
