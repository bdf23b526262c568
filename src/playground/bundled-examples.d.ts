/**
 * Every `examples/*.cycle` file (name and text, sorted by name), embedded in the
 * page's script by scripts/build-web.mjs (esbuild's `define`).
 */
declare const BUNDLED_EXAMPLES: ReadonlyArray<{ readonly name: string; readonly text: string }>;

/**
 * The preview model of the example the page opens with (bank-check-cashing.cycle),
 * worked out at build time as the language server would send it (version null), or
 * null: the page draws it before its worker has started.
 */
declare const FIRST_MODEL: import('../protocol.js').PreviewModel | null;

/**
 * The survey results files the bundled examples' `results` lines point at (paths
 * relative to examples/, e.g. `bank-waves/2026-q1.csv`, sorted), embedded by
 * scripts/build-web.mjs: the playground's read-only folder file:/// (bundled-files.ts).
 */
declare const BUNDLED_FILES: ReadonlyArray<{ readonly path: string; readonly text: string }>;
