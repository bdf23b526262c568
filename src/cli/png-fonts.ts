import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { covers, fontCoverage, mergeRanges, type CodeRange } from './font-coverage.js';

/** The DejaVu Sans faces a diagram uses: regular, bold, italic (muted captions), bold italic. */
const BUNDLED = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans-BoldOblique.ttf'];

let bundledFiles: string[] | undefined;
let bundledRanges: CodeRange[] | undefined;

/**
 * Paths of the DejaVu Sans files shipped with the CLI, found once per process: from
 * the package (dejavu-fonts-ttf) where node_modules is there, else the copies the
 * build puts in dist/fonts/, beside the CLI's bundle in dist/cli/ (the .vsix, whose
 * Export Report runs that bundle, has no node_modules).
 */
export function bundledFontFiles(): string[] {
    if (!bundledFiles) {
        // Found from this module (in the CLI bundle, dist/cli/), created only when a PNG or PDF is drawn.
        const localRequire = createRequire(__filename);
        const besideBundle = (name: string) => join(dirname(__filename), '..', 'fonts', name);
        bundledFiles = BUNDLED.map(name => {
            try {
                return localRequire.resolve(`dejavu-fonts-ttf/ttf/${name}`);
            } catch (error) {
                if (existsSync(besideBundle(name))) return besideBundle(name);
                throw error;
            }
        });
    }
    return bundledFiles;
}

/** Every character the bundled faces have a glyph for, read from their files once per process. */
export function bundledFontCoverage(): CodeRange[] {
    bundledRanges ??= mergeRanges(bundledFontFiles().flatMap(file => fontCoverage(readFileSync(file))));
    return bundledRanges;
}

/** Characters that draw nothing and need no glyph: controls, format characters (bidi isolates, joiners), separators. */
const NO_GLYPH = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/**
 * Whether drawing these lines of text needs the system's fonts: only when one has a
 * character none of `available` covers (Chinese, Japanese, Korean…). Loading them
 * costs time (every font file on the machine is scanned) and lets a system font
 * stand in for DejaVu, so a Latin, Greek or Cyrillic diagram is drawn the same
 * on every machine.
 */
export function needsSystemFonts(lines: Iterable<string>, available: readonly CodeRange[]): boolean {
    for (const line of lines) {
        for (const char of line) {
            const code = char.codePointAt(0)!;
            if (code < 0x80 || NO_GLYPH.test(char)) continue;
            if (!covers(available, code)) return true;
        }
    }
    return false;
}
