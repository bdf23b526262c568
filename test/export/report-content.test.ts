import { URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/export/report-content.js';
import { REPORT_CSS, reportHtml } from '../../src/export/report-html.js';
import { withFileRoles, type CycleModel } from '../../src/model/cycle-model.js';
import { analyse } from '../../src/model/analyse.js';

async function cycleOf(text: string): Promise<CycleModel> {
    const analysis = await analyse([{ uri: URI.file('/workspace/report.cycle'), text }]);
    const model = analysis.texts[0].model;
    return withFileRoles(model.cycles[0], model.roles);
}

const SOURCE = `role desk "Front desk clerk"
cycle hotel "Hotel check-in"
  customer "Traveller"
  goal "Sleep soon"
  role night "Night manager"
  moment arrive "Arrives at the desk"
    by desk
    wait target 5 min
    wait limit 15 min
    critical
      severity high
      risk "The room is not ready"
      prevent "Check rooms at noon"
        owner night
      recover "Offer the lounge"
  moment key "Gets the key"
    critical
      risk "The key card fails"
  survey stay "After the stay"
    question q1 "Was the room ready?"
      about arrive
      answer yes-no
`;

describe('buildReport', () => {
    it('makes one card per critical moment, owners by role label, "no owner" in the cycle\'s words', async () => {
        const report = buildReport(await cycleOf(SOURCE), [], { file: 'report.cycle', today: '2026-12-02' });
        expect(report.cards.map(c => c.id)).toEqual(['arrive', 'key']);
        const [arrive, key] = report.cards;
        expect(arrive.prevent).toEqual([{ text: 'Check rooms at noon', owner: 'Night manager', hasOwner: true }]);
        expect(arrive.recover).toEqual([{ text: 'Offer the lounge', owner: 'no owner', hasOwner: false }]);
        expect(arrive.facts).toContainEqual(['Met by', 'Front desk clerk']);
        expect(arrive.facts.map(f => f[1])).toContain('wait 5–15 min');
        expect(arrive.severity).toBe('high');
        expect([arrive.unmitigated, key.unmitigated]).toEqual([false, true]);
        expect(report.counts).toEqual({ moments: 2, critical: 2, unmitigated: 1 });
        expect(report.surveys).toEqual([{ label: 'After the stay', questions: [{ label: 'Was the room ready?', answer: 'yes / no', about: ['Arrives at the desk'] }] }]);
        expect(report.clock.svg).toContain('view-clock');
        expect(report.blueprint.svg).toContain('view-blueprint');
        expect(report.plan.svg).toContain('view-plan');
    });

    it('speaks the language asked for', async () => {
        const report = buildReport(await cycleOf(SOURCE), [], { file: 'report.cycle', today: '2026-12-02', language: 'ru' });
        expect(report.cards[1].recover).toEqual([]);
        expect(report.cards[0].recover[0].owner).toBe('нет ответственного');
        expect(reportHtml(report, 'sha256-x')).toContain('<h2>Критические моменты</h2>');
    });
});

describe('reportHtml', () => {
    it('escapes every label and finding, and allows only its own stylesheet', async () => {
        const hostile = '</style><script>alert(1)</script>';
        const source = SOURCE.replace('Hotel check-in', hostile).replace('The room is not ready', hostile);
        const report = buildReport(await cycleOf(source), [{ line: 1, column: 1, severity: 'warning', code: 'x', message: hostile }], { file: 'report.cycle', today: '2026-12-02' });
        const html = reportHtml(report, 'sha256-abc');
        expect(html).not.toContain('<script');
        expect(html.split('</style>')).toHaveLength(2); // only the stylesheet's own end tag
        expect(html).toContain('&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
        expect(html).toContain(`<style>${REPORT_CSS}</style>`);
        expect(html).toContain(`content="default-src 'none'; style-src 'sha256-abc'; img-src data:`);
    });
});
