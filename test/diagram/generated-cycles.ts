/**
 * Cycles made up for the geometry tests: `moments` moments spread over `phases`
 * phases, with roles, waits, frontstage lines, critical moments with and without
 * prevention, and a plan around them. Labels are long enough to wrap.
 */
export function generatedCycle(moments: number, phases: number, language: 'en' | 'ru' | 'zh' = 'en'): string {
    const word = language === 'ru' ? 'Клиент делает что-то довольно долгое' : language === 'zh' ? '顾客做了一件需要很长时间描述的事情' : 'The customer does something that takes a fairly long sentence';
    const lines = [`cycle gen "Generated cycle of ${moments} moments in ${phases} phases"`, '  goal "Get what I came for"', '  customer "Someone"', '  stage growth'];
    lines.push('  role clerk "Counter clerk"', '  role lead "Team lead on duty"');
    const perPhase = Math.ceil(moments / phases);
    for (let i = 0; i < moments; i++) {
        if (i % perPhase === 0) lines.push(`  phase "Phase ${Math.floor(i / perPhase) + 1} of the visit"`);
        lines.push(`  moment m${i} "${word} ${i + 1}"`);
        if (i % 2 === 0) lines.push(`    by ${i % 4 === 0 ? 'clerk' : 'lead'}`, '    channel in-person', `    frontstage "Greets and explains step ${i + 1} clearly"`);
        if (i % 3 === 0) lines.push('    wait target 5 min', '    wait limit 10 min', '    backstage "Prepares the file"');
        if (i % 5 === 0) lines.push('    support "Queue system"', '    evidence "Ticket"');
        if (i % 4 === 1) {
            lines.push('    critical', `      risk "Something goes wrong at step ${i + 1} and the customer leaves"`);
            if (i % 8 === 1) lines.push('      prevent "Check it twice"', '        owner clerk', '      recover "Apologise"');
        }
    }
    lines.push('  requirement r1 "Short waits"', '    for m0', '  action a1 "Open a second counter"', '    meets r1', '    owner lead', '    due 2026-01-15');
    lines.push('  area speed "Speed"', '    because importance', '    covers m0', '  priorities', '    - speed');
    return lines.join('\n') + '\n';
}
