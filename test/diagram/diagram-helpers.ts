import { EmptyFileSystem, URI } from 'langium';
import { readFileSync } from 'node:fs';
import { createCycleCoreServices } from '../../src/model/services.js';
import type { Document } from '../../src/language/generated/ast.js';
import { buildFileModel } from '../../src/model/build-model.js';
import { withFileRoles, type CycleModel } from '../../src/model/cycle-model.js';

const services = createCycleCoreServices(EmptyFileSystem).Cycle;
let counter = 0;

/** The first cycle of a text, as the diagram code receives it (with the file's top-level roles, as the CLI and the preview pass it). */
export function cycleOf(text: string): CycleModel {
    const document = services.shared.workspace.LangiumDocumentFactory.fromString<Document>(text, URI.file(`/diagram/${++counter}.cycle`));
    const file = buildFileModel(document.parseResult.value, document.uri.toString());
    return withFileRoles(file.cycles[0], file.roles);
}

export function example(name: string): CycleModel {
    return cycleOf(readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8'));
}

/** A cycle of `count` moments with long labels, every fourth critical. */
export function syntheticCycle(count: number, label = (i: number) => `Moment ${i + 1}: the customer does something that takes a fairly long sentence to describe`): string {
    const lines = ['cycle many "Many moments"', '  goal "Get there"'];
    for (let i = 0; i < count; i++) {
        lines.push(`  moment m${i} "${label(i)}"`);
        if (i % 3 === 0) lines.push('    wait target 5 min', '    wait limit 10 min');
        if (i % 4 === 0) lines.push('    critical', '      risk "r"');
    }
    return lines.join('\n') + '\n';
}

/** The `data-moment` ids of an SVG, in document order, with their classes. */
export function momentsInSvg(svg: string): { id: string; classes: string[] }[] {
    return [...svg.matchAll(/<g class="([^"]*)" data-moment="([^"]*)"/g)].map(m => ({ id: m[2], classes: m[1].split(' ') }));
}
