/**
 * The playground: a CodeMirror editor speaking LSP to the language server in a Web
 * Worker (the same server as the editor extensions), the live diagram beside it, the
 * bundled examples, downloads and share links. A static page: nothing it does needs
 * a server, and nothing it loads or sends leaves its own origin.
 */
import { indentUnit } from '@codemirror/language';
import { lintGutter } from '@codemirror/lint';
import { formatDocument, languageServerExtensions, LSPClient, renameSymbol } from '@codemirror/lsp-client';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import type { ThemeName } from '../diagram/theme.js';
import { pngBlob, svgFileText } from '../diagram-view/export-image.js';
import { cycleToMermaidJourney } from '../export/mermaid.js';
import type { MomentModel } from '../model/cycle-model.js';
import { PREVIEW_MODEL_NOTIFICATION, PREVIEW_WATCH_NOTIFICATION, type PreviewModel, type PreviewWatchParams } from '../protocol.js';
import { cycleHighlighting } from './cycle-highlighting.js';
import { DiagramPane } from './diagram-pane.js';
import { download, fileNameFor } from './downloads.js';
import { sanitizeHtml } from './sanitize-html.js';
import { refreshSemanticMarks, semanticMarks } from './semantic-marks.js';
import { promptSync } from './prompt-sync.js';
import { publishDiagnosticsHandler, unmitigatedGutter } from './server-diagnostics.js';
import { decodeShareFragment, encodeShareFragment, isShareFragment } from './share-link.js';
import { BundledFileTree } from './bundled-files.js';
import { workerTransport } from './worker-transport.js';

// A URI the server writes back exactly as given (Langium normalises `inmemory:///x` to `inmemory:/x`).
const DOCUMENT_URI = 'file:///playground.cycle';
const DEFAULT_EXAMPLE = 'bank-check-cashing.cycle';
const THEME_KEY = 'cycle-playground-theme';

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const status = byId('status');

function say(text: string, kind: 'info' | 'error' = 'info'): void {
    status.textContent = text;
    status.dataset.kind = kind;
}

// Light and dark: the system's choice until the user picks one with the toggle.
const systemDark = window.matchMedia('(prefers-color-scheme: dark)');
function chosenTheme(): 'light' | 'dark' {
    const stored = localStorage.getItem(THEME_KEY);
    return stored === 'light' || stored === 'dark' ? stored : systemDark.matches ? 'dark' : 'light';
}
let theme = chosenTheme();
const editorTheme = new Compartment();
const editorThemeFor = (name: 'light' | 'dark'): Extension => EditorView.theme({}, { dark: name === 'dark' });

// The diagram.
const pane = new DiagramPane({
    canvas: byId('canvas'), stage: byId('stage'), notice: byId('notice'), cyclePicker: byId<HTMLSelectElement>('cycle'),
    zoomLevel: byId('zoom-level'), viewButtons: [...document.querySelectorAll<HTMLButtonElement>('[data-view]')]
}, (): ThemeName => theme, moment => revealMoment(moment));
pane.onFirstDiagram = () => performance.mark('first-diagram');

// The language server, in its worker.
// Started by start-worker.js, the page's first script (a new one if that did not run).
const worker = (globalThis as unknown as Record<string, Worker | undefined>)['__cycleServerWorker']
    ?? new Worker('assets/server-worker.js', { name: 'cycle-language-server' });
worker.addEventListener('error', () => say('The language server could not start: reload the page.', 'error'));
const client = new LSPClient({
    rootUri: 'file:///',
    timeout: 10_000,
    sanitizeHTML: sanitizeHtml,
    notificationHandlers: {
        'textDocument/publishDiagnostics': publishDiagnosticsHandler(view => void refreshSemanticMarks(view).catch(() => undefined)),
        [PREVIEW_MODEL_NOTIFICATION]: (_client, model: PreviewModel) => {
            if (model.uri === DOCUMENT_URI) pane.show(model);
            return true;
        }
    },
    extensions: languageServerExtensions()
// The examples' results files, as a read-only folder at file:/// the server reads them from.
}).connect(workerTransport(worker, new BundledFileTree(BUNDLED_FILES)));
// Marks for `npm run bench`: the server ready, then the first diagram (diagram-pane).
void client.initializing.then(() => performance.mark('server-initialized'));
// Sent before the document opens: its first build already comes with a diagram.
client.notification<PreviewWatchParams>(PREVIEW_WATCH_NOTIFICATION, { uris: [DOCUMENT_URI] });

/**
 * The editor lives in a shadow root: there CodeMirror adds its styles as constructed
 * style sheets, which the page's CSP (style-src 'self', no inline style) allows,
 * instead of <style> elements, which it blocks. The page's CSS variables reach in;
 * editor.css styles the rest.
 */
function editorRoot(): ShadowRoot {
    const root = byId('editor').attachShadow({ mode: 'open' });
    const sheet = document.createElement('link');
    sheet.rel = 'stylesheet';
    sheet.href = 'assets/editor.css';
    root.append(sheet);
    return root;
}
const shadow = editorRoot();
// The examples menu: every examples/*.cycle, embedded at build time (bundled-examples.d.ts).
const examples = BUNDLED_EXAMPLES;
const examplePicker = byId<HTMLSelectElement>('examples');
for (const example of examples) {
    const option = document.createElement('option');
    option.value = example.name;
    option.textContent = example.name;
    examplePicker.append(option);
}

/** What the page opens with: a share link's text, else the bank example (a local file comes later). */
function initialText(): string {
    if (isShareFragment(location.hash)) {
        try {
            const text = decodeShareFragment(location.hash);
            say('Opened the cycle from the link.');
            return text;
        } catch (error) {
            say((error as Error).message, 'error');
        }
    }
    if (new URLSearchParams(location.search).has('file')) return '';
    const example = examples.find(e => e.name === DEFAULT_EXAMPLE) ?? examples[0];
    examplePicker.value = example.name;
    return example.text;
}

const view = new EditorView({
    parent: shadow,
    root: shadow,
    state: EditorState.create({
        doc: initialText(),
        extensions: [
            basicSetup,
            indentUnit.of('  '),
            EditorState.tabSize.of(2),
            EditorView.lineWrapping,
            cycleHighlighting(),
            lintGutter(),
            unmitigatedGutter(),
            semanticMarks(),
            editorTheme.of(editorThemeFor(theme)),
            client.plugin(DOCUMENT_URI, 'cycle'),
            promptSync(),
            EditorView.updateListener.of(update => {
                if (update.selectionSet || update.docChanged) followCursor();
            }),
            EditorView.contentAttributes.of({ 'aria-label': 'Cycle source' })
        ]
    })
});

// The example the page opens with is drawn at once from its model worked out at build
// time: the worker takes most of a second to start. Its own model, of any version,
// replaces this one. Still in the page's first task, so no model of the worker's can
// have come before.
const openingExample = examples.find(e => e.name === DEFAULT_EXAMPLE);
if (FIRST_MODEL && openingExample && view.state.doc.toString() === openingExample.text) pane.show(FIRST_MODEL);

/** Cursor to moment: the diagram marks the moment whose text holds the cursor. */
function followCursor(): void {
    const line = view.state.doc.lineAt(view.state.selection.main.head).number - 1;
    pane.highlight(pane.momentAtLine(line)?.id ?? null);
}

/** Click to source: selects the moment's id in the text. */
function revealMoment(moment: MomentModel): void {
    const doc = view.state.doc;
    const offset = (position: { line: number; character: number }): number => {
        if (position.line + 1 > doc.lines) return doc.length;
        const line = doc.line(position.line + 1);
        return Math.min(line.to, line.from + position.character);
    };
    view.dispatch({ selection: { anchor: offset(moment.idRange.start), head: offset(moment.idRange.end) }, scrollIntoView: true });
    view.focus();
}

function setText(text: string): void {
    pane.reset();
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: 0 }, scrollIntoView: true });
}

// Examples.
examplePicker.addEventListener('change', () => {
    const example = examples.find(e => e.name === examplePicker.value);
    if (!example) return;
    setText(example.text);
    history.replaceState(null, '', location.pathname + location.search);
    say(`Opened the example ${example.name}.`);
});

// Theme toggle.
function applyTheme(): void {
    document.documentElement.dataset.theme = theme;
    byId('theme').setAttribute('aria-pressed', String(theme === 'dark'));
    byId('theme').textContent = theme === 'dark' ? '☾ Dark' : '☀ Light';
    view.dispatch({ effects: editorTheme.reconfigure(editorThemeFor(theme)) });
    pane.draw();
}
byId('theme').addEventListener('click', () => {
    theme = theme === 'dark' ? 'light' : 'dark';
    localStorage.setItem(THEME_KEY, theme);
    applyTheme();
});
systemDark.addEventListener('change', () => {
    theme = chosenTheme();
    applyTheme();
});

// Editor commands.
byId('format').addEventListener('click', () => { formatDocument(view); view.focus(); });
byId('rename').addEventListener('click', () => { renameSymbol(view); });

// Downloads.
const cycleName = (): string | undefined => pane.shownCycle()?.id;
byId('download-cycle').addEventListener('click', () => download(localName ?? fileNameFor(cycleName(), 'cycle'), view.state.doc.toString()));
byId('download-svg').addEventListener('click', () => {
    const svg = pane.svg();
    if (svg) download(fileNameFor(cycleName(), 'svg'), svgFileText(svg), 'image/svg+xml');
});
byId('download-png').addEventListener('click', () => {
    const svg = pane.svg();
    if (!svg) return;
    void pngBlob(svg).then(blob => download(fileNameFor(cycleName(), 'png'), blob), (error: Error) => say(`The PNG could not be made: ${error.message}`, 'error'));
});
byId('download-mermaid').addEventListener('click', () => {
    const cycle = pane.shownCycle();
    if (cycle) download(fileNameFor(cycle.id, 'mmd'), cycleToMermaidJourney(cycle));
});

// Share: the whole text in the link's fragment.
byId('share').addEventListener('click', () => {
    const fragment = encodeShareFragment(view.state.doc.toString());
    history.replaceState(null, '', `${location.pathname}${location.search}#${fragment}`);
    const link = location.href;
    const shown = byId<HTMLInputElement>('share-link');
    shown.value = link;
    shown.hidden = false;
    shown.select();
    navigator.clipboard.writeText(link).then(
        () => say(`Link copied (${link.length.toLocaleString('en')} characters): it holds the whole text; nothing is stored anywhere.`),
        () => say('The link is in the address bar and the box above: copy it from there.'));
});

function openFragment(): boolean {
    if (!isShareFragment(location.hash)) return false;
    try {
        setText(decodeShareFragment(location.hash));
        say('Opened the cycle from the link.');
    } catch (error) {
        say((error as Error).message, 'error');
        return false;
    }
    return true;
}
window.addEventListener('hashchange', () => { openFragment(); });

/** `cycle playground FILE` opens the page as `?file=NAME`: the file's text is served beside it. */
let localName: string | undefined;
async function openLocalFile(): Promise<boolean> {
    const name = new URLSearchParams(location.search).get('file');
    if (!name) return false;
    const response = await fetch('opened-file', { cache: 'no-store' }).catch(() => undefined);
    if (!response?.ok) {
        say(`The file ${name} could not be read from the local server.`, 'error');
        return false;
    }
    localName = name;
    setText(await response.text());
    document.title = `${name} — Service Cycles playground`;
    say(`Opened ${name}. Download .cycle saves your changes as a new file; the original is not changed.`);
    return true;
}

applyTheme();
if (!isShareFragment(location.hash)) await openLocalFile();
