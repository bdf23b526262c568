/** Saves a file from the page (the browser's download), with nothing sent anywhere. */
export function download(name: string, data: Blob | string, type = 'text/plain;charset=utf-8'): void {
    const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from an id someone typed: letters, digits, `-` and `_` only. */
export function fileNameFor(id: string | undefined, extension: string): string {
    const base = (id ?? '').normalize('NFC').replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'cycle';
    return `${base}.${extension}`;
}
