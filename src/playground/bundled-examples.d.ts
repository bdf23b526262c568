/** Every `examples/*.cycle` file, embedded by scripts/build-web.mjs (file name → text). */
declare module 'virtual:bundled-examples' {
    const examples: ReadonlyArray<{ readonly name: string; readonly text: string }>;
    export default examples;
}
