/**
 * The survey-results core: reading a wave of answers, its figures, the change between
 * waves and the rules that read them. Pure: no Langium, no Node, so the language
 * server (in Node or a Web Worker), the CLI and the diagrams share it.
 */
export * from './results-types.js';
export { readResults } from './read-results.js';
export { MAX_RESULTS_BYTES } from './csv-text.js';
export { MAX_LISTED_PROBLEMS } from './problems.js';
export { computeFigures, MIN_PAIRS_FOR_DERIVED_IMPORTANCE } from './figures.js';
export { compareWaves, SIGNIFICANCE } from './changes.js';
export { resultsFindings, percent } from './findings.js';
export { surveyResults, type ResultsFile } from './survey-results.js';
export { normalisedScore, isScored, hasCsat, isTopBox } from './scores.js';
export { wilsonInterval } from './statistics/wilson.js';
export { netPromoterScore } from './statistics/nps.js';
export { twoProportionZTest } from './statistics/two-proportion-z.js';
