import { describe, expect, it } from 'vitest';
import { buildFileModel } from '../../src/model/build-model.js';
import { check } from '../helpers.js';

/** Where in `value` an `undefined` hides (the model's types never allow one). */
function undefinedPaths(value: unknown, path = 'model'): string[] {
    if (value === undefined) return [path];
    if (Array.isArray(value)) return value.flatMap((item, i) => undefinedPaths(item, `${path}[${i}]`));
    if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => undefinedPaths(item, `${path}.${key}`));
    return [];
}

const HALF_TYPED = [
    'role\n',
    'role clerk\ncycle\n',
    'cycle c "C"\n  moment\n',
    'cycle c "C"\n  moment m\n',
    'cycle c "C"\n  customer\n  goal\n  peak\n  stage\n  phase\n  moment m "M"\n    by\n    channel\n    feels\n    quality\n    wait\n    evidence\n    critical\n      severity\n      risk\n      prevent\n        owner\n',
    'cycle c "C"\n  requirement\n    for\n    from\n  action\n    meets\n    owner\n    due\n  area\n    because\n    covers\n  priorities\n  survey\n    question\n      about\n      answer\n',
    'cycle c "C"\n  survey s "S"\n    question q\n      answer scale\n  survey t "T"\n    question q "Q?"\n      answer choice\n'
];

describe('issue 10 item 6: the model of half-typed text', () => {
    for (const text of HALF_TYPED) {
        it(`issue 10 item 6: carries no undefined for ${JSON.stringify(text)}`, async () => {
            const { document } = await check(text);
            const model = buildFileModel(document.parseResult.value, 'file:///half.cycle');
            expect(undefinedPaths(model)).toEqual([]);
        });
    }

    it('issue 10 item 6: a nameless element is kept, with an empty id', async () => {
        const { document } = await check('role\ncycle c "C"\n  moment a "A"\n  moment\n');
        const model = buildFileModel(document.parseResult.value, 'file:///half.cycle');
        expect(model.roles.map(r => r.id)).toEqual(['']);
        expect(model.cycles[0].moments.map(m => [m.id, m.label])).toEqual([['a', 'A'], ['', '']]);
    });
});

describe('issue 10 fuzz: findings about an element still without a name', () => {
    it('wait for its name: no message says `undefined`, the syntax error says what is missing', async () => {
        for (const text of ['cycle\n', 'cycle "x"\n', 'cycle c "C"\n  goal "g"\n  area\n  action\n  requirement\n  survey\n  question\n  moment\n    critical\n', 'cycle c "C"\n  moment\n']) {
            const { diagnostics } = await check(text);
            expect(diagnostics.map(d => String(d.message)).filter(m => m.includes('undefined')), text).toEqual([]);
            expect(diagnostics.some(d => d.code === 'syntax-error'), text).toBe(true);
        }
    });
});
