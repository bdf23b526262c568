/**
 * A realistic cycle of any size for benchmarks: phases every ten moments, a role
 * per moment, qualities, waits, every fifth moment critical with risks and
 * mitigations, requirements, actions, areas, priorities and a survey.
 */
export function generateCycle(moments: number): string {
    const qualities = ['security', 'credibility', 'communication', 'understanding', 'accessibility', 'courtesy', 'professionalism', 'responsiveness', 'reliability', 'tangibles'];
    const channels = ['in-person', 'phone', 'web', 'app', 'facility', 'product'];
    const out: string[] = ['role manager "Manager"', '', `cycle generated "A cycle of ${moments} moments"`,
        '  customer "A customer"', '  goal "Get what they came for"', '  stage maturity', '  role clerk "Clerk"', '  role helper "Helper"'];
    for (let i = 0; i < moments; i++) {
        if (i % 10 === 0) out.push(`  phase "Phase ${i / 10 + 1}"`);
        out.push(`  moment m${i} "Step ${i}: the customer does something"`);
        out.push(`    by ${i % 2 ? 'clerk' : 'helper'}`);
        out.push(`    channel ${channels[i % channels.length]}`);
        out.push(`    feels ${1 + (i % 5)}`);
        out.push(`    quality ${qualities[i % qualities.length]}`);
        if (i % 3 === 0) out.push('    wait target 5 min', '    wait limit 10 min');
        if (i === moments - 1) out.push('    achieves goal');
        if (i % 5 === 0) {
            out.push('    critical', '      severity high', `      risk "Something goes wrong at step ${i}"`,
                '      prevent "Check before it happens"', '        owner manager',
                '      recover "Apologise and fix it"', '        owner clerk');
        }
    }
    for (let i = 0; i < moments; i += 5) {
        out.push(`  requirement r${i} "Step ${i} never fails"`, `    for m${i}`, '    from "staff"');
        out.push(`  action a${i} "Train for step ${i}"`, `    meets r${i}`, '    owner manager', '    due 2027-03-31');
        out.push(`  area ar${i} "Area of step ${i}"`, '    because importance', `    covers m${i}`);
    }
    out.push('  priorities');
    for (let i = 0; i < moments; i += 5) out.push(`    - ar${i}`);
    out.push('  survey s "Survey"');
    for (let i = 0; i < moments; i += 5) {
        out.push(`    question q${i} "How did step ${i} go for you?"`, `      about m${i}`, '      answer scale 1..5');
    }
    return out.join('\n') + '\n';
}
