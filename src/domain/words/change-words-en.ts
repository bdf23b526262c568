import type { ChangeWords } from './change-words.js';

/** The list of changes in English: the sentences `cycle diff` has always printed. */
export const ENGLISH_CHANGES: ChangeWords = {
    title: file => `${file}: changes since HEAD`,
    riskChanges: 'Risk changes',
    noRiskChanges: 'No risk changes.',
    changes: 'Changes',
    noChange: 'No change in the cycles.',
    diagnostics: 'Diagnostics',
    introduced: { error: 'new error', warning: 'new warning', info: 'new info' },
    resolved: { error: 'resolved error', warning: 'resolved warning', info: 'resolved info' },
    kinds: {
        moment: 'moment', critical: 'critical block', risk: 'risk', prevent: 'prevent mitigation', recover: 'recover mitigation',
        role: 'role', requirement: 'requirement', action: 'action', area: 'area', priority: 'priority', survey: 'survey',
        question: 'question', cycle: 'cycle'
    },
    of: (noun, moment) => `${noun} of ${moment}`,
    added: (_kind, subject, label, place) => `${subject} added${label ? `: ${label}` : ''}${place ? ` at ${place.key} ${place.n}` : ''}`,
    removed: (_kind, subject, label) => `${subject} removed${label ? `: ${label}` : ''}`,
    moved: (_kind, subject, key, from, to) => `${subject} moved from ${key} ${from} to ${to}`,
    renamed: (_kind, noun, from, to, rest) => `${noun} ${from} renamed to ${to}${rest ? `; ${rest}` : ''}`,
    changed: (_kind, subject, parts) => `${subject} changed: ${parts}`,
    // The diff's own attribute names, as `cycle diff --format json` writes them.
    fields: {
        label: 'label', customer: 'customer', goal: 'goal', stage: 'stage', peaks: 'peaks', phase: 'phase', by: 'by', channel: 'channel',
        feels: 'feels', qualities: 'qualities', waitTarget: 'waitTarget', waitLimit: 'waitLimit', evidence: 'evidence',
        frontstage: 'frontstage', backstage: 'backstage', support: 'support', achievesGoal: 'achievesGoal', severity: 'severity',
        owner: 'owner', for: 'for', from: 'from', meets: 'meets', due: 'due', because: 'because', covers: 'covers', about: 'about',
        answer: 'answer'
    },
    separator: '; ',
    none: '(none)',
    yes: 'true',
    no: 'false',
    severity: { low: 'low', medium: 'medium', high: 'high' },
    risks: {
        newUnmitigated: moment => `${moment} is now a critical moment without any prevent mitigation`,
        severityRaised: (moment, from, to) => `the severity of ${moment} went from ${from} to ${to}`,
        waitLengthened: (bound, moment, from, to) => `the wait ${bound} of ${moment} went from ${from} to ${to}`,
        waitLimitRemoved: (moment, was) => `the wait limit of ${moment} (${was}) was removed: its wait is no longer bounded`,
        mitigationLost: (kind, only, moment, text, owner) =>
            `${moment} loses ${only ? `the only ${kind} mitigation` : `a ${kind} mitigation`}: ${text}${owner ? ` (owner ${owner})` : ''}`,
        criticalRemoved: (moment, n) =>
            `${moment} is no longer marked critical${n > 0 ? `, and its ${n} ${n === 1 ? 'mitigation goes' : 'mitigations go'} with it` : ''}`
    }
};
