/** What a fuzzing run did and found, counted across every property, for its summary. */
export interface FuzzStats {
    runs: number;
    edits: number;
    requests: number;
    cliRuns: number;
    /** Language-server processes that died, CLI runs that crashed, were killed or timed out. */
    exits: number;
    /** Uncaught exceptions and unhandled rejections, wherever they showed. */
    unhandledExceptions: number;
    misshapenResults: number;
    alteredFiles: number;
    slowestRequest: { method: string; ms: number } | null;
}

export const stats: FuzzStats = newStats();

export function newStats(): FuzzStats {
    return { runs: 0, edits: 0, requests: 0, cliRuns: 0, exits: 0, unhandledExceptions: 0, misshapenResults: 0, alteredFiles: 0, slowestRequest: null };
}

export function noteRequest(method: string, ms: number): void {
    stats.requests++;
    if (!stats.slowestRequest || ms > stats.slowestRequest.ms) stats.slowestRequest = { method, ms };
}

export function formatStats(s: FuzzStats): string {
    return [
        `runs ${s.runs}, edits ${s.edits}, requests ${s.requests}, CLI runs ${s.cliRuns}`,
        `exits ${s.exits}, unhandled exceptions ${s.unhandledExceptions}, misshapen results ${s.misshapenResults}, altered files ${s.alteredFiles}`,
        `slowest request: ${s.slowestRequest ? `${s.slowestRequest.method} ${s.slowestRequest.ms} ms` : 'none'}`
    ].join('\n');
}
