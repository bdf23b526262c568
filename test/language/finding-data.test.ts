import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { findingDataOf, notListedOf } from '../../src/language/validation/finding-data.js';

/**
 * Quick fixes read a finding's data as the editor hands it back (the quick-fix tests
 * cover the data as sent). What comes back may have lost it, and the line that
 * counts left-out findings bears a rule's code without that rule's data.
 */
describe('the data a finding carries, as it comes back from the editor', () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    const sent: Diagnostic = { range, message: 'x', code: 'unknown-quality', data: { code: 'unknown-quality', suggestions: ['reliability'] } };

    it('is read by the rule code it was sent with', () => {
        expect(findingDataOf(sent, 'unknown-quality')?.suggestions).toEqual(['reliability']);
        expect(findingDataOf(sent, 'unknown-channel')).toBeUndefined();
        expect(findingDataOf({ ...sent, code: 'unknown-channel' }, 'unknown-channel')).toBeUndefined();
    });

    it('is nothing when the editor dropped or mangled it, or on the line that counts left-out findings', () => {
        expect(findingDataOf({ ...sent, data: undefined }, 'unknown-quality')).toBeUndefined();
        expect(findingDataOf({ ...sent, data: 'suggestions' }, 'unknown-quality')).toBeUndefined();
        const notListed = { error: 3, warning: 0, info: 0 };
        const summary: Diagnostic = { ...sent, data: { code: 'unknown-quality', notListed } };
        expect(findingDataOf(summary, 'unknown-quality')).toBeUndefined();
        expect(notListedOf(summary)).toEqual(notListed);
        expect(notListedOf(sent)).toBeUndefined();
    });
});
