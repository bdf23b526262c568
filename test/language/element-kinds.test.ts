import { describe, expect, it } from 'vitest';
import { ELEMENT_KINDS, isNamedKind } from '../../src/language/element-kinds.js';
import { CycleAstReflection } from '../../src/language/generated/ast.js';
import { BLOCKS } from '../../src/language/parser/blocks.js';
import { referenceTargetOf } from '../../src/language/validation/unresolved-reference-message.js';

/**
 * Messages name elements by the words of one table; an element the table misses
 * would be called `undefined` in a duplicate-id finding, a rename refusal or a
 * syntax error. These hold the table to the grammar.
 */
const reflection = new CycleAstReflection();
const properties = (type: string) => reflection.getTypeMetaData(type).properties;

describe('the words for the kinds of element', () => {
    it('has a word for every element of the grammar that takes an id, and for nothing else', () => {
        const withId = reflection.getAllTypes().filter(type => 'name' in properties(type)).sort();
        expect(Object.keys(ELEMENT_KINDS).filter(isNamedKind).sort()).toEqual(withId);
        for (const type of withId) expect(isNamedKind(type), type).toBe(true);
    });

    it('says what every block that lines sit in is called, and the role line besides', () => {
        expect(Object.keys(ELEMENT_KINDS).sort()).toEqual([...Object.keys(BLOCKS), 'Role'].sort());
    });

    it('knows what every reference of the grammar names, for its unresolved-reference message', () => {
        for (const type of reflection.getAllTypes()) {
            for (const [property, meta] of Object.entries(properties(type))) {
                if (meta.referenceType) expect(referenceTargetOf(type), `${type}.${property}`).toBe(meta.referenceType);
            }
        }
        expect(referenceTargetOf('Moment')).toBeUndefined();
        expect(referenceTargetOf('constructor')).toBeUndefined();
    });
});
