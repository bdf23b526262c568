import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';

const localRequire = createRequire(__filename);

/**
 * SVG → PNG with resvg. DejaVu Sans ships with the package (dejavu-fonts-ttf: Latin,
 * Greek, Cyrillic, Arabic…), so labels are legible on a machine with no fonts at
 * all; the system's fonts are loaded too, for scripts DejaVu lacks (CJK).
 */
export function svgToPng(svg: string, scale = 2): Buffer {
    const fonts = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans-BoldOblique.ttf']
        .map(name => localRequire.resolve(`dejavu-fonts-ttf/ttf/${name}`));
    const resvg = new Resvg(svg, {
        fitTo: { mode: 'zoom', value: scale },
        font: { fontFiles: fonts, loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' }
    });
    return Buffer.from(resvg.render().asPng());
}
