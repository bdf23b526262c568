import { AstUtils, type AstNode, type AstNodeDescription, type IndexManager } from 'langium';
import { ELEMENT_KINDS } from '../element-kinds.js';
import * as ast from '../generated/ast.js';
import { lineOf, relatedAt, type Report } from './report.js';

type Named = ast.Role | ast.Moment | ast.Requirement | ast.Action | ast.Area | ast.Survey | ast.Question;

/** Every element of a cycle, questions included: one namespace per cycle. */
export function namedElementsOf(cycle: ast.Cycle): Named[] {
    const result: Named[] = [];
    for (const item of cycle.items) {
        if (ast.isRole(item) || ast.isMoment(item) || ast.isRequirement(item) || ast.isAction(item) || ast.isArea(item)) {
            result.push(item);
        } else if (ast.isSurvey(item)) {
            result.push(item);
            for (const question of item.items) result.push(question);
        }
    }
    return result;
}

/** Ids are unique in their cycle; top-level roles and cycles in the workspace. */
export class IdentityValidator {
    constructor(private readonly indexManager: IndexManager) { }

    checkCycleIds(cycle: ast.Cycle, report: Report): void {
        const first = new Map<string, Named>();
        for (const element of namedElementsOf(cycle)) {
            if (!element.name) continue;
            const earlier = first.get(element.name);
            if (earlier) {
                report('duplicate-id', `\`${element.name}\` is already the id of the ${ELEMENT_KINDS[earlier.$type].word} on line ${lineOf(earlier)}: ids are unique within a cycle, so rename one of them.`, {
                    node: element,
                    property: 'name',
                    relatedInformation: relatedAt(earlier, `the other \`${element.name}\``)
                });
            } else {
                first.set(element.name, element);
            }
        }
    }

    checkMomentLabels(cycle: ast.Cycle, report: Report): void {
        const first = new Map<string, ast.Moment>();
        for (const moment of cycle.items.filter(ast.isMoment)) {
            if (moment.label === undefined || !moment.name) continue;
            const key = moment.label.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
            const earlier = first.get(key);
            if (earlier) {
                report('duplicate-label', `Moment \`${moment.name}\` has the same label as \`${earlier.name}\` (line ${lineOf(earlier)}): the customer cannot tell the two moments apart; say what differs.`, {
                    node: moment,
                    property: 'name',
                    relatedInformation: relatedAt(earlier, `\`${earlier.name}\` has the same label`)
                });
            } else {
                first.set(key, moment);
            }
        }
    }

    /**
     * Top-level roles and cycles share the workspace. Within one file the later one
     * is reported; across files every one is, since no file comes first.
     */
    checkWorkspaceIds(document: ast.Document, report: Report): void {
        const langiumDocument = AstUtils.getDocument(document);
        const seenHere = new Map<string, AstNode>();
        // One pass over the index, not one per element: a file of thousands of cycles
        // would otherwise be checked in quadratic time.
        const thisUri = langiumDocument.uri.toString();
        const othersByKey = new Map<string, AstNodeDescription[]>();
        for (const type of new Set(document.elements.map(e => e.$type))) {
            for (const description of this.indexManager.allElements(type)) {
                if (description.documentUri.toString() === thisUri) continue;
                const key = `${type}:${description.name}`;
                const list = othersByKey.get(key);
                if (list) list.push(description);
                else othersByKey.set(key, [description]);
            }
        }
        for (const element of document.elements) {
            if (!element.name) continue;
            const key = `${element.$type}:${element.name}`;
            const earlierHere = seenHere.get(key);
            if (earlierHere) {
                report('duplicate-id', `\`${element.name}\` is already the id of the ${ELEMENT_KINDS[element.$type].word} on line ${lineOf(earlierHere)}: rename one of them.`, {
                    node: element, property: 'name', relatedInformation: relatedAt(earlierHere, `the other \`${element.name}\``)
                });
                continue;
            }
            seenHere.set(key, element);
            const elsewhere = (othersByKey.get(key) ?? []);
            if (elsewhere.length > 0) {
                const files = elsewhere.map(d => fileName(d.documentUri.path));
                report('duplicate-id', `Another file of the workspace also declares the ${ELEMENT_KINDS[element.$type].word} \`${element.name}\` (${files.join(', ')}): top-level ids are shared by every file, so rename or remove one.`, {
                    node: element,
                    property: 'name',
                    relatedInformation: elsewhere.map(d => ({
                        location: { uri: d.documentUri.toString(), range: d.nameSegment?.range ?? zeroRange },
                        message: `the other \`${element.name}\``
                    }))
                });
            }
        }
    }
}

const zeroRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function fileName(path: string): string {
    return path.substring(path.lastIndexOf('/') + 1);
}

