/** Small numeric and formatting helpers shared by the side-by-side and goals tables. */

export function median(values: readonly number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function largest(values: readonly number[]): number {
    let max = -Infinity;
    for (const value of values) max = Math.max(max, value);
    return max;
}

export function smallest(values: readonly number[]): number {
    let min = Infinity;
    for (const value of values) min = Math.min(min, value);
    return min;
}

export const MB = 1024 * 1024;

export function formatMs(ms: number | undefined): string {
    if (ms === undefined || Number.isNaN(ms)) return '—';
    return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

export function formatBytes(bytes: number | undefined): string {
    if (bytes === undefined || Number.isNaN(bytes)) return '—';
    if (bytes >= 1024 * MB) return `${(bytes / 1024 / MB).toFixed(2)} GB`;
    return bytes >= MB ? `${(bytes / MB).toFixed(0)} MB` : `${(bytes / 1024).toFixed(0)} KB`;
}

export function formatRatio(ratio: number): string {
    return ratio >= 10 ? `${ratio.toFixed(0)}×` : `${ratio.toFixed(1)}×`;
}
