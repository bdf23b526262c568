import type { Paint } from './scene.js';

export type ThemeName = 'light' | 'dark' | 'high-contrast';

type Palette = Record<Exclude<Paint, 'none'>, string>;

/**
 * Colours by role. Danger (critical) and warning (unmitigated) keep their meaning in
 * every theme; the high-contrast palette uses pure colours and no greys. Colours
 * drawn as text (ink, muted, danger, goal, the phases, the diff statuses) keep a
 * contrast of at least 4.5:1 with the background and the band (WCAG AA), and the
 * phases also with the background drawn on their bars in the blueprint.
 *
 * The phases take three colours of the Okabe–Ito set (blue, orange, reddish purple),
 * darkened for light backgrounds: safe for every kind of colour blindness, and three
 * so that an odd number of phases never puts the same colour on both sides of twelve
 * o'clock (see phasePaint in parts.ts).
 *
 * Survey results take two more Okabe–Ito colours, told apart by every kind of colour
 * blindness: bluish green for a CSAT on target, orange for one below it (and for the
 * journey's measured curve, beside the blue designed one); both also carry text and a
 * dash pattern, so no meaning rests on colour alone.
 */
export const PALETTES: Record<ThemeName, Palette> = {
    light: {
        background: '#ffffff', ink: '#1f2328', muted: '#59636e', faint: '#d1d9e0', accent: '#0969da',
        danger: '#cf222e', dangerInk: '#ffffff', warning: '#bf8700', warningInk: '#1f2328', goal: '#1a7f37',
        phaseA: '#0065a6', phaseB: '#a84600', phaseC: '#9e3f7c', band: '#f6f8fa', added: '#1a7f37', removed: '#cf222e', changed: '#9a6700', moved: '#bf3989',
        onTarget: '#00735a', belowTarget: '#a35200', measured: '#a35200'
    },
    dark: {
        background: '#0d1117', ink: '#e6edf3', muted: '#9198a1', faint: '#3d444d', accent: '#4493f8',
        danger: '#f85149', dangerInk: '#0d1117', warning: '#d29922', warningInk: '#0d1117', goal: '#3fb950',
        phaseA: '#56b4e9', phaseB: '#e69f00', phaseC: '#cc79a7', band: '#161b22', added: '#3fb950', removed: '#f85149', changed: '#d29922', moved: '#db61a2',
        onTarget: '#26b88e', belowTarget: '#e69f00', measured: '#e69f00'
    },
    'high-contrast': {
        background: '#000000', ink: '#ffffff', muted: '#ffffff', faint: '#ffffff', accent: '#00ffff',
        danger: '#ff4040', dangerInk: '#000000', warning: '#ffff00', warningInk: '#000000', goal: '#00ff00',
        phaseA: '#00ffff', phaseB: '#ff9900', phaseC: '#ff66ff', band: '#000000', added: '#00ff00', removed: '#ff4040', changed: '#ffff00', moved: '#ff00ff',
        onTarget: '#00ff99', belowTarget: '#ffb000', measured: '#ffb000'
    }
};

export const FONT_FAMILY = "'Segoe UI', 'Noto Sans', 'DejaVu Sans', 'Noto Sans CJK SC', 'Noto Sans SC', Arial, sans-serif";
