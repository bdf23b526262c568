import type { Words } from './words.js';

/** Russian plural: 1 минута, 2 минуты, 5 минут (21 минута, 11 минут). */
function russianPlural(n: number, one: string, few: string, many: string): string {
    const tens = Math.abs(n) % 100;
    const units = tens % 10;
    if (tens >= 11 && tens <= 14) return many;
    if (units === 1) return one;
    if (units >= 2 && units <= 4) return few;
    return many;
}

export const RUSSIAN: Words = {
    goal: 'ЦЕЛЬ',
    noGoal: 'Цель ещё не задана',
    noMoments: 'Моментов пока нет',
    stats: (m, c, u) => `${m} ${russianPlural(m, 'момент', 'момента', 'моментов')} · критических: ${c} · без защиты: ${u}`,
    stage: 'этап',
    stages: { introduction: 'внедрение', growth: 'рост', maturity: 'зрелость', decline: 'спад' },
    moment: 'момент',
    critical: 'критический',
    failPoint: 'точка отказа',
    unmitigated: 'без защиты',
    noContact: 'без контакта',
    achievesGoal: 'цель достигнута',
    notRated: 'без оценки (нет feels)',
    notRatedRow: 'без оценки',
    noPrevention: 'нет предотвращения',
    risk: 'риск',
    prevent: 'предотвратить',
    recover: 'исправить',
    noOwner: 'нет ответственного',
    severity: { low: 'низкая', medium: 'средняя', high: 'высокая' },
    waitRange: (low, high) => `ожидание ${low}–${high}`,
    waitTarget: amount => `ожидание: цель ${amount}`,
    waitLimit: amount => `ожидание не более ${amount}`,
    unit: (kind, n) => ({
        sec: 'с', min: 'мин', hour: 'ч',
        day: russianPlural(n, 'день', 'дня', 'дней'), week: russianPlural(n, 'неделя', 'недели', 'недель')
    })[kind],
    feels: ['очень плохо', 'плохо', 'нейтрально', 'хорошо', 'очень хорошо'],
    lanes: { evidence: 'Физические свидетельства', action: 'Действия клиента', frontstage: 'На виду у клиента', backstage: 'За кулисами', support: 'Поддерживающие процессы', noRole: 'без роли' },
    lineOfInteraction: 'линия взаимодействия',
    lineOfVisibility: 'линия видимости',
    lineOfInternalInteraction: 'линия внутреннего взаимодействия',
    channels: {
        'in-person': 'лично', phone: 'телефон', correspondence: 'переписка', web: 'сайт', app: 'приложение',
        chat: 'чат', facility: 'помещение', product: 'продукт', none: 'без контакта'
    },
    titles: { clock: 'цикл обслуживания', blueprint: 'схема обслуживания', journey: 'путь клиента', plan: 'план улучшений', ipa: 'важность и исполнение' },
    plan: {
        requirements: 'Требования → действия', actions: 'Действия', areas: 'Приоритетные области', owner: 'ответственный', due: 'срок', overdue: 'ПРОСРОЧЕНО',
        noDue: 'без срока', forMoments: 'для', from: 'источник', unmet: 'нет действия', covers: 'охватывает', notRanked: 'не ранжирована',
        because: { importance: 'важность', deterioration: 'ухудшение' }, nothing: 'Плана пока нет', today: 'на'
    },
    report: {
        kind: 'Отчёт о цикле обслуживания', glance: 'Цикл с первого взгляда', customer: 'Клиент', goal: 'Цель',
        counts: { moments: 'моменты истины', critical: 'критические моменты', unmitigated: 'критические без предотвращения' },
        criticalMoments: 'Критические моменты', noCritical: 'Критических моментов нет.', step: n => `Момент ${n}`,
        phase: 'Фаза', by: 'Кто', channel: 'Канал', severity: 'Серьёзность', risks: 'Риски', prevent: 'Предотвратить', recover: 'Исправить',
        noPreventionWarning: 'Нет предотвращения: ничто не мешает этому моменту сорваться.', nothingListed: 'нет',
        blueprint: 'Схема обслуживания', plan: 'План улучшений', survey: 'Вопросы опроса', noSurvey: 'Опроса пока нет.', about: 'о',
        answers: { 'yes-no': 'да / нет', scale: 'шкала', number: 'число', text: 'свободный ответ', choice: 'один из', none: 'формат ответа не задан' },
        findings: 'Открытые замечания cycle check', noFindings: 'cycle check не нашёл ничего, что нужно исправить.',
        findingSeverity: { error: 'ошибка', warning: 'предупреждение', info: 'заметка' }, line: 'строка',
        madeOn: (date, file) => `Составлено ${date} из ${file} командой cycle report.`
    },
    results: {
        csat: (percent, n) => `CSAT ${percent} n=${n}`,
        onTarget: 'цель достигнута', belowTarget: 'ниже цели',
        failing: target => `ПРОВАЛ: ниже ${target}`,
        keyOnTarget: target => `CSAT ≥ ${target}`, keyBelowTarget: target => `CSAT < ${target}`,
        keyFailing: 'критический, явный провал',
        designed: 'задумано (feels)', measured: 'измерено (1 + 4 × исполнение)',
        performance: 'исполнение (измеренная удовлетворённость)', importance: 'важность', means: 'средние',
        quadrants: { concentrate: 'Сосредоточиться здесь', 'keep-up': 'Так держать', 'low-priority': 'Низкий приоритет', overkill: 'Возможно, избыточно' },
        notPlaced: 'Измерено, важность неизвестна',
        noResults: 'Результатов опроса нет: добавьте в опрос строку results и файл ответов.',
        nothingToPlace: 'Пока ни у одного момента нет и исполнения, и важности.'
    },
    diff: {
        added: n => `добавлено: ${n}`, removed: n => `удалено: ${n}`, changed: n => `изменено: ${n}`, moved: n => `перемещено: ${n}`,
        criticalCentre: 'красный центр: критический', was: step => `был ${step}`, changes: 'изменения'
    }
};
