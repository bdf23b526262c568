import { readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** A font file for Chinese, Japanese and Korean text, and the face to take from it when it is a collection (`.ttc`). */
export interface CjkFontFile {
    readonly path: string;
    readonly postscriptName?: string;
    /** The bold face beside it (`…-Bold…` for `…-Regular…`), when the system has one. */
    readonly bold?: { readonly path: string; readonly postscriptName?: string };
}

/**
 * Regular sans-serif CJK faces a PDF can embed, best first. A collection holds several
 * faces, so it is named with the one to use (the simplified-Chinese one: the examples'
 * and the most common; its Han glyphs serve Japanese and Korean readers too).
 */
const KNOWN: readonly { readonly file: RegExp; readonly postscriptName?: string }[] = [
    { file: /^NotoSansCJK-Regular\.ttc$/i, postscriptName: 'NotoSansCJKsc-Regular' },
    { file: /^NotoSansCJK(sc|tc|jp|kr)-Regular\.otf$/i },
    { file: /^NotoSans(SC|TC|JP|KR)-Regular\.(otf|ttf)$/i },
    { file: /^SourceHanSans(SC|CN)?-Regular\.otf$/i },
    { file: /^wqy-microhei\.ttc$/i, postscriptName: 'WenQuanYiMicroHei' },
    { file: /^wqy-zenhei\.ttc$/i, postscriptName: 'WenQuanYiZenHei' },
    { file: /^DroidSansFallback(Full)?\.ttf$/i },
    { file: /^msyh\.ttc$/i, postscriptName: 'MicrosoftYaHei' },
    { file: /^simhei\.ttf$/i },
    { file: /^Hiragino Sans GB\.ttc$/i, postscriptName: 'HiraginoSansGB-W3' }
];

const FOLDERS = ['/usr/share/fonts', '/usr/local/share/fonts', join(homedir(), '.fonts'), join(homedir(), '.local/share/fonts'),
    '/System/Library/Fonts', '/Library/Fonts', 'C:\\Windows\\Fonts'];

function collect(folder: string, depth: number, into: string[]): void {
    let entries;
    try {
        entries = readdirSync(folder, { withFileTypes: true });
    } catch {
        return;
    }
    for (const entry of entries) {
        if (entry.isFile()) into.push(join(folder, entry.name));
        else if (entry.isDirectory() && depth > 0) collect(join(folder, entry.name), depth - 1, into);
    }
}

/**
 * The system's CJK font to embed in a PDF, or undefined when it has none this knows:
 * unlike a PNG (resvg picks any system font), a PDF needs one file, named here.
 */
export function findCjkFontFile(): CjkFontFile | undefined {
    const files: string[] = [];
    for (const folder of FOLDERS) collect(folder, 4, files);
    for (const known of KNOWN) {
        const path = files.find(file => known.file.test(file.split(/[\\/]/).pop()!));
        if (!path) continue;
        const boldPath = path.replace(/Regular(?=[^\\/]*$)/, 'Bold');
        const bold = boldPath !== path && files.includes(boldPath)
            ? { path: boldPath, postscriptName: known.postscriptName?.replace('Regular', 'Bold') }
            : undefined;
        return { path, postscriptName: known.postscriptName, bold };
    }
    return undefined;
}
