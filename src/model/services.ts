import {
    createDefaultCoreModule, createDefaultSharedCoreModule, inject,
    type DefaultSharedCoreModuleContext, type LangiumSharedCoreServices, type Module, type PartialLangiumCoreServices
} from 'langium';
import { CycleLanguageModule, type CycleLanguageAddedServices, type CycleLanguageServices } from '../language/cycle-module.js';
import { CycleGeneratedSharedModule, CycleLanguageGeneratedModule } from '../language/generated/module.js';
import { SingleLanguageServiceRegistry } from '../language/single-language-registry.js';
import { registerValidationChecks } from '../language/validation/index.js';
import { CycleModelProvider } from './cycle-model-provider.js';

/** What the model room adds to the language: the cycle model of each parsed document. */
export interface CycleModelServices {
    model: {
        CycleModels: CycleModelProvider;
    };
}

/** Everything the faces share: the language and its models. */
export type CycleCoreServices = CycleLanguageServices & CycleModelServices;
export type CycleAddedServices = CycleLanguageAddedServices & CycleModelServices;

export const CycleCoreModule: Module<CycleCoreServices, PartialLangiumCoreServices & CycleAddedServices> = {
    ...(CycleLanguageModule as Module<CycleCoreServices, PartialLangiumCoreServices & CycleLanguageAddedServices>),
    model: {
        CycleModels: () => new CycleModelProvider()
    }
};

/**
 * The language without an editor, for the CLI, the tests and a browser worker. The
 * file system comes from the face (`NodeFileSystem`, `EmptyFileSystem`): it decides
 * where `cycle.config.json` files are read from.
 */
export function createCycleCoreServices(context: DefaultSharedCoreModuleContext): {
    shared: LangiumSharedCoreServices;
    Cycle: CycleCoreServices;
} {
    const shared = inject(createDefaultSharedCoreModule(context), CycleGeneratedSharedModule, {
        ServiceRegistry: () => new SingleLanguageServiceRegistry()
    });
    const Cycle = inject(createDefaultCoreModule({ shared }), CycleLanguageGeneratedModule, CycleCoreModule);
    shared.ServiceRegistry.register(Cycle);
    registerValidationChecks(Cycle);
    return { shared, Cycle };
}
