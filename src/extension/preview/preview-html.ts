import { escapeHtml } from '../../domain/neutralise/escape.js';

interface PreviewHtmlOptions {
    /** The webview's `cspSource`: where it may load the script and stylesheet from. */
    cspSource: string;
    scriptUri: string;
    styleUri: string;
    /** JSON of the initial state (file, view), embedded as data, never as code. */
    initialState: unknown;
}

/** 144 random bits as 24 letters and digits. Web Crypto: VS Code's Node and its web worker both have it. */
function createNonce(): string {
    let binary = '';
    for (const byte of globalThis.crypto.getRandomValues(new Uint8Array(18))) binary += String.fromCharCode(byte);
    return btoa(binary).replace(/[^A-Za-z0-9]/g, '');
}


/**
 * The preview page. Its Content-Security-Policy allows nothing by default: scripts
 * only with this page's nonce (and only our bundle carries it), styles only from the
 * extension, images only from the page itself (the PNG export draws the SVG through a
 * blob). The initial state travels as JSON data in a non-executable script tag.
 */
export function previewHtml(options: PreviewHtmlOptions, nonce = createNonce()): string {
    const csp = [
        "default-src 'none'",
        `script-src 'nonce-${nonce}'`,
        `style-src ${options.cspSource}`,
        `img-src ${options.cspSource} blob: data:`,
        `font-src ${options.cspSource}`
    ].join('; ');
    const state = JSON.stringify(options.initialState).replace(/</g, '\\u003c');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(options.styleUri)}">
<title>Cycle preview</title>
</head>
<body>
<div class="toolbar" role="toolbar" aria-label="Diagram">
<button type="button" data-view="clock" title="The cycle of service as a clock">Clock</button>
<button type="button" data-view="blueprint" title="The service blueprint">Blueprint</button>
<button type="button" data-view="journey" title="How each moment feels">Journey</button>
<button type="button" data-view="plan" title="Requirements, actions with owners and due dates, priority areas">Plan</button>
<button type="button" data-view="ipa" title="Survey results: importance against performance, by moment" hidden>Importance–performance</button>
<button type="button" id="detail" aria-pressed="false" title="Callouts on critical moments: risks, and prevent and recover with owners">Detail</button>
<select id="cycle" title="Which cycle of the file" hidden></select>
<span class="spacer"></span>
<button type="button" id="zoom-out" title="Zoom out (-)">−</button>
<span id="zoom-level">100%</span>
<button type="button" id="zoom-in" title="Zoom in (+)">+</button>
<button type="button" id="zoom-fit" title="Fit the panel">Fit</button>
<button type="button" id="zoom-reset" title="Actual size (0)">1:1</button>
<button type="button" id="export-svg" title="Save the diagram as SVG">SVG</button>
<button type="button" id="export-png" title="Save the diagram as PNG">PNG</button>
</div>
<p id="notice" role="status" hidden></p>
<div id="canvas"><div id="stage"></div></div>
<script type="application/json" id="initial-state">${state}</script>
<script nonce="${nonce}" src="${escapeHtml(options.scriptUri)}"></script>
</body>
</html>`;
}
