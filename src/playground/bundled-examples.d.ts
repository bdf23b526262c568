/**
 * Every `examples/*.cycle` file (name and text, sorted by name), embedded in the
 * page's script by scripts/build-web.mjs (esbuild's `define`).
 */
declare const BUNDLED_EXAMPLES: ReadonlyArray<{ readonly name: string; readonly text: string }>;
