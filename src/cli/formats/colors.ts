/**
 * The colours of `cycle check`'s pretty output. In a file of their own: the entry
 * point picks them before any command runs, and must not load the findings code
 * (and with it the language) to do so.
 */
export interface Colors {
    red(text: string): string;
    yellow(text: string): string;
    blue(text: string): string;
    dim(text: string): string;
    bold(text: string): string;
}

const wrap = (open: number, close: number) => (text: string): string => `\u001b[${open}m${text}\u001b[${close}m`;

export const ANSI_COLORS: Colors = {
    red: wrap(31, 39), yellow: wrap(33, 39), blue: wrap(34, 39), dim: wrap(2, 22), bold: wrap(1, 22)
};

export const NO_COLORS: Colors = { red: t => t, yellow: t => t, blue: t => t, dim: t => t, bold: t => t };
