import type { ChangeWords } from './change-words.js';

/** Chinese runs its words together; a space only sets an id (a code span) apart. */
function then(subject: string, rest: string): string {
    return subject.endsWith('`') ? `${subject} ${rest}` : `${subject}${rest}`;
}

/** `critical` is 关键 here as on the diagrams' legend. */
export const CHINESE_CHANGES: ChangeWords = {
    title: file => `${file}：自 HEAD 以来的变更`,
    riskChanges: '增加风险的变更',
    noRiskChanges: '没有增加风险的变更。',
    changes: '变更',
    noChange: '服务循环没有变更。',
    diagnostics: '检查结果',
    introduced: { error: '新增错误', warning: '新增警告', info: '新增提示' },
    resolved: { error: '已解决的错误', warning: '已解决的警告', info: '已解决的提示' },
    kinds: {
        moment: '时刻', critical: '关键标记', risk: '风险', prevent: '预防措施', recover: '补救措施',
        role: '角色', requirement: '要求', action: '行动', area: '优先领域', priority: '优先项', survey: '问卷',
        question: '问题', cycle: '服务循环'
    },
    of: (noun, moment) => `时刻 ${moment} 的${noun}`,
    added: (_kind, subject, label, place) =>
        `${then(subject, '已新增')}${label ? `：${label}` : ''}${place ? `（第 ${place.n} ${place.key === 'rank' ? '位' : '步'}）` : ''}`,
    removed: (_kind, subject, label) => `${then(subject, '已删除')}${label ? `：${label}` : ''}`,
    moved: (_kind, subject, key, from, to) => {
        const unit = key === 'rank' ? '位' : '步';
        return `${then(subject, '从第')} ${from} ${unit}移到第 ${to} ${unit}`;
    },
    renamed: (_kind, noun, from, to, rest) => `${noun} ${from} 已重命名为 ${to}${rest ? `；${rest}` : ''}`,
    changed: (_kind, subject, parts) => `${then(subject, '已修改')}：${parts}`,
    fields: {
        label: '名称', customer: '顾客', goal: '目标', stage: '生命周期阶段', peaks: '高峰', phase: '阶段', by: '负责角色',
        channel: '渠道', feels: '感受', qualities: '服务质量', waitTarget: '目标等待', waitLimit: '最长等待', evidence: '有形展示',
        frontstage: '前台', backstage: '后台', support: '支持流程', achievesGoal: '达成目标', severity: '严重程度',
        owner: '负责人', for: '针对时刻', from: '来源', meets: '满足要求', due: '截止', because: '原因', covers: '涵盖',
        about: '关于时刻', answer: '回答格式'
    },
    separator: '；',
    none: '（无）',
    yes: '是',
    no: '否',
    severity: { low: '低', medium: '中', high: '高' },
    risks: {
        newUnmitigated: moment => `时刻 ${moment} 已成为关键时刻，却没有任何预防措施`,
        severityRaised: (moment, from, to) => `时刻 ${moment} 的严重程度从${from}升至${to}`,
        waitLengthened: (bound, moment, from, to) =>
            `时刻 ${moment} 的${bound === 'target' ? '目标等待时间' : '最长等待时间'}从 ${from} 延长到 ${to}`,
        waitLimitRemoved: (moment, was) => `时刻 ${moment} 的最长等待时间（${was}）已删除：等待不再有上限`,
        mitigationLost: (kind, only, moment, text, owner) =>
            `时刻 ${moment} 失去了${only ? '唯一的' : '一项'}${kind === 'prevent' ? '预防措施' : '补救措施'}：${text}${owner ? `（负责人 ${owner}）` : ''}`,
        criticalRemoved: (moment, n) => `时刻 ${moment} 不再标记为关键${n > 0 ? `，其 ${n} 项措施也随之删除` : ''}`
    }
};
