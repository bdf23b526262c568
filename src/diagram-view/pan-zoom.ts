/** Where the diagram sits in its panel: kept by the page (the preview saves it across reloads). */
export interface PanZoomState {
    zoom: number;
    panX: number;
    panY: number;
    /** Zoom to fit the panel (until the user zooms or pans). */
    fit: boolean;
}

export interface PanZoomOptions {
    /** The panel: receives the wheel and the drags. */
    canvas: HTMLElement;
    /** What moves: the element holding the SVG. */
    stage: HTMLElement;
    /** Shows the zoom in percent, if given. */
    zoomLevel?: HTMLElement | null;
    state: PanZoomState;
    /** After every change the user makes (to save the state). */
    onChange?: () => void;
    /** A click (not a drag) on a moment of the diagram. */
    onMomentClick?: (id: string) => void;
}

/**
 * Zoom and pan of a drawn diagram, shared by the VS Code preview and the playground:
 * wheel pans (with Ctrl or a pinch it zooms around the pointer), a drag pans, a click
 * that did not move selects a moment.
 */
export class PanZoom {
    private drag: { x: number; y: number; panX: number; panY: number; moved: boolean } | undefined;

    constructor(private readonly options: PanZoomOptions) {
        const { canvas } = options;
        canvas.addEventListener('wheel', event => this.onWheel(event), { passive: false });
        canvas.addEventListener('pointerdown', event => {
            this.drag = { x: event.clientX, y: event.clientY, panX: this.state.panX, panY: this.state.panY, moved: false };
        });
        window.addEventListener('pointermove', event => this.onPointerMove(event));
        window.addEventListener('pointerup', event => this.onPointerUp(event));
        new ResizeObserver(() => { if (this.state.fit) this.apply(); }).observe(canvas);
    }

    get state(): PanZoomState {
        return this.options.state;
    }

    /** Places the stage as the state says (fitting first when it asks to). */
    apply(): void {
        if (this.state.fit) this.fitToPanel();
        this.options.stage.style.transform = `translate(${this.state.panX}px, ${this.state.panY}px) scale(${this.state.zoom})`;
        if (this.options.zoomLevel) this.options.zoomLevel.textContent = `${Math.round(this.state.zoom * 100)}%`;
    }

    zoomBy(factor: number, cx = this.options.canvas.clientWidth / 2, cy = this.options.canvas.clientHeight / 2): void {
        const state = this.state;
        state.fit = false;
        const zoom = Math.min(8, Math.max(0.1, state.zoom * factor));
        // Keep the point under the cursor where it is.
        state.panX = cx - ((cx - state.panX) * zoom) / state.zoom;
        state.panY = cy - ((cy - state.panY) * zoom) / state.zoom;
        state.zoom = zoom;
        this.changed();
    }

    fit(): void {
        this.state.fit = true;
        this.changed();
    }

    actualSize(): void {
        Object.assign(this.state, { fit: false, zoom: 1, panX: 0, panY: 0 });
        this.changed();
    }

    private changed(): void {
        this.apply();
        this.options.onChange?.();
    }

    /** Zoom so the whole diagram fits the panel, centred; never larger than actual size. */
    private fitToPanel(): void {
        const { canvas, stage } = this.options;
        const svg = stage.querySelector('svg');
        if (!svg) return;
        const width = Number(svg.getAttribute('width')) || 1;
        const height = Number(svg.getAttribute('height')) || 1;
        const zoom = Math.min(1, (canvas.clientWidth - 16) / width, (canvas.clientHeight - 16) / height);
        this.state.zoom = Math.max(0.1, zoom);
        this.state.panX = (canvas.clientWidth - width * this.state.zoom) / 2;
        this.state.panY = Math.max(8, (canvas.clientHeight - height * this.state.zoom) / 2);
    }

    private onWheel(event: WheelEvent): void {
        event.preventDefault();
        if (event.ctrlKey || event.metaKey) {
            const box = this.options.canvas.getBoundingClientRect();
            this.zoomBy(Math.exp(-event.deltaY / 300), event.clientX - box.left, event.clientY - box.top);
        } else {
            this.state.fit = false;
            this.state.panX -= event.deltaX;
            this.state.panY -= event.deltaY;
            this.changed();
        }
    }

    private onPointerMove(event: PointerEvent): void {
        const drag = this.drag;
        if (!drag) return;
        const dx = event.clientX - drag.x;
        const dy = event.clientY - drag.y;
        if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
        if (drag.moved) {
            this.state.fit = false;
            this.state.panX = drag.panX + dx;
            this.state.panY = drag.panY + dy;
            this.apply();
        }
    }

    private onPointerUp(event: PointerEvent): void {
        const drag = this.drag;
        this.drag = undefined;
        if (!drag) return;
        if (drag.moved) {
            this.options.onChange?.();
            return;
        }
        const target = (event.target as Element | null)?.closest?.('[data-moment]');
        if (target && this.options.canvas.contains(target)) this.options.onMomentClick?.(target.getAttribute('data-moment')!);
    }
}
