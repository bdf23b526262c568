import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Resvg } from '@resvg/resvg-js';
import { bundledFontFiles } from './png-fonts.js';

let collect: (() => void) | undefined;

/**
 * Frees the page drawn last. A page's pixels live in native memory that V8 does not
 * count, so it would not collect a finished page before the next one is drawn:
 * memory would grow by a page each time. A full collection finds it; its native
 * finaliser then runs on the next turn of the event loop, hence the wait. The flag
 * is set here, once, so that the CLI does not run with --expose-gc everywhere.
 */
async function freeDrawnPage(): Promise<void> {
    if (!collect) {
        setFlagsFromString('--expose-gc');
        collect = runInNewContext('gc') as () => void;
    }
    collect();
    await new Promise(resolve => setImmediate(resolve));
}

/**
 * SVG pages → PNGs with resvg, at `scale` pixels per SVG unit, one page at a time:
 * only one page's shapes, glyphs and pixels are held at once. DejaVu Sans ships with
 * the package (dejavu-fonts-ttf: Latin, Greek, Cyrillic, Arabic…), so labels are
 * legible on a machine with no fonts at all; the system's fonts are loaded only when
 * `systemFonts` says the text has characters DejaVu lacks (Chinese, Japanese, Korean…).
 */
export async function* drawPngPages(pages: Iterable<string>, scale: number, systemFonts: boolean): AsyncGenerator<Buffer> {
    let first = true;
    for (const svg of pages) {
        if (!first) await freeDrawnPage();
        first = false;
        const resvg = new Resvg(svg, {
            fitTo: { mode: 'zoom', value: scale },
            font: { fontFiles: bundledFontFiles(), loadSystemFonts: systemFonts, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' }
        });
        yield resvg.render().asPng();
    }
}
