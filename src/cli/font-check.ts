import { readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/;
const CJK_FONT = /cjk|han[ -]?sans|han[ -]?serif|wqy|droidsansfallback|msyh|simsun|simhei|mingliu|pingfang|hiragino|notosans(sc|tc|jp|kr|hk)|notoserif(sc|tc|jp|kr)|ukai|uming|nanum|malgun|meiryo|yugoth/i;

function hasFontMatching(folder: string, depth: number): boolean {
    let entries;
    try {
        entries = readdirSync(folder, { withFileTypes: true });
    } catch {
        return false;
    }
    for (const entry of entries) {
        if (entry.isFile() && CJK_FONT.test(entry.name)) return true;
        if (entry.isDirectory() && depth > 0 && hasFontMatching(join(folder, entry.name), depth - 1)) return true;
    }
    return false;
}

/**
 * The fonts shipped with the CLI cover Latin, Greek and Cyrillic scripts but not
 * Chinese, Japanese or Korean. When a diagram has such labels and the system has no
 * font for them, say how to get one rather than write a PNG of empty boxes.
 */
export function missingCjkFontAdvice(text: string, output = 'PNG'): string | undefined {
    if (!WIDE.test(text)) return undefined;
    const folders = ['/usr/share/fonts', '/usr/local/share/fonts', join(homedir(), '.fonts'), join(homedir(), '.local/share/fonts'),
        '/System/Library/Fonts', '/Library/Fonts', 'C:\\Windows\\Fonts'];
    if (folders.some(folder => hasFontMatching(folder, 4))) return undefined;
    return `this diagram has Chinese, Japanese or Korean labels and no font for them was found; install one for a legible ${output} (Debian: apt-get install fonts-noto-cjk).`;
}
