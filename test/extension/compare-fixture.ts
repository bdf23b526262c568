import { URI } from 'langium';
import { fileDiff } from '../../src/diff/file-diff.js';
import { analyse } from '../../src/model/analyse.js';
import type { CompareResult } from '../../src/protocol.js';

/**
 * One cycle before and after an edit that makes every kind of change the list can
 * describe and every kind of risk change, in any language: the ids and labels come
 * from `t`, the keywords stay the file's.
 */
export interface FixtureWords {
    /** A `language` line, or '' to let the labels' script decide. */
    languageLine: string;
    ids: Record<'cycle' | 'other' | 'gone' | 'auditor' | 'guard' | 'greeter' | 'clerk' | 'cashier' | 'a' | 'b' | 'd' | 'e' | 'f' | 'g'
        | 'r1' | 'a1' | 'a2' | 'ar1' | 'ar2' | 'ar3' | 's' | 'q1', string>;
    labels: Record<'cycle' | 'other' | 'gone' | 'goal' | 'goal2' | 'auditor' | 'guard' | 'greeter' | 'clerk' | 'phase' | 'a' | 'b' | 'd'
        | 'e' | 'f' | 'g' | 'cold' | 'wrong' | 'plates' | 'dish' | 'late' | 'smile' | 'r1' | 'a1' | 'a1b' | 'a2' | 'ar1' | 'ar2'
        | 'ar3' | 's' | 's2' | 'q1' | 'q1b' | 'r1b', string>;
}

export function fixtureTexts(w: FixtureWords): { before: string; after: string } {
    const { ids: i, labels: l } = w;
    const head = w.languageLine ? `${w.languageLine}\n\n` : '';
    const before = `${head}role ${i.auditor} "${l.auditor}"
role ${i.guard} "${l.guard}"

cycle ${i.cycle} "${l.cycle}"
  goal "${l.goal}"
  stage growth
  role ${i.clerk} "${l.clerk}"
  phase "${l.phase}"
  moment ${i.a} "${l.a}"
    by ${i.clerk}
    channel web
    wait target 5 min
    wait limit 10 min
  moment ${i.b} "${l.b}"
    feels 3
    critical
      severity medium
      risk "${l.cold}"
      prevent "${l.plates}"
        owner ${i.clerk}
      recover "${l.dish}"
        owner ${i.clerk}
  moment ${i.d} "${l.d}"
  moment ${i.e} "${l.e}"
    critical
      severity low
      risk "${l.late}"
      prevent "${l.smile}"
        owner ${i.clerk}
  moment ${i.f} "${l.f}"
  requirement ${i.r1} "${l.r1}"
    for ${i.b}
  action ${i.a1} "${l.a1}"
    meets ${i.r1}
    owner ${i.clerk}
  area ${i.ar1} "${l.ar1}"
    because importance
  area ${i.ar2} "${l.ar2}"
    because deterioration
  priorities
    - ${i.ar1}
    - ${i.ar2}
  survey ${i.s} "${l.s}"
    question ${i.q1} "${l.q1}"
      about ${i.b}
      answer yes-no

cycle ${i.gone} "${l.gone}"
  goal "${l.goal}"
  moment ${i.a} "${l.a}"
`;
    const after = `${head}role ${i.auditor} "${l.auditor}"
role ${i.greeter} "${l.greeter}"

cycle ${i.cycle} "${l.cycle}"
  goal "${l.goal2}"
  stage growth
  role ${i.cashier} "${l.clerk}"
  phase "${l.phase}"
  moment ${i.a} "${l.a}"
    by ${i.cashier}
    channel phone
    wait target 10 min
  moment ${i.b} "${l.b}"
    feels 4
    critical
      severity high
      risk "${l.wrong}"
      recover "${l.dish}"
        owner ${i.auditor}
  moment ${i.e} "${l.e}"
  moment ${i.d} "${l.d}"
    achieves goal
    critical
      risk "${l.late}"
  moment ${i.g} "${l.g}"
  requirement ${i.r1} "${l.r1b}"
    for ${i.b}
  action ${i.a1} "${l.a1b}"
    meets ${i.r1}
    owner ${i.cashier}
  action ${i.a2} "${l.a2}"
    meets ${i.r1}
  area ${i.ar1} "${l.ar1}"
    because deterioration
  area ${i.ar2} "${l.ar2}"
    because deterioration
  area ${i.ar3} "${l.ar3}"
    because importance
  priorities
    - ${i.ar2}
    - ${i.ar1}
    - ${i.ar3}
  survey ${i.s} "${l.s2}"
    question ${i.q1} "${l.q1b}"
      about ${i.b}
      answer yes-no

cycle ${i.other} "${l.other}"
  goal "${l.goal}"
  moment ${i.a} "${l.a}"
`;
    return { before, after };
}

let counter = 0;

/** What the server answers to Compare with HEAD for this edit (the server's own steps, without a server). */
export async function compareResult(w: FixtureWords): Promise<CompareResult> {
    const { before, after } = fixtureTexts(w);
    const uri = URI.file(`/compare-fixture/${++counter}/c.cycle`);
    const [old, now] = await Promise.all([analyse([{ uri, text: before }]), analyse([{ uri, text: after }])]);
    const [o, n] = [old.texts[0], now.texts[0]];
    const diff = fileDiff('c.cycle', 'modified', { model: o.model, diagnostics: o.diagnostics }, { model: n.model, diagnostics: n.diagnostics });
    return { diff, before: o.model.cycles, after: n.model.cycles };
}

export const ENGLISH_FIXTURE: FixtureWords = {
    languageLine: '',
    ids: {
        cycle: 'c', other: 'other', gone: 'gone', auditor: 'auditor', guard: 'guard', greeter: 'greeter', clerk: 'clerk', cashier: 'cashier',
        a: 'a', b: 'b', d: 'd', e: 'e', f: 'f', g: 'g', r1: 'r1', a1: 'a1', a2: 'a2', ar1: 'ar1', ar2: 'ar2', ar3: 'ar3', s: 's', q1: 'q1'
    },
    labels: {
        cycle: 'A cycle', other: 'Another cycle', gone: 'An old cycle', goal: 'Get it', goal2: 'Get it quickly', auditor: 'Auditor',
        guard: 'Guard', greeter: 'Greeter', clerk: 'Clerk', phase: 'One', a: 'Arrives', b: 'Is served', d: 'Pays', e: 'Leaves',
        f: 'Waves', g: 'Comes back', cold: 'Served cold', wrong: 'Wrong dish', plates: 'Warm plates', dish: 'Replace the dish',
        late: 'Bill late', smile: 'Smile', r1: 'Hot food', r1b: 'Hot food, always', a1: 'Buy warmers', a1b: 'Buy two warmers', a2: 'Train staff',
        ar1: 'Kitchen', ar2: 'Till', ar3: 'Door', s: 'Card', s2: 'Comment card', q1: 'Was it hot?', q1b: 'Was the food hot?'
    }
};

/** Ids and labels in Cyrillic: no `language` line, the script says Russian. */
export const RUSSIAN_FIXTURE: FixtureWords = {
    languageLine: '',
    ids: {
        cycle: 'обед', other: 'ужин', gone: 'завтрак', auditor: 'ревизор', guard: 'охранник', greeter: 'хостес', clerk: 'официант',
        cashier: 'кассир', a: 'приход', b: 'подача', d: 'оплата', e: 'уход', f: 'прощание', g: 'возвращение', r1: 'горячее',
        a1: 'подогрев', a2: 'обучение', ar1: 'кухня', ar2: 'касса', ar3: 'вход', s: 'анкета', q1: 'горячо'
    },
    labels: {
        cycle: 'Обед в кафе', other: 'Ужин в кафе', gone: 'Завтрак', goal: 'Поесть', goal2: 'Быстро поесть', auditor: 'Ревизор',
        guard: 'Охранник', greeter: 'Хостес', clerk: 'Официант', phase: 'Визит', a: 'Приходит', b: 'Получает блюдо', d: 'Платит',
        e: 'Уходит', f: 'Машет рукой', g: 'Возвращается', cold: 'Блюдо остыло', wrong: 'Не то блюдо', plates: 'Тёплые тарелки',
        dish: 'Заменить блюдо', late: 'Счёт несут долго', smile: 'Улыбка', r1: 'Горячая еда', r1b: 'Всегда горячая еда',
        a1: 'Купить подогреватели', a1b: 'Купить два подогревателя', a2: 'Обучить персонал', ar1: 'Кухня', ar2: 'Касса', ar3: 'Вход',
        s: 'Анкета', s2: 'Анкета гостя', q1: 'Еда была горячей?', q1b: 'Блюдо было горячим?'
    }
};

/** Latin letters like English: the `language id` line says Indonesian. */
export const INDONESIAN_FIXTURE: FixtureWords = {
    languageLine: 'language id',
    ids: {
        cycle: 'makan-siang', other: 'makan-malam', gone: 'sarapan', auditor: 'pemeriksa', guard: 'satpam', greeter: 'penyambut',
        clerk: 'pelayan', cashier: 'kasir', a: 'datang', b: 'disajikan', d: 'bayar', e: 'pulang', f: 'melambai', g: 'kembali',
        r1: 'hangat', a1: 'pemanas', a2: 'pelatihan', ar1: 'dapur', ar2: 'kasir-depan', ar3: 'pintu', s: 'kartu', q1: 'panas'
    },
    labels: {
        cycle: 'Makan siang di kafe', other: 'Makan malam di kafe', gone: 'Sarapan', goal: 'Makan', goal2: 'Makan dengan cepat',
        auditor: 'Pemeriksa', guard: 'Satpam', greeter: 'Penyambut tamu', clerk: 'Pelayan', phase: 'Kunjungan', a: 'Datang',
        b: 'Hidangan disajikan', d: 'Membayar', e: 'Pulang', f: 'Melambai', g: 'Datang lagi', cold: 'Hidangan dingin',
        wrong: 'Hidangan salah', plates: 'Piring hangat', dish: 'Ganti hidangan', late: 'Tagihan lambat', smile: 'Senyum',
        r1: 'Makanan hangat', r1b: 'Makanan selalu hangat', a1: 'Beli pemanas', a1b: 'Beli dua pemanas', a2: 'Latih staf',
        ar1: 'Dapur', ar2: 'Kasir', ar3: 'Pintu', s: 'Kartu', s2: 'Kartu komentar', q1: 'Apakah makanannya panas?',
        q1b: 'Apakah hidangannya panas?'
    }
};

/** Han ids and labels: no `language` line, the script says Chinese. */
export const CHINESE_FIXTURE: FixtureWords = {
    languageLine: '',
    ids: {
        cycle: '午餐', other: '晚餐', gone: '早餐', auditor: '审计员', guard: '保安', greeter: '迎宾', clerk: '服务员', cashier: '收银员',
        a: '到店', b: '上菜', d: '付款', e: '离店', f: '挥手', g: '再来', r1: '热菜', a1: '保温', a2: '培训', ar1: '厨房', ar2: '收银台',
        ar3: '门口', s: '问卷', q1: '热不热'
    },
    labels: {
        cycle: '在餐厅吃午餐', other: '在餐厅吃晚餐', gone: '早餐', goal: '吃饱', goal2: '很快吃饱', auditor: '审计员', guard: '保安',
        greeter: '迎宾员', clerk: '服务员', phase: '用餐', a: '到店', b: '菜上桌', d: '付款', e: '离店', f: '挥手告别', g: '再次光临',
        cold: '菜凉了', wrong: '上错菜', plates: '温热餐盘', dish: '换一道菜', late: '结账太慢', smile: '微笑', r1: '热菜',
        r1b: '菜总是热的', a1: '购买保温器', a1b: '购买两台保温器', a2: '培训员工', ar1: '厨房', ar2: '收银台', ar3: '门口',
        s: '问卷', s2: '顾客问卷', q1: '菜是热的吗？', q1b: '饭菜是热的吗？'
    }
};
