import { terminalText as safe } from '../domain/neutralise/terminal.js';
import { withFileRoles, type CycleModel, type FileModel, type SurveyModel } from '../model/cycle-model.js';
import { CliError, EXIT_USAGE } from './cli-error.js';

export interface ChosenSurvey {
    /** With the file's top-level roles added, as every face shows a cycle. */
    readonly cycle: CycleModel;
    readonly survey: SurveyModel;
}

/**
 * The survey a `cycle survey` command works on: the one `--cycle` and `--survey` name,
 * else the file's only one. When the choice is not clear, the error lists every survey
 * as the options that would pick it, so the user can copy one.
 */
export function chooseSurvey(model: FileModel, displayPath: string, cycleId: string | undefined, surveyId: string | undefined): ChosenSurvey {
    const path = safe(displayPath);
    const cycles = cycleId === undefined ? model.cycles : model.cycles.filter(c => c.id === cycleId);
    if (cycleId !== undefined && cycles.length === 0) {
        const ids = model.cycles.map(c => `\`${safe(c.id)}\``).join(', ');
        throw new CliError(`${path} has no cycle \`${safe(cycleId)}\`${ids ? `; it has ${ids}` : ''}.`, EXIT_USAGE);
    }
    const all = cycles.flatMap(cycle => cycle.surveys.map(survey => ({ cycle, survey })));
    const matching = surveyId === undefined ? all : all.filter(s => s.survey.id === surveyId);
    const options = (list: typeof all): string => list
        .map(s => `--cycle ${safe(s.cycle.id)} --survey ${safe(s.survey.id)}`).join('; ');
    if (matching.length === 0) {
        if (all.length === 0) {
            throw new CliError(`${path} has no survey${cycleId !== undefined ? ` in cycle \`${safe(cycleId)}\`` : ''}: add one (survey ID "Title" with its questions) first.`, EXIT_USAGE);
        }
        throw new CliError(`${path} has no survey \`${safe(surveyId ?? '')}\`${cycleId !== undefined ? ` in cycle \`${safe(cycleId)}\`` : ''}; it has: ${options(all)}.`, EXIT_USAGE);
    }
    if (matching.length > 1) {
        throw new CliError(`${path} has ${matching.length} surveys${surveyId !== undefined ? ` named \`${safe(surveyId)}\`` : ''}: choose one with ${options(matching)}.`, EXIT_USAGE);
    }
    const { cycle, survey } = matching[0];
    return { cycle: withFileRoles(cycle, model.roles), survey };
}
