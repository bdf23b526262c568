import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { MAX_SUGGESTED_REFERENCES } from '../../src/language/validation/reference-suggestions.js';
import { breakClean, check, CLEAN_CYCLE } from '../helpers.js';

/* Did you mean, for a reference that names nothing visible (issue 10, item 12). */

describe('an unresolved reference', () => {
    it('issue 10 item 12: an unresolved reference names the nearest visible name, in its message and its data', async () => {
        const role = await check(breakClean('    by clerk\n    channel in-person', '    by clerc\n    channel in-person'));
        const [unresolved] = role.diagnostics.filter(d => d.code === 'unresolved-reference');
        expect(unresolved.message).toContain('did you mean `clerk`?');
        expect((unresolved.data as { suggestions?: string[] }).suggestions).toEqual(['clerk']);
        const moment = await check(breakClean('    for m2\n', '    for m22\n'));
        const [forMoment] = moment.diagnostics.filter(d => d.code === 'unresolved-reference');
        expect(forMoment.message).toContain('did you mean `m2`?');
        // Names of another cycle are not visible here, so they are never proposed.
        const other = await check(CLEAN_CYCLE.replace('    for m2\n', '    for arrival\n') + 'cycle other "Other"\n  goal "g"\n  moment arrivals "A"\n');
        const [crossCycle] = other.diagnostics.filter(d => d.code === 'unresolved-reference');
        expect(crossCycle.message).not.toContain('did you mean');
        expect((crossCycle.data as { suggestions?: string[] }).suggestions).toEqual([]);
    });
});

describe('suggestions for many unresolved references', () => {
    it('go to the first ones only, and the same ones on every validation', async () => {
        const count = MAX_SUGGESTED_REFERENCES + 20;
        const moments = Array.from({ length: count }, (_, i) => `  moment m${i} "M"\n    by clerc\n`).join('');
        const checked = await check(`cycle c "x"\n  role clerk "C"\n${moments}`);
        const suggested = (diagnostics: Diagnostic[]) => diagnostics.filter(d => d.code === 'unresolved-reference' && (d.data as { suggestions: string[] }).suggestions.length > 0).map(d => d.range.start.line);
        const first = suggested(checked.diagnostics);
        expect(checked.diagnostics.filter(d => d.code === 'unresolved-reference')).toHaveLength(count);
        expect(first).toHaveLength(MAX_SUGGESTED_REFERENCES);
        const again = await checked.services.validation.DocumentValidator.validateDocument(checked.document);
        expect(suggested(again)).toEqual(first);
    });
});
