import type { Words } from './words.js';

export const CHINESE: Words = {
    goal: '目标',
    noGoal: '尚无目标',
    noMoments: '尚无关键时刻',
    stats: (m, c, u) => `${m} 个时刻 · ${c} 个关键 · ${u} 个无预防`,
    stage: '阶段',
    stages: { introduction: '导入期', growth: '成长期', maturity: '成熟期', decline: '衰退期' },
    moment: '时刻',
    critical: '关键',
    failPoint: '失败点',
    unmitigated: '无预防',
    noContact: '无接触',
    achievesGoal: '达成目标',
    notRated: '未评分（无 feels）',
    notRatedRow: '未评分',
    noPrevention: '无预防措施',
    risk: '风险',
    prevent: '预防',
    recover: '补救',
    noOwner: '无负责人',
    severity: { low: '低', medium: '中', high: '高' },
    waitRange: (low, high) => `等待 ${low}–${high}`,
    waitTarget: amount => `目标等待 ${amount}`,
    waitLimit: amount => `最长等待 ${amount}`,
    unit: kind => ({ sec: '秒', min: '分钟', hour: '小时', day: '天', week: '周' })[kind],
    feels: ['很差', '差', '一般', '好', '很好'],
    lanes: { evidence: '有形展示', action: '顾客行为', frontstage: '前台', backstage: '后台', support: '支持流程', noRole: '无角色' },
    lineOfInteraction: '互动分界线',
    lineOfVisibility: '可视分界线',
    lineOfInternalInteraction: '内部互动分界线',
    channels: {
        'in-person': '面对面', phone: '电话', correspondence: '信函', web: '网站', app: '应用',
        chat: '聊天', facility: '场所', product: '产品', none: '无接触'
    },
    titles: { clock: '服务循环', blueprint: '服务蓝图', journey: '顾客旅程', plan: '改进计划', ipa: '重要性与表现' },
    plan: {
        requirements: '要求 → 行动', actions: '行动', areas: '优先领域', owner: '负责人', due: '截止', overdue: '已逾期',
        noDue: '无截止日期', forMoments: '针对', from: '来源', unmet: '尚无行动', covers: '涵盖', notRanked: '未排序',
        because: { importance: '重要性', deterioration: '恶化' }, nothing: '尚无计划', today: '截至'
    },
    report: {
        kind: '服务循环报告', glance: '循环一览', customer: '顾客', goal: '目标',
        counts: { moments: '关键时刻', critical: '危急时刻', unmitigated: '无预防措施的危急时刻' },
        criticalMoments: '危急时刻', noCritical: '没有标记为危急的时刻。', step: n => `时刻 ${n}`,
        phase: '阶段', by: '负责角色', channel: '渠道', severity: '严重程度', risks: '风险', prevent: '预防', recover: '补救',
        noPreventionWarning: '无预防措施：没有任何措施防止此时刻失败。', nothingListed: '无',
        blueprint: '服务蓝图', plan: '改进计划', survey: '调查问题', noSurvey: '尚无调查。', about: '关于',
        answers: { 'yes-no': '是 / 否', scale: '量表', number: '数字', text: '自由回答', choice: '选项之一', none: '未设回答格式' },
        findings: 'cycle check 的未解决问题', noFindings: 'cycle check 未发现需要修正的问题。',
        findingSeverity: { error: '错误', warning: '警告', info: '提示' }, line: '行',
        madeOn: (date, file) => `${date} 由 cycle report 根据 ${file} 生成。`
    },
    results: {
        csat: (percent, n) => `CSAT ${percent} n=${n}`,
        onTarget: '达标', belowTarget: '未达标',
        failing: target => `失败：低于 ${target}`,
        keyOnTarget: target => `CSAT ≥ ${target}`, keyBelowTarget: target => `CSAT < ${target}`,
        keyFailing: '关键时刻，明显失败',
        designed: '设计（feels）', measured: '实测（1 + 4 × 表现）',
        performance: '表现（实测满意度）', importance: '重要性', means: '平均值',
        quadrants: { concentrate: '重点改进', 'keep-up': '继续保持', 'low-priority': '低优先级', overkill: '可能过度' },
        notPlaced: '已测量，重要性未知',
        noResults: '尚无调查结果：请在调查中添加 results 行及其答卷文件。',
        nothingToPlace: '尚无同时具有实测表现和重要性的时刻。'
    },
    diff: {
        added: n => `新增 ${n}`, removed: n => `删除 ${n}`, changed: n => `修改 ${n}`, moved: n => `移动 ${n}`,
        criticalCentre: '红色中心：关键', was: step => `原第 ${step} 步`, changes: '变更'
    }
};
