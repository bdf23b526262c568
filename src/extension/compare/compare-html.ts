import { escapeHtml } from '../../domain/neutralise/escape.js';
import type { LanguageCode } from '../../domain/words/index.js';

/**
 * The "Compare with HEAD" page: the semantic diff beside the visual diff. No
 * scripts at all; styles only from the extension. The fragments come from the
 * diff's formatters, which escape every label. `language` is the page's own words'
 * (the cycle's), so a screen reader reads them in the right voice.
 */
export function compareHtml(options: { cspSource: string; styleUri: string; title: string; diffHtml: string; svgs: string[]; language?: LanguageCode }): string {
    const escape = escapeHtml;
    return `<!DOCTYPE html>
<html lang="${escape(options.language ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${escape(options.cspSource)}; img-src ${escape(options.cspSource)}">
<link rel="stylesheet" href="${escape(options.styleUri)}">
<title>${escape(options.title)}</title>
</head>
<body>
<h1>${escape(options.title)}</h1>
<main class="compare">
<div class="semantic">${options.diffHtml}</div>
<div class="visual">${options.svgs.join('\n')}</div>
</main>
</body>
</html>`;
}
