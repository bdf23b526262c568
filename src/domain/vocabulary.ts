/**
 * The closed vocabularies of the language: quality components, channels, stages,
 * units. Pure data shared by validation, completion, hover and the diagrams.
 */

/** The ten components of quality service (Parasuraman, Zeithaml and Berry, 1985). */
export const QUALITY_COMPONENTS = {
    security: 'Freedom from danger, risk or doubt: physical safety, financial security, confidentiality.',
    credibility: 'Trustworthiness, believability, honesty: having the customer\'s best interests at heart.',
    communication: 'Keeping customers informed in language they understand, and listening to them.',
    understanding: 'Making the effort to know customers and their needs: individual attention, recognising the regular customer.',
    accessibility: 'Approachability and ease of contact: convenient hours and locations, short waits to reach someone.',
    courtesy: 'Politeness, respect, consideration and friendliness of contact personnel.',
    professionalism: 'Possession of the skills and knowledge required to perform the service (formerly "competence").',
    responsiveness: 'Willingness and readiness to help customers and to provide prompt service.',
    reliability: 'Consistency of performance and dependability: doing it right the first time and keeping promises.',
    tangibles: 'Physical evidence of the service: facilities, equipment, appearance of personnel, documents.'
} as const;

export type QualityComponent = keyof typeof QUALITY_COMPONENTS;
export const QUALITY_NAMES = Object.keys(QUALITY_COMPONENTS) as QualityComponent[];

export function isQualityComponent(name: string): name is QualityComponent {
    return Object.hasOwn(QUALITY_COMPONENTS, name);
}

/** Older names of two components, from the 1985 paper. */
export const QUALITY_OLD_NAMES: Readonly<Record<string, QualityComponent>> = {
    competence: 'professionalism',
    access: 'accessibility'
};

/** SERVQUAL's five dimensions roll the ten components up; two of them are not components. */
export const SERVQUAL_ROLLUPS: Readonly<Record<string, readonly QualityComponent[]>> = {
    assurance: ['professionalism', 'courtesy', 'credibility', 'security'],
    empathy: ['accessibility', 'communication', 'understanding']
};

/** Everyday words designers write for a component. */
export const QUALITY_SYNONYMS: Readonly<Record<string, QualityComponent>> = {
    safety: 'security',
    privacy: 'security',
    confidentiality: 'security',
    trust: 'credibility',
    trustworthiness: 'credibility',
    honesty: 'credibility',
    information: 'communication',
    politeness: 'courtesy',
    friendliness: 'courtesy',
    respect: 'courtesy',
    skill: 'professionalism',
    expertise: 'professionalism',
    knowledge: 'professionalism',
    speed: 'responsiveness',
    promptness: 'responsiveness',
    dependability: 'reliability',
    consistency: 'reliability',
    appearance: 'tangibles',
    environment: 'tangibles',
    availability: 'accessibility',
    convenience: 'accessibility'
};

/** Where the customer meets the service. `none`: the customer acts alone. */
export const CHANNELS = {
    'in-person': 'Face to face with someone of the provider.',
    phone: 'A telephone call.',
    correspondence: 'Letters, e-mail, text messages, notifications.',
    web: 'A website.',
    app: 'A mobile or desktop application.',
    chat: 'A chat or messaging conversation.',
    facility: 'The provider\'s premises, without a person: the hall, the signs, the machines.',
    product: 'The product itself: the box, the goods, the food.',
    none: 'No contact: the customer acts alone.'
} as const;

type Channel = keyof typeof CHANNELS;
export const CHANNEL_NAMES = Object.keys(CHANNELS) as Channel[];

export function isChannel(name: string): name is Channel {
    return Object.hasOwn(CHANNELS, name);
}

export const CHANNEL_SYNONYMS: Readonly<Record<string, Channel>> = {
    email: 'correspondence',
    'e-mail': 'correspondence',
    mail: 'correspondence',
    letter: 'correspondence',
    post: 'correspondence',
    sms: 'correspondence',
    notification: 'correspondence',
    website: 'web',
    online: 'web',
    internet: 'web',
    mobile: 'app',
    telephone: 'phone',
    call: 'phone',
    'call-center': 'phone',
    messaging: 'chat',
    chatbot: 'chat',
    'face-to-face': 'in-person',
    person: 'in-person',
    inperson: 'in-person',
    'in_person': 'in-person',
    store: 'facility',
    shop: 'facility',
    branch: 'facility',
    office: 'facility',
    premises: 'facility',
    goods: 'product',
    self: 'none',
    alone: 'none'
};

export const SEVERITIES = ['low', 'medium', 'high'] as const;

/**
 * Every unit the language takes, with its length in seconds: the spec's `sec`, `min`,
 * `hour(s)`, `day(s)`, `week(s)`, and the spellings people write, `secs`,
 * `second(s)`, `mins`, `minute(s)`. Durations compare by length, whatever the spelling.
 */
export const TIME_UNIT_SECONDS: Readonly<Record<string, number>> = {
    sec: 1,
    secs: 1,
    second: 1,
    seconds: 1,
    min: 60,
    mins: 60,
    minute: 60,
    minutes: 60,
    hour: 3600,
    hours: 3600,
    day: 86400,
    days: 86400,
    week: 604800,
    weeks: 604800
};

export const TIME_UNIT_NAMES: readonly string[] = Object.keys(TIME_UNIT_SECONDS);

/** Abbreviations the language does not take, with the unit to write instead. */
export const TIME_UNIT_SYNONYMS: Readonly<Record<string, string>> = {
    s: 'sec', m: 'min', h: 'hours', hr: 'hour', hrs: 'hours', d: 'days', w: 'weeks', wk: 'week', wks: 'weeks'
};
