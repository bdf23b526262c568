/**
 * Generates the bank example's two survey waves (examples/bank-waves/2026-q1.csv, 150
 * respondents, and 2026-q2.csv, 180), seeded, so the same files come out on every run
 * and test/results/bank-example.test.ts can check that the committed files are these.
 *
 * The story they tell: in the first quarter customers are barely told how the queue
 * works (told-take-number fails clearly: its CSAT's upper bound is under the 80%
 * target); the greeter script and the "Take a number" sign arrive, and in the second
 * quarter the moment is no longer failing, a change the z-test marks as significant.
 * The wait improves a little but stays below target; the window stays good.
 *
 * How answers are drawn: each respondent has a mood (some people rate everything
 * higher), each moment a quality per wave; a 1..5 answer is the moment's quality
 * plus the mood plus noise, rounded and kept on the scale. The overall rating follows
 * the respondent's ratings of the moments, and the recommendation follows the overall
 * rating, so the derived importances (correlations with overall) are real.
 *
 * Run: npm run examples:bank-waves
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * mulberry32 (Tommy Ettinger's 32-bit generator): a small, fast, well-mixed PRNG whose
 * whole state is one integer, so a seed gives one sequence on every platform
 * (Math.random cannot be seeded). Returns floats in [0, 1).
 */
export function mulberry32(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** A standard normal draw (Box–Muller), from two uniform draws. */
function normal(random: () => number): number {
    const u = 1 - random(); // in (0, 1]: log(0) never happens
    const v = random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

interface Wave {
    readonly file: string;
    readonly respondents: number;
    readonly seed: number;
    /** First day and the number of days the wave's visits spread over. */
    readonly start: string;
    readonly days: number;
    /** Each rated moment's quality on the 1..5 scale: the mean answer of a respondent in an average mood. */
    readonly quality: { readonly told: number; readonly wait: number; readonly handOver: number; readonly verify: number; readonly cash: number };
    /** Mean and spread of the minutes waited. */
    readonly minutes: readonly [number, number];
}

const WAVES: readonly Wave[] = [
    {
        file: '2026-q1.csv', respondents: 150, seed: 20_260_331, start: '2026-01-05', days: 82,
        quality: { told: 3.2, wait: 4.1, handOver: 4.4, verify: 4.5, cash: 4.6 }, minutes: [17, 6]
    },
    {
        file: '2026-q2.csv', respondents: 180, seed: 20_260_630, start: '2026-04-01', days: 88,
        quality: { told: 4.5, wait: 4.3, handOver: 4.4, verify: 4.5, cash: 4.6 }, minutes: [12, 5]
    }
];

/** The survey's columns, in the order of its questions, after respondent and date. */
const COLUMNS = [
    'respondent', 'date', 'wait-minutes', 'amount-right', 'asked-politely', 'queue-explained', 'wait-rating',
    'handover-rating', 'check-verified', 'cash-rating', 'overall-sat', 'recommend', 'cash-importance', 'courtesy-expected'
] as const;

/** The share of each question's cells left blank: people skip questions, the open number most. */
const BLANK: Partial<Record<(typeof COLUMNS)[number], number>> = {
    'wait-minutes': 0.1, 'amount-right': 0.03, 'asked-politely': 0.05, 'queue-explained': 0.04, 'wait-rating': 0.04,
    'handover-rating': 0.05, 'check-verified': 0.06, 'cash-rating': 0.03, 'overall-sat': 0.02, 'recommend': 0.07,
    'cash-importance': 0.08, 'courtesy-expected': 0.09
};

function addDays(isoDate: string, days: number): string {
    const date = new Date(`${isoDate}T12:00:00Z`);
    date.setUTCDate(date.getUTCDate() + days);
    return date.toISOString().slice(0, 10);
}

/** A 1..5 (or low..high) answer: the value rounded and kept on the scale. */
function onScale(value: number, low = 1, high = 5): number {
    return Math.min(high, Math.max(low, Math.round(value)));
}

/** One wave's file, as text (comma-separated, a header row, one row per respondent in date order). */
export function waveText(wave: Wave): string {
    const random = mulberry32(wave.seed);
    const rows: { date: string; cells: Record<string, string> }[] = [];
    for (let i = 0; i < wave.respondents; i++) {
        let date = addDays(wave.start, Math.floor(random() * wave.days));
        // The branch is closed at weekends: a Saturday visit moves to Friday, a Sunday one to Monday.
        const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
        if (weekday === 6) date = addDays(date, -1);
        if (weekday === 0) date = addDays(date, 1);
        const mood = 0.5 * normal(random);
        const rate = (quality: number) => onScale(quality + mood + 0.7 * normal(random));
        const told = [rate(wave.quality.told), rate(wave.quality.told)];
        const wait = rate(wave.quality.wait);
        const handOver = rate(wave.quality.handOver);
        const verify = rate(wave.quality.verify);
        const cash = rate(wave.quality.cash);
        const moments = [(told[0] + told[1]) / 2, wait, handOver, verify, cash];
        // Overall follows the moments the customer lived through, the worst ones weighing most.
        const overallValue = 0.55 * (moments.reduce((a, b) => a + b, 0) / moments.length) + 0.45 * Math.min(...moments) + 0.35 + 0.4 * normal(random);
        const overall = onScale(overallValue);
        const recommend = onScale(2.4 * overall - 2 + 1.2 * normal(random), 0, 10);
        const minutes = Math.max(1, Math.round(wave.minutes[0] + wave.minutes[1] * normal(random) - 2 * (wait - 3)));
        const cells: Record<string, string> = {
            respondent: '',
            date,
            'wait-minutes': String(minutes),
            // The amount is nearly always right; a few say no, and some write y/n or true/false.
            'amount-right': random() < 0.97 ? (random() < 0.85 ? 'yes' : 'y') : 'no',
            'asked-politely': String(told[0]),
            'queue-explained': String(told[1]),
            'wait-rating': String(wait),
            'handover-rating': String(handOver),
            'check-verified': String(verify),
            'cash-rating': String(cash),
            'overall-sat': String(overall),
            recommend: String(recommend),
            'cash-importance': String(onScale(4.5 + 0.6 * normal(random))),
            'courtesy-expected': String(onScale(4.2 + 0.7 * normal(random)))
        };
        for (const [column, share] of Object.entries(BLANK)) {
            if (random() < share!) cells[column] = '';
        }
        rows.push({ date, cells });
    }
    rows.sort((a, b) => a.date.localeCompare(b.date));
    const prefix = wave.file.slice(0, 7).replace('-', '');
    rows.forEach((row, index) => { row.cells.respondent = `${prefix}-${String(index + 1).padStart(3, '0')}`; });
    return [COLUMNS.join(','), ...rows.map(row => COLUMNS.map(column => row.cells[column]).join(','))].join('\n') + '\n';
}

/** Every wave: its file name under examples/bank-waves/ and its text. */
export function bankWaves(): { file: string; text: string }[] {
    return WAVES.map(wave => ({ file: wave.file, text: waveText(wave) }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
    const folder = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples', 'bank-waves');
    mkdirSync(folder, { recursive: true });
    for (const { file, text } of bankWaves()) {
        writeFileSync(join(folder, file), text);
        console.log(`examples/bank-waves/${file}: ${text.trimEnd().split('\n').length - 1} respondents`);
    }
}
