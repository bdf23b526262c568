import { readdirSync, readFileSync } from 'node:fs';
import { createDefaultCoreModule, createDefaultSharedCoreModule, EmptyFileSystem, inject, type LangiumParser } from 'langium';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CycleGeneratedSharedModule, CycleLanguageGeneratedModule, CycleLanguageLanguageMetaData } from '../../src/language/generated/module.js';
import { CycleCoreModule } from '../../src/model/services.js';

/** The part of Chevrotain's parser that holds what its grammar validations found. */
interface ValidatedParser {
    skipValidations: boolean;
    definitionErrors: { message: string }[];
}

/**
 * The parser as the language builds it, but in Langium's development mode: Chevrotain
 * then validates the grammar (left recursion, empty alternatives, ambiguous or
 * unreachable alternatives…) while building it. The shipped parser runs in production
 * mode and skips these checks on every start; this test is where they still run.
 */
function developmentParser(): LangiumParser {
    const shared = inject(createDefaultSharedCoreModule(EmptyFileSystem), CycleGeneratedSharedModule);
    const language = inject(createDefaultCoreModule({ shared }), CycleLanguageGeneratedModule, CycleCoreModule, {
        LanguageMetaData: () => ({ ...CycleLanguageLanguageMetaData, mode: 'development' as const })
    });
    return language.parser.LangiumParser;
}

describe('the grammar, checked by Chevrotain', () => {
    afterEach(() => {
        vi.restoreAllMocks();
    });

    it('has no grammar validation errors when the validations run', () => {
        // Chevrotain throws on a definition error: building the parser is the check.
        const parser = developmentParser();
        const chevrotain = (parser as unknown as { wrapper: ValidatedParser }).wrapper;
        expect(chevrotain.skipValidations).toBe(false);
        expect(chevrotain.definitionErrors.map(e => e.message)).toEqual([]);
    });

    it('meets no ambiguous alternatives while parsing the examples', () => {
        // The LL(*) lookahead reports an ambiguity it resolves while parsing, in development mode, on the console.
        const reported: string[] = [];
        vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => { reported.push(args.join(' ')); });
        const parser = developmentParser();
        const folder = new URL('../../examples/', import.meta.url);
        const examples = readdirSync(folder).filter(name => name.endsWith('.cycle'));
        expect(examples.length).toBeGreaterThan(3);
        for (const name of examples) parser.parse(readFileSync(new URL(name, folder), 'utf8'));
        expect(reported).toEqual([]);
    });
});
