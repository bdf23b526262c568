import { escapeHtml } from '../../domain/neutralise/escape.js';

/**
 * The "Compare with HEAD" page: the semantic diff beside the visual diff. No
 * scripts at all; styles only from the extension. The fragments come from the
 * diff's formatters, which escape every label.
 */
export function compareHtml(options: { cspSource: string; styleUri: string; title: string; diffHtml: string; svgs: string[] }): string {
    const escape = escapeHtml;
    return `<!DOCTYPE html>
<html lang="en">
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
