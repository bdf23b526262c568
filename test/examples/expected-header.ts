/** One line of an example's "Expected diagnostics" header. */
export interface Expectation {
    severity: string;
    code: string;
    /** The text the diagnostic sits on (an id, a value), when given. */
    target?: string;
    /** Words the message must name, from `(a, b)`. */
    names: string[];
}

export interface Header {
    /** `(at least)`: other diagnostics may appear too. */
    atLeast: boolean;
    expectations: Expectation[];
}

/**
 * Reads the header comment that every example carries:
 * `# Expected diagnostics:` then `#   severity code [on] [target] [(names)]` lines,
 * or `# Expected diagnostics: none`.
 */
export function readExpectedHeader(text: string): Header | undefined {
    const lines = text.split(/\r?\n/);
    const start = lines.findIndex(l => /^#\s*Expected diagnostics/i.test(l));
    if (start < 0) return undefined;
    const atLeast = /at least/i.test(lines[start]);
    if (/:\s*none\s*$/i.test(lines[start])) return { atLeast: false, expectations: [] };
    const expectations: Expectation[] = [];
    for (const line of lines.slice(start + 1)) {
        const match = /^#\s+(error|warning|info)\s+([a-z-]+)\s*(.*)$/.exec(line);
        if (!match) break;
        let rest = match[3].trim();
        const names = /\(([^)]*)\)/.exec(rest)?.[1].split(/,\s*/).filter(Boolean) ?? [];
        rest = rest.replace(/\([^)]*\)/, '').trim().replace(/^on\s+/, '');
        expectations.push({ severity: match[1], code: match[2], target: rest || undefined, names });
    }
    return { atLeast, expectations };
}
