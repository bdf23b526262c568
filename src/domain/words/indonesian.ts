import type { Words } from './words.js';

export const INDONESIAN: Words = {
    goal: 'TUJUAN',
    noGoal: 'Belum ada tujuan',
    noMoments: 'Belum ada momen',
    stats: (m, c, u) => `${m} momen · ${c} kritis · ${u} tanpa mitigasi`,
    stage: 'tahap',
    stages: { introduction: 'perkenalan', growth: 'pertumbuhan', maturity: 'kematangan', decline: 'penurunan' },
    moment: 'momen',
    critical: 'kritis',
    failPoint: 'titik gagal',
    unmitigated: 'tanpa mitigasi',
    noContact: 'tanpa kontak',
    achievesGoal: 'mencapai tujuan',
    notRated: 'belum dinilai (tanpa feels)',
    notRatedRow: 'belum dinilai',
    noPrevention: 'tanpa pencegahan',
    risk: 'risiko',
    prevent: 'cegah',
    recover: 'pulihkan',
    noOwner: 'tanpa penanggung jawab',
    severity: { low: 'rendah', medium: 'sedang', high: 'tinggi' },
    waitRange: (low, high) => `tunggu ${low}–${high}`,
    waitTarget: amount => `target tunggu ${amount}`,
    waitLimit: amount => `tunggu paling lama ${amount}`,
    unit: kind => ({ sec: 'detik', min: 'menit', hour: 'jam', day: 'hari', week: 'minggu' })[kind],
    feels: ['sangat buruk', 'buruk', 'netral', 'baik', 'sangat baik'],
    lanes: { evidence: 'Bukti fisik', action: 'Tindakan pelanggan', frontstage: 'Di depan pelanggan', backstage: 'Di belakang layar', support: 'Proses pendukung', noRole: 'tanpa peran' },
    lineOfInteraction: 'garis interaksi',
    lineOfVisibility: 'garis visibilitas',
    lineOfInternalInteraction: 'garis interaksi internal',
    channels: {
        'in-person': 'tatap muka', phone: 'telepon', correspondence: 'surat', web: 'situs', app: 'aplikasi',
        chat: 'obrolan', facility: 'fasilitas', product: 'produk', none: 'tanpa kontak'
    },
    titles: { clock: 'siklus layanan', blueprint: 'cetak biru layanan', journey: 'perjalanan pelanggan', plan: 'rencana perbaikan', ipa: 'kepentingan dan kinerja' },
    plan: {
        requirements: 'Persyaratan → tindakan', actions: 'Tindakan', areas: 'Area prioritas', owner: 'penanggung jawab', due: 'tenggat', overdue: 'TERLAMBAT',
        noDue: 'tanpa tenggat', forMoments: 'untuk', from: 'dari', unmet: 'belum ada tindakan', covers: 'mencakup', notRanked: 'belum diperingkat',
        because: { importance: 'kepentingan', deterioration: 'penurunan' }, nothing: 'Belum ada rencana', today: 'per'
    },
    report: {
        kind: 'Laporan siklus layanan', glance: 'Sekilas tentang siklus', customer: 'Pelanggan', goal: 'Tujuan',
        counts: { moments: 'momen kebenaran', critical: 'momen kritis', unmitigated: 'kritis tanpa pencegahan' },
        criticalMoments: 'Momen kritis', noCritical: 'Tidak ada momen yang ditandai kritis.', step: n => `Momen ${n}`,
        phase: 'Fase', by: 'Dilayani oleh', channel: 'Saluran', severity: 'Tingkat keparahan', risks: 'Risiko', prevent: 'Cegah', recover: 'Pulihkan',
        noPreventionWarning: 'Tanpa pencegahan: tidak ada yang mencegah momen ini gagal.', nothingListed: 'tidak ada',
        blueprint: 'Cetak biru layanan', plan: 'Rencana perbaikan', survey: 'Pertanyaan survei', noSurvey: 'Belum ada survei.', about: 'tentang',
        answers: { 'yes-no': 'ya / tidak', scale: 'skala', number: 'angka', text: 'teks bebas', choice: 'salah satu dari', none: 'tanpa format jawaban' },
        findings: 'Temuan cycle check yang masih terbuka', noFindings: 'cycle check tidak menemukan apa pun untuk diperbaiki.',
        findingSeverity: { error: 'galat', warning: 'peringatan', info: 'catatan' }, line: 'baris',
        madeOn: (date, file) => `Dibuat pada ${date} dari ${file} dengan cycle report.`
    },
    results: {
        csat: (percent, n) => `CSAT ${percent} n=${n}`,
        onTarget: 'sesuai sasaran', belowTarget: 'di bawah sasaran',
        failing: target => `GAGAL: di bawah ${target}`,
        keyOnTarget: target => `CSAT ≥ ${target}`, keyBelowTarget: target => `CSAT < ${target}`,
        keyFailing: 'kritis, jelas gagal',
        designed: 'rancangan (feels)', measured: 'terukur (1 + 4 × kinerja)',
        performance: 'kinerja (kepuasan terukur)', importance: 'kepentingan', means: 'rata-rata',
        quadrants: { concentrate: 'Fokus di sini', 'keep-up': 'Pertahankan', 'low-priority': 'Prioritas rendah', overkill: 'Mungkin berlebihan' },
        notPlaced: 'Terukur, kepentingan belum diketahui',
        noResults: 'Belum ada hasil survei: tambahkan baris results dan berkas jawabannya ke survei.',
        nothingToPlace: 'Belum ada momen yang memiliki kinerja terukur sekaligus kepentingan.'
    },
    diff: {
        added: n => `${n} ditambah`, removed: n => `${n} dihapus`, changed: n => `${n} diubah`, moved: n => `${n} dipindah`,
        criticalCentre: 'pusat merah: kritis', was: step => `semula ${step}`, changes: 'perubahan'
    }
};
