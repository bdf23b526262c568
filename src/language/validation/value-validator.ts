import * as ast from '../generated/ast.js';
import {
    CHANNEL_NAMES, CHANNEL_SYNONYMS, TIME_UNIT_SECONDS, isChannel
} from '../../domain/vocabulary.js';
import { nearestNames } from '../../domain/nearest.js';
import { isValidCalendarDate } from '../../domain/dates.js';
import { firstTokenRange, joinWords, type Report } from './report.js';

/** Values that must come from a closed list or a sensible range. */
export class ValueValidator {
    checkChannel(channel: ast.Channel, report: Report): void {
        const name = channel.value;
        if (!name || isChannel(name)) return;
        const synonym = CHANNEL_SYNONYMS[name.toLowerCase()];
        const suggestions = synonym ? [synonym] : nearestNames(name, CHANNEL_NAMES);
        const message = `\`${name}\` is not a channel` + (suggestions.length > 0
            ? `; did you mean \`${suggestions[0]}\`?`
            : `: use one of ${joinWords(CHANNEL_NAMES, 'or')} (\`none\` when the customer acts alone).`);
        report('unknown-channel', message, { node: channel, property: 'value', data: { suggestions } });
    }

    checkFeels(feels: ast.Feels, report: Report): void {
        if (feels.value < 1 || feels.value > 5) {
            report('feels-out-of-range', `\`feels ${feels.value}\` is out of range: rate how the moment feels from 1 (very bad) to 5 (very good).`,
                { node: feels, property: 'value' });
        }
    }

    checkWaits(moment: ast.Moment, report: Report): void {
        const waits = moment.items.filter(ast.isWait);
        for (const wait of waits) {
            if (wait.duration && wait.duration.amount < 0) {
                report('invalid-duration', `A wait cannot be negative: write how long the customer waits, e.g. \`wait ${wait.bound} 10 min\`.`,
                    { node: wait.duration, property: 'amount' });
            }
        }
        const target = waits.find(w => w.bound === 'target');
        const limit = waits.find(w => w.bound === 'limit');
        if (target && !limit) {
            report('wait-without-limit', `Moment \`${moment.name}\` has a wait target but no wait limit: add \`wait limit …\`, the longest wait you accept before someone acts.`,
                { node: moment, property: 'name' });
        }
        const targetSeconds = seconds(target?.duration);
        const limitSeconds = seconds(limit?.duration);
        if (target && targetSeconds !== undefined && limitSeconds !== undefined && targetSeconds > limitSeconds) {
            report('wait-target-exceeds-limit', `The wait target (${describe(target.duration)}) is longer than the wait limit (${describe(limit!.duration)}): the target is what you aim for and the limit what you never exceed, so the target must not be longer.`,
                { node: target, range: firstTokenRange(target) });
        }
    }

    checkScale(scale: ast.ScaleAnswer, report: Report): void {
        if (scale.low >= scale.high) {
            report('invalid-scale', `A scale runs from its low end up to its high end, but ${scale.low}..${scale.high} does not: write the lower number first, e.g. \`scale 1..5\`.`,
                { node: scale, keyword: 'scale' });
        }
    }

    checkDue(due: ast.Due, report: Report): void {
        if (due.date && !isValidCalendarDate(due.date)) {
            report('invalid-date', `${due.date} is not a date in the calendar: check the month (01–12) and the day of the month.`,
                { node: due, property: 'date' });
        }
    }
}

function seconds(duration: ast.Duration | undefined): number | undefined {
    if (!duration || duration.amount === undefined || !duration.unit) return undefined;
    return duration.amount * (TIME_UNIT_SECONDS[duration.unit] ?? NaN);
}

function describe(duration: ast.Duration): string {
    return `${duration.amount} ${duration.unit}`;
}
