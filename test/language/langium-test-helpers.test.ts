import { EmptyFileSystem } from 'langium';
import { expectCompletion, expectError, expectFormatting, expectGoToDefinition, expectHover, expectNoIssues, expectWarning, validationHelper } from 'langium/test';
import { describe, it } from 'vitest';
import { createCycleServices } from '../../src/server/services.js';
import type { Cycle, Document } from '../../src/language/generated/ast.js';

/** The same features through Langium's own test helpers, as a second opinion. */
const services = createCycleServices(EmptyFileSystem).Cycle;
const validate = validationHelper<Document>(services);

const cycle = `cycle c "x"
  goal "g"
  stage growth
  role clerk "Clerk"
  moment m "M"
    by clerk
    critical
      risk "r"
`;

describe('langium/test helpers', () => {
    it('validation: the headline warning, a did-you-mean error, and a clean line', async () => {
        const result = await validate(cycle);
        expectWarning(result, /no prevent mitigation/, { node: (result.document.parseResult.value.elements[0] as Cycle).items[4], property: 'name', code: 'critical-unmitigated' });
        const typo = await validate(cycle.replace('    by clerk\n', '    by clerk\n    channel webb\n'));
        expectError(typo, /did you mean `web`/, { code: 'unknown-channel' });
        expectNoIssues(result, { code: 'unknown-channel' });
    });

    it('completion after `severity `', async () => {
        await expectCompletion(services)({ text: cycle.replace('      risk "r"', '      risk "r"\n      severity <|>'), index: 0, expectedItems: ['low', 'medium', 'high'] });
    });

    it('hover on a role reference', async () => {
        await expectHover(services)({ text: cycle.replace('    by clerk', '    by cl<|>erk'), index: 0, hover: /role `clerk`/ });
    });

    it('go to definition of a role', async () => {
        await expectGoToDefinition(services)({ text: cycle.replace('  role clerk', '  role <|clerk|>').replace('    by clerk', '    by cl<|>erk'), index: 0, rangeIndex: 0 });
    });

    it('formatting', async () => {
        await expectFormatting(services)({ before: 'cycle c "x"\n      goal   "g"\n', after: 'cycle c "x"\n  goal "g"\n' });
    });
});
