/**
 * A drawn diagram as files: its SVG text (without the selection mark) and a PNG drawn
 * from that SVG on a canvas in the page, at twice its size. Nothing leaves the page:
 * the SVG reaches the canvas through a blob URL.
 */
export function svgFileText(svg: SVGSVGElement): string {
    const clone = svg.cloneNode(true) as SVGSVGElement;
    clone.querySelectorAll('.selected').forEach(element => element.classList.remove('selected'));
    return new XMLSerializer().serializeToString(clone);
}

/** The PNG as a `data:image/png;base64,…` URL. */
export async function pngDataUrl(svg: SVGSVGElement, scale = 2): Promise<string> {
    return (await drawnOnCanvas(svg, scale)).toDataURL('image/png');
}

/** The PNG as a Blob (to download without a data: URL, which a strict connect-src forbids fetching). */
export async function pngBlob(svg: SVGSVGElement, scale = 2): Promise<Blob> {
    const canvas = await drawnOnCanvas(svg, scale);
    return new Promise((resolve, reject) => canvas.toBlob(blob => (blob ? resolve(blob) : reject(new Error('the canvas could not be saved'))), 'image/png'));
}

async function drawnOnCanvas(svg: SVGSVGElement, scale: number): Promise<HTMLCanvasElement> {
    const text = svgFileText(svg);
    const width = Number(svg.getAttribute('width'));
    const height = Number(svg.getAttribute('height'));
    const image = new Image();
    const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    try {
        await new Promise<void>((resolve, reject) => {
            image.onload = () => resolve();
            image.onerror = () => reject(new Error('the SVG could not be drawn'));
            image.src = url;
        });
        const target = document.createElement('canvas');
        target.width = Math.ceil(width * scale);
        target.height = Math.ceil(height * scale);
        const context = target.getContext('2d')!;
        context.scale(scale, scale);
        context.drawImage(image, 0, 0, width, height);
        return target;
    } finally {
        URL.revokeObjectURL(url);
    }
}
