/**
 * The preview page. It receives the small model the server pushes after each build,
 * lays it out and draws it with the same renderer as `cycle render`. Zoom and pan
 * live here and survive every update and a window reload; a click on a moment asks
 * the extension to select it in the source.
 */
import { layoutCycle, type ViewName } from '../diagram/index.js';
import { renderSvg } from '../diagram/render-svg.js';
import type { ThemeName } from '../diagram/theme.js';
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

/** Zoom so the whole diagram fits the panel, centred; never larger than actual size. */
function fitToPanel(): void {
    const svg = stage.querySelector('svg');
    if (!svg) return;
    const width = Number(svg.getAttribute('width')) || 1;
    const height = Number(svg.getAttribute('height')) || 1;
    const zoom = Math.min(1, (canvas.clientWidth - 16) / width, (canvas.clientHeight - 16) / height);
    state.zoom = Math.max(0.1, zoom);
    state.panX = (canvas.clientWidth - width * state.zoom) / 2;
    state.panY = Math.max(8, (canvas.clientHeight - height * state.zoom) / 2);
}

function applyTransform(): void {
    if (state.fit) fitToPanel();
    stage.style.transform = `translate(${state.panX}px, ${state.panY}px) scale(${state.zoom})`;
    document.getElementById('zoom-level')!.textContent = `${Math.round(state.zoom * 100)}%`;
}

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
    let svgText: string;
    try {
        svgText = renderSvg(layoutCycle(cycle, state.view, { detail: state.detail === true, today: localToday() }), themeName());
    } catch (error) {
        // Never a blank panel: keep what is drawn and say why it is not updated.
        notice.hidden = false;
        notice.textContent = `The diagram could not be drawn (${(error as Error).message}): showing the last one drawn, if any.`;
        return;
    }
    const parsed = new DOMParser().parseFromString(svgText, 'image/svg+xml').documentElement;
    stage.replaceChildren(document.importNode(parsed, true));
    applyTransform();
    stage.dataset.version = String(showing?.version ?? '');
    highlight(selected);
    for (const button of document.querySelectorAll<HTMLButtonElement>('[data-view]')) {
        button.setAttribute('aria-pressed', String(button.dataset.view === state.view));
    }
    document.getElementById('detail')?.setAttribute('aria-pressed', String(state.detail === true));
}

/** Today in the viewer's time zone, `YYYY-MM-DD`: the plan marks overdue actions against it. */
function localToday(): string {
    const now = new Date();
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
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
    for (const element of stage.querySelectorAll('.moment.selected')) element.classList.remove('selected');
    if (id) stage.querySelector(`[data-moment="${CSS.escape(id)}"]`)?.classList.add('selected');
}

function currentSvg(): SVGSVGElement | null {
    return stage.querySelector('svg');
}

async function exportDiagram(format: 'svg' | 'png'): Promise<void> {
    const svg = currentSvg();
    if (!svg) return;
    const clone = svg.cloneNode(true) as SVGSVGElement;
    clone.querySelectorAll('.selected').forEach(e => e.classList.remove('selected'));
    const text = new XMLSerializer().serializeToString(clone);
    if (format === 'svg') {
        vscode.postMessage({ type: 'export', format, data: text });
        return;
    }
    const width = Number(svg.getAttribute('width'));
    const height = Number(svg.getAttribute('height'));
    const image = new Image();
    const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    try {
        await new Promise<void>((resolve, reject) => { image.onload = () => resolve(); image.onerror = () => reject(new Error('the SVG could not be drawn')); image.src = url; });
        const scale = 2;
        const target = document.createElement('canvas');
        target.width = width * scale;
        target.height = height * scale;
        const context = target.getContext('2d')!;
        context.scale(scale, scale);
        context.drawImage(image, 0, 0, width, height);
        vscode.postMessage({ type: 'export', format, data: target.toDataURL('image/png').replace(/^data:image\/png;base64,/, '') });
    } finally {
        URL.revokeObjectURL(url);
    }
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
const zoomBy = (factor: number, cx = canvas.clientWidth / 2, cy = canvas.clientHeight / 2) => {
    state.fit = false;
    const zoom = Math.min(8, Math.max(0.1, state.zoom * factor));
    // Keep the point under the cursor where it is.
    state.panX = cx - ((cx - state.panX) * zoom) / state.zoom;
    state.panY = cy - ((cy - state.panY) * zoom) / state.zoom;
    state.zoom = zoom;
    applyTransform();
    save();
};
document.getElementById('zoom-in')!.addEventListener('click', () => zoomBy(1.25));
document.getElementById('zoom-out')!.addEventListener('click', () => zoomBy(0.8));
document.getElementById('zoom-fit')!.addEventListener('click', () => {
    state.fit = true;
    applyTransform();
    save();
});
document.getElementById('zoom-reset')!.addEventListener('click', () => {
    state.fit = false;
    state.zoom = 1;
    state.panX = 0;
    state.panY = 0;
    applyTransform();
    save();
});
document.getElementById('export-svg')!.addEventListener('click', () => void exportDiagram('svg'));
document.getElementById('export-png')!.addEventListener('click', () => void exportDiagram('png'));

// Zoom with the wheel (with Ctrl, or a pinch), pan by dragging.
canvas.addEventListener('wheel', event => {
    event.preventDefault();
    if (event.ctrlKey || event.metaKey) {
        const box = canvas.getBoundingClientRect();
        zoomBy(Math.exp(-event.deltaY / 300), event.clientX - box.left, event.clientY - box.top);
    } else {
        state.fit = false;
        state.panX -= event.deltaX;
        state.panY -= event.deltaY;
        applyTransform();
        save();
    }
}, { passive: false });
let drag: { x: number; y: number; panX: number; panY: number; moved: boolean } | undefined;
canvas.addEventListener('pointerdown', event => {
    drag = { x: event.clientX, y: event.clientY, panX: state.panX, panY: state.panY, moved: false };
});
window.addEventListener('pointermove', event => {
    if (!drag) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
    if (drag.moved) {
        state.fit = false;
        state.panX = drag.panX + dx;
        state.panY = drag.panY + dy;
        applyTransform();
    }
});
window.addEventListener('pointerup', event => {
    const wasDrag = drag?.moved;
    drag = undefined;
    if (wasDrag) {
        save();
        return;
    }
    const target = (event.target as Element | null)?.closest?.('[data-moment]');
    if (target) {
        const id = target.getAttribute('data-moment')!;
        highlight(id);
        vscode.postMessage({ type: 'reveal', uri: state.uri, id });
    }
});
window.addEventListener('keydown', event => {
    if (event.target instanceof HTMLSelectElement) return;
    if (event.key === '+' || event.key === '=') zoomBy(1.25);
    else if (event.key === '-') zoomBy(0.8);
    else if (event.key === '0') document.getElementById('zoom-reset')!.click();
});

new ResizeObserver(() => { if (state.fit) applyTransform(); }).observe(canvas);

// Theme changes: redraw with the new palette.
new MutationObserver(() => draw()).observe(document.body, { attributes: true, attributeFilter: ['class'] });

applyTransform();
draw();
vscode.postMessage({ type: 'ready', uri: state.uri });
