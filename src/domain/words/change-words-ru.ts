import type { ChangeKindName, ChangeWords } from './change-words.js';

/** Russian participles agree with the noun: момент добавлен, роль добавлена, действие добавлено. */
type Gender = 'm' | 'f' | 'n';
const GENDER: Record<ChangeKindName, Gender> = {
    moment: 'm', critical: 'f', risk: 'm', prevent: 'f', recover: 'f', role: 'f', requirement: 'n', action: 'n', area: 'f',
    priority: 'm', survey: 'm', question: 'm', cycle: 'm'
};

function agreeing(forms: Record<Gender, string>): (kind: ChangeKindName) => string {
    return kind => forms[GENDER[kind]];
}

const added = agreeing({ m: 'добавлен', f: 'добавлена', n: 'добавлено' });
const removed = agreeing({ m: 'удалён', f: 'удалена', n: 'удалено' });
const moved = agreeing({ m: 'перемещён', f: 'перемещена', n: 'перемещено' });
const renamed = agreeing({ m: 'переименован', f: 'переименована', n: 'переименовано' });
const changed = agreeing({ m: 'изменён', f: 'изменена', n: 'изменено' });

export const RUSSIAN_CHANGES: ChangeWords = {
    title: file => `${file}: изменения относительно HEAD`,
    riskChanges: 'Изменения, повышающие риск',
    noRiskChanges: 'Изменений, повышающих риск, нет.',
    changes: 'Изменения',
    noChange: 'В циклах ничего не изменилось.',
    diagnostics: 'Замечания проверки',
    introduced: { error: 'новая ошибка', warning: 'новое предупреждение', info: 'новая заметка' },
    resolved: { error: 'устранена ошибка', warning: 'устранено предупреждение', info: 'устранена заметка' },
    kinds: {
        moment: 'момент', critical: 'критичность', risk: 'риск', prevent: 'мера предотвращения', recover: 'мера исправления',
        role: 'роль', requirement: 'требование', action: 'действие', area: 'область', priority: 'приоритет', survey: 'опрос',
        question: 'вопрос', cycle: 'цикл'
    },
    of: (noun, moment) => `${noun} момента ${moment}`,
    added: (kind, subject, label, place) =>
        `${subject} ${added(kind)}${label ? `: ${label}` : ''}${place ? `, ${place.key === 'rank' ? 'место' : 'шаг'} ${place.n}` : ''}`,
    removed: (kind, subject, label) => `${subject} ${removed(kind)}${label ? `: ${label}` : ''}`,
    moved: (kind, subject, key, from, to) =>
        `${subject} ${moved(kind)} ${key === 'rank' ? `с места ${from} на место ${to}` : `с шага ${from} на шаг ${to}`}`,
    renamed: (kind, noun, from, to, rest) => `${noun} ${from} ${renamed(kind)} в ${to}${rest ? `; ${rest}` : ''}`,
    changed: (kind, subject, parts) => `${subject} ${changed(kind)}: ${parts}`,
    fields: {
        label: 'подпись', customer: 'клиент', goal: 'цель', stage: 'этап', peaks: 'пики', phase: 'фаза', by: 'исполнитель',
        channel: 'канал', feels: 'ощущения', qualities: 'качества', waitTarget: 'целевое время ожидания',
        waitLimit: 'предельное время ожидания', evidence: 'физические свидетельства', frontstage: 'на виду у клиента',
        backstage: 'за кулисами', support: 'поддерживающие процессы', achievesGoal: 'достигает цели', severity: 'серьёзность',
        owner: 'ответственный', for: 'для моментов', from: 'источник', meets: 'выполняет требования', due: 'срок',
        because: 'причина', covers: 'охватывает', about: 'о моменте', answer: 'формат ответа'
    },
    separator: '; ',
    none: '(нет)',
    yes: 'да',
    no: 'нет',
    severity: { low: 'низкая', medium: 'средняя', high: 'высокая' },
    risks: {
        newUnmitigated: moment => `момент ${moment} стал критическим, но не имеет ни одной меры предотвращения`,
        severityRaised: (moment, from, to) => `серьёзность момента ${moment} повышена: ${from} → ${to}`,
        waitLengthened: (bound, moment, from, to) =>
            `${bound === 'target' ? 'целевое' : 'предельное'} время ожидания момента ${moment} выросло с ${from} до ${to}`,
        waitLimitRemoved: (moment, was) => `предельное время ожидания момента ${moment} (${was}) удалено: ожидание больше ничем не ограничено`,
        mitigationLost: (kind, only, moment, text, owner) =>
            `момент ${moment} теряет ${only ? 'единственную' : 'одну'} меру ${kind === 'prevent' ? 'предотвращения' : 'исправления'}: ${text}${owner ? ` (ответственный ${owner})` : ''}`,
        criticalRemoved: (moment, n) =>
            `момент ${moment} больше не отмечен как критический${n > 0 ? `; вместе с этим удалены его меры защиты: ${n}` : ''}`
    }
};
