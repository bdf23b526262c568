import * as ast from '../generated/ast.js';
import { isDoubleBarreled, isLeading } from '../../domain/question-heuristics.js';
import type { Report } from './report.js';

/** Step 5 of the method: unambiguous questions, each with a way to answer. */
export class SurveyValidator {
    checkQuestion(question: ast.Question, report: Report): void {
        if (!question.items.some(ast.isAnswer)) {
            report('question-without-answer', `Question \`${question.name}\` has no answer format: add \`answer yes-no\`, \`answer scale 1..5\`, \`answer number\`, \`answer text\` or \`answer choice "…" "…"\`.`,
                { node: question, property: 'name' });
        }
        const label = question.label ?? '';
        if (isDoubleBarreled(label)) {
            report('double-barreled-question', `Question \`${question.name}\` asks about two things at once: a customer who feels differently about each cannot answer; split it into two questions.`,
                { node: question, property: 'name' });
        }
        if (isLeading(label)) {
            report('leading-question', `Question \`${question.name}\` suggests its answer: ask neutrally (e.g. "How would you rate …?") so the survey measures the customer, not the wording.`,
                { node: question, property: 'name' });
        }
    }
}
