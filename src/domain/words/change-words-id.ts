import type { ChangeWords } from './change-words.js';

export const INDONESIAN_CHANGES: ChangeWords = {
    title: file => `${file}: perubahan sejak HEAD`,
    riskChanges: 'Perubahan yang menambah risiko',
    noRiskChanges: 'Tidak ada perubahan yang menambah risiko.',
    changes: 'Perubahan',
    noChange: 'Tidak ada perubahan pada siklus.',
    diagnostics: 'Temuan pemeriksaan',
    introduced: { error: 'galat baru', warning: 'peringatan baru', info: 'catatan baru' },
    resolved: { error: 'galat teratasi', warning: 'peringatan teratasi', info: 'catatan teratasi' },
    kinds: {
        moment: 'momen', critical: 'blok kritis', risk: 'risiko', prevent: 'mitigasi pencegahan', recover: 'mitigasi pemulihan',
        role: 'peran', requirement: 'persyaratan', action: 'tindakan', area: 'area prioritas', priority: 'prioritas', survey: 'survei',
        question: 'pertanyaan', cycle: 'siklus'
    },
    of: (noun, moment) => `${noun} pada momen ${moment}`,
    added: (_kind, subject, label, place) =>
        `${subject} ditambahkan${label ? `: ${label}` : ''}${place ? ` pada ${place.key === 'rank' ? 'peringkat' : 'langkah'} ${place.n}` : ''}`,
    removed: (_kind, subject, label) => `${subject} dihapus${label ? `: ${label}` : ''}`,
    moved: (_kind, subject, key, from, to) => {
        const place = key === 'rank' ? 'peringkat' : 'langkah';
        return `${subject} dipindahkan dari ${place} ${from} ke ${place} ${to}`;
    },
    renamed: (_kind, noun, from, to, rest) => `${noun} ${from} diganti namanya menjadi ${to}${rest ? `; ${rest}` : ''}`,
    changed: (_kind, subject, parts) => `${subject} diubah: ${parts}`,
    fields: {
        label: 'keterangan', customer: 'pelanggan', goal: 'tujuan', stage: 'tahap', peaks: 'puncak', phase: 'fase', by: 'dilayani oleh',
        channel: 'saluran', feels: 'perasaan', qualities: 'kualitas', waitTarget: 'target tunggu', waitLimit: 'batas tunggu',
        evidence: 'bukti fisik', frontstage: 'di depan pelanggan', backstage: 'di belakang layar', support: 'proses pendukung',
        achievesGoal: 'mencapai tujuan', severity: 'tingkat keparahan', owner: 'penanggung jawab', for: 'untuk momen', from: 'sumber',
        meets: 'memenuhi', due: 'tenggat', because: 'alasan', covers: 'mencakup', about: 'tentang momen', answer: 'format jawaban'
    },
    separator: '; ',
    none: '(tidak ada)',
    yes: 'ya',
    no: 'tidak',
    severity: { low: 'rendah', medium: 'sedang', high: 'tinggi' },
    risks: {
        newUnmitigated: moment => `momen ${moment} kini kritis tanpa satu pun mitigasi pencegahan`,
        severityRaised: (moment, from, to) => `tingkat keparahan momen ${moment} naik dari ${from} menjadi ${to}`,
        waitLengthened: (bound, moment, from, to) =>
            `${bound === 'target' ? 'target tunggu' : 'batas tunggu'} momen ${moment} bertambah dari ${from} menjadi ${to}`,
        waitLimitRemoved: (moment, was) => `batas tunggu momen ${moment} (${was}) dihapus: waktu tunggunya kini tidak dibatasi`,
        mitigationLost: (kind, only, moment, text, owner) =>
            `momen ${moment} kehilangan ${only ? 'satu-satunya' : 'satu'} mitigasi ${kind === 'prevent' ? 'pencegahan' : 'pemulihan'}: ${text}${owner ? ` (penanggung jawab ${owner})` : ''}`,
        criticalRemoved: (moment, n) => `momen ${moment} tidak lagi ditandai kritis${n > 0 ? `, dan ${n} mitigasinya ikut terhapus` : ''}`
    }
};
