// Draws the extension's icon, media/icon.png (the Marketplace and VS Code want a PNG),
// from docs/images/icon.svg with resvg and the DejaVu font the CLI ships with.
//   node scripts/icon.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';

const require = createRequire(import.meta.url);
const svg = readFileSync(new URL('../docs/images/icon.svg', import.meta.url), 'utf8');
const png = new Resvg(svg, {
    fitTo: { mode: 'width', value: 256 },
    font: { loadSystemFonts: false, fontFiles: [require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')], defaultFontFamily: 'DejaVu Sans' }
}).render().asPng();
writeFileSync(new URL('../media/icon.png', import.meta.url), png);
console.log(`media/icon.png: ${png.length} bytes`);
