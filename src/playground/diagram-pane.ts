import type { ViewName } from '../diagram/index.js';
import type { ThemeName } from '../diagram/theme.js';
import { drawDiagram, highlightMoment } from '../diagram-view/draw-diagram.js';
import { PanZoom, type PanZoomState } from '../diagram-view/pan-zoom.js';
import type { DrawnCycle, MomentModel } from '../model/cycle-model.js';
import type { PreviewModel } from '../protocol.js';

export interface DiagramPaneElements {
    canvas: HTMLElement;
    stage: HTMLElement;
    notice: HTMLElement;
    cyclePicker: HTMLSelectElement;
    zoomLevel: HTMLElement;
    viewButtons: HTMLButtonElement[];
}

/**
 * The live diagram beside the editor: draws the model the server pushes after each
 * build, as the VS Code preview does (the last diagram without syntax errors stays
 * while the text is half typed), with the view, the cycle of the file, zoom and pan.
 */
export class DiagramPane {
    view: ViewName = 'clock';
    private model: PreviewModel | undefined;
    private lastGood: PreviewModel | undefined;
    private cycleId: string | null = null;
    private selected: string | null = null;
    private readonly zoom: PanZoomState = { zoom: 1, panX: 0, panY: 0, fit: true };
    readonly panZoom: PanZoom;
    /** Called the first time a diagram with moments is on the page. */
    onFirstDiagram: (() => void) | undefined;

    constructor(private readonly elements: DiagramPaneElements, private readonly theme: () => ThemeName, onMomentClick: (moment: MomentModel) => void) {
        this.panZoom = new PanZoom({
            canvas: elements.canvas, stage: elements.stage, zoomLevel: elements.zoomLevel, state: this.zoom,
            onMomentClick: id => {
                const moment = this.shownCycle()?.moments.find(m => m.id === id);
                if (!moment) return;
                this.highlight(id);
                onMomentClick(moment);
            }
        });
        for (const button of elements.viewButtons) {
            button.addEventListener('click', () => {
                this.view = button.dataset.view as ViewName;
                this.zoom.fit = true;
                this.draw();
            });
        }
        elements.cyclePicker.addEventListener('change', () => {
            this.cycleId = elements.cyclePicker.value;
            this.zoom.fit = true;
            this.draw();
        });
    }

    /** A new model from the server (older versions than the one shown are ignored). */
    show(model: PreviewModel): void {
        if (this.model && model.version !== null && this.model.version !== null && model.version < this.model.version) return;
        this.model = model;
        if (model.syntaxErrors === 0) this.lastGood = model;
        this.draw();
    }

    /** Forgets the last good diagram: a different text was loaded. */
    reset(): void {
        this.model = undefined;
        this.lastGood = undefined;
        this.selected = null;
        this.cycleId = null;
        this.zoom.fit = true;
    }

    /** The cycle on screen, with its moments' places in the text. */
    shownCycle(): DrawnCycle | undefined {
        const source = this.showing();
        if (!source || source.cycles.length === 0) return undefined;
        return source.cycles.find(c => c.id === this.cycleId) ?? source.cycles[0];
    }

    /** The moment whose text holds this line (0-based), if any. */
    momentAtLine(line: number): MomentModel | undefined {
        return this.shownCycle()?.moments.find(m => m.range.start.line <= line && line <= m.range.end.line);
    }

    highlight(id: string | null): void {
        this.selected = id;
        highlightMoment(this.elements.stage, id);
    }

    svg(): SVGSVGElement | null {
        return this.elements.stage.querySelector('svg');
    }

    private showing(): PreviewModel | undefined {
        return this.model && this.model.syntaxErrors > 0 && this.lastGood ? this.lastGood : this.model;
    }

    draw(): void {
        const { notice, stage } = this.elements;
        const model = this.model;
        const showing = this.showing();
        const stale = showing !== model;
        notice.hidden = !stale && !(model && model.syntaxErrors > 0);
        notice.textContent = stale
            ? `The text has ${model!.syntaxErrors} syntax ${model!.syntaxErrors === 1 ? 'error' : 'errors'}: showing the last diagram that could be drawn.`
            : model && model.syntaxErrors > 0 ? 'The text has syntax errors: the diagram shows what could be read.' : '';
        this.updateCyclePicker(showing);
        for (const button of this.elements.viewButtons) button.setAttribute('aria-pressed', String(button.dataset.view === this.view));
        const cycle = this.shownCycle();
        if (!cycle) {
            stage.replaceChildren(message(showing ? 'No cycle yet: start one with `cycle id "What the customer comes for"`.' : 'Starting the language server…'));
            return;
        }
        let svg: SVGSVGElement;
        try {
            svg = drawDiagram(document, cycle, this.view, this.theme(), { results: showing?.results?.[cycle.id] });
        } catch (error) {
            // Never a blank panel: keep what is drawn and say why it is not updated.
            notice.hidden = false;
            notice.textContent = `The diagram could not be drawn (${(error as Error).message}): showing the last one drawn, if any.`;
            return;
        }
        // The scatter is offered once the cycle has survey results (and stays while it is shown, to say when they are gone), as in VS Code's preview.
        const ipa = this.elements.viewButtons.find(button => button.dataset.view === 'ipa');
        if (ipa) ipa.hidden = showing?.results?.[cycle.id] === undefined && this.view !== 'ipa';
        stage.replaceChildren(svg);
        stage.dataset.version = String(showing?.version ?? '');
        this.panZoom.apply();
        this.highlight(this.selected);
        if (cycle.moments.length > 0 && this.onFirstDiagram) {
            const first = this.onFirstDiagram;
            this.onFirstDiagram = undefined;
            first();
        }
    }

    private updateCyclePicker(source: PreviewModel | undefined): void {
        const picker = this.elements.cyclePicker;
        const cycles = source?.cycles ?? [];
        picker.hidden = cycles.length < 2;
        const ids = cycles.map(c => c.id).join('\n');
        if (picker.dataset.ids !== ids) {
            picker.replaceChildren();
            for (const c of cycles) {
                const option = document.createElement('option');
                option.value = c.id;
                option.textContent = c.label ? `${c.id} — ${c.label}` : c.id;
                picker.append(option);
            }
            picker.dataset.ids = ids;
        }
        picker.value = this.shownCycle()?.id ?? '';
    }
}

function message(text: string): HTMLElement {
    const element = document.createElement('p');
    element.className = 'empty';
    element.textContent = text;
    return element;
}
