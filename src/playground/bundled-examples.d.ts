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
