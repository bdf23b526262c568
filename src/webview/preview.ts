/**
 * The preview page. It receives the small model the server pushes after each build,
 * lays it out and draws it with the same renderer as `cycle render`. Zoom and pan
 * live here and survive every update and a window reload; a click on a moment asks
 * the extension to select it in the source.
 */
import type { ViewName } from '../diagram/index.js';
import type { ThemeName } from '../diagram/theme.js';
import { drawDiagram, highlightMoment } from '../diagram-view/draw-diagram.js';
import { pngDataUrl, svgFileText } from '../diagram-view/export-image.js';
import { PanZoom } from '../diagram-view/pan-zoom.js';
import type { DrawnCycle } from '../model/cycle-model.js';
import type { FromPreview, PreviewModel, PreviewState, ToPreview } from '../protocol.js';

declare function acquireVsCodeApi(): { postMessage(message: FromPreview): void; getState(): PreviewState | undefined; setState(state: PreviewState): void };

const vscode = acquireVsCodeApi();
const initial = JSON.parse(document.getElementById('initial-state')!.textContent || '{}') as Partial<PreviewState>;
const state: PreviewState = { uri: '', view: 'clock', cycleId: null, zoom: 1, panX: 0, panY: 0, fit: true, ...initial, ...(vscode.getState() ?? {}) };

let model: PreviewModel | undefined;
/** The last model without syntax errors, drawn while the text is half typed. */
let lastGood: PreviewModel | undefined;
let selected: string | null = null;

const canvas = document.getElementById('canvas')!;
const stage = document.getElementById('stage')!;
const notice = document.getElementById('notice')!;
const cyclePicker = document.getElementById('cycle') as HTMLSelectElement;

function themeName(): ThemeName {
    const classes = document.body.classList;
    if (classes.contains('vscode-high-contrast') && !classes.contains('vscode-high-contrast-light')) return 'high-contrast';
    return classes.contains('vscode-dark') ? 'dark' : 'light';
}

function save(): void {
    vscode.setState(state);
}

const panZoom = new PanZoom({
    canvas, stage, state, zoomLevel: document.getElementById('zoom-level'), onChange: save,
    onMomentClick: id => {
        highlight(id);
        vscode.postMessage({ type: 'reveal', uri: state.uri, id });
    }
});

function currentCycle(source: PreviewModel | undefined): DrawnCycle | undefined {
    if (!source || source.cycles.length === 0) return undefined;
    return source.cycles.find(c => c.id === state.cycleId) ?? source.cycles[0];
}

function draw(): void {
    const showing = model && model.syntaxErrors > 0 && lastGood ? lastGood : model;
    const stale = showing !== model;
    notice.hidden = !stale && !(model && model.syntaxErrors > 0);
    notice.textContent = stale
        ? `The file has ${model!.syntaxErrors} syntax ${model!.syntaxErrors === 1 ? 'error' : 'errors'}: showing the last diagram that could be drawn.`
        : model && model.syntaxErrors > 0 ? `The file has syntax errors: the diagram shows what could be read.` : '';
    const cycle = currentCycle(showing);
    updateCyclePicker(showing);
    if (!cycle) {
        stage.replaceChildren(message(showing ? 'This file has no cycle yet: start one with `cycle id "What the customer comes for"`.' : 'Waiting for the language server…'));
        return;
    }
    let svg: SVGSVGElement;
    try {
        svg = drawDiagram(document, cycle, state.view, themeName(), { detail: state.detail === true, results: showing?.results?.[cycle.id] });
    } catch (error) {
        // Never a blank panel: keep what is drawn and say why it is not updated.
        notice.hidden = false;
        notice.textContent = `The diagram could not be drawn (${(error as Error).message}): showing the last one drawn, if any.`;
        return;
    }
    stage.replaceChildren(svg);
    panZoom.apply();
    stage.dataset.version = String(showing?.version ?? '');
    highlight(selected);
    for (const button of document.querySelectorAll<HTMLButtonElement>('[data-view]')) {
        button.setAttribute('aria-pressed', String(button.dataset.view === state.view));
    }
    // The scatter is offered once the cycle has survey results (and stays while it is shown, to say when they are gone).
    const ipa = document.querySelector<HTMLButtonElement>('[data-view="ipa"]');
    if (ipa) ipa.hidden = showing?.results?.[cycle.id] === undefined && state.view !== 'ipa';
    document.getElementById('detail')?.setAttribute('aria-pressed', String(state.detail === true));
}

function message(text: string): HTMLElement {
    const element = document.createElement('p');
    element.className = 'empty';
    element.textContent = text;
    return element;
}

function updateCyclePicker(source: PreviewModel | undefined): void {
    const cycles = source?.cycles ?? [];
    cyclePicker.hidden = cycles.length < 2;
    const ids = cycles.map(c => c.id).join('\n');
    if (cyclePicker.dataset.ids !== ids) {
        cyclePicker.replaceChildren();
        for (const choice of cycles.map(c => {
            const option = document.createElement('option');
            option.value = c.id;
            option.textContent = c.label ? `${c.id} — ${c.label}` : c.id;
            return option;
        })) cyclePicker.append(choice);
        cyclePicker.dataset.ids = ids;
    }
    cyclePicker.value = currentCycle(source)?.id ?? '';
}

function highlight(id: string | null): void {
    selected = id;
    highlightMoment(stage, id);
}

function currentSvg(): SVGSVGElement | null {
    return stage.querySelector('svg');
}

async function exportDiagram(format: 'svg' | 'png'): Promise<void> {
    const svg = currentSvg();
    if (!svg) return;
    const data = format === 'svg' ? svgFileText(svg) : (await pngDataUrl(svg)).replace(/^data:image\/png;base64,/, '');
    vscode.postMessage({ type: 'export', format, data });
}

// Messages from the extension.
window.addEventListener('message', (event: MessageEvent<ToPreview>) => {
    const data = event.data;
    switch (data.type) {
        case 'model':
            if (data.model.uri !== state.uri) {
                state.uri = data.model.uri;
                lastGood = undefined;
                selected = null;
                save();
            }
            if (data.model.version !== null && model?.version !== null && model && data.model.version < (model.version ?? -1) && data.model.uri === model.uri) return;
            model = data.model;
            if (model.syntaxErrors === 0) lastGood = model;
            draw();
            break;
        case 'highlight':
            highlight(data.id);
            break;
        case 'export':
            void exportDiagram(data.format);
            break;
    }
});

// Toolbar.
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-view]')) {
    button.addEventListener('click', () => {
        state.view = button.dataset.view as ViewName;
        save();
        draw();
    });
}
document.getElementById('detail')?.addEventListener('click', () => {
    state.detail = state.detail !== true;
    save();
    draw();
});
cyclePicker.addEventListener('change', () => {
    state.cycleId = cyclePicker.value;
    save();
    draw();
});
document.getElementById('zoom-in')!.addEventListener('click', () => panZoom.zoomBy(1.25));
document.getElementById('zoom-out')!.addEventListener('click', () => panZoom.zoomBy(0.8));
document.getElementById('zoom-fit')!.addEventListener('click', () => panZoom.fit());
document.getElementById('zoom-reset')!.addEventListener('click', () => panZoom.actualSize());
document.getElementById('export-svg')!.addEventListener('click', () => void exportDiagram('svg'));
document.getElementById('export-png')!.addEventListener('click', () => void exportDiagram('png'));

window.addEventListener('keydown', event => {
    if (event.target instanceof HTMLSelectElement) return;
    if (event.key === '+' || event.key === '=') panZoom.zoomBy(1.25);
    else if (event.key === '-') panZoom.zoomBy(0.8);
    else if (event.key === '0') panZoom.actualSize();
});

// Theme changes: redraw with the new palette.
new MutationObserver(() => draw()).observe(document.body, { attributes: true, attributeFilter: ['class'] });

panZoom.apply();
draw();
vscode.postMessage({ type: 'ready', uri: state.uri });
