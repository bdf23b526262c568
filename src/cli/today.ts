/** Today's date in the local time zone, `YYYY-MM-DD`: what the plan's overdue marks are measured against. */
export function todayIso(now: Date = new Date()): string {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
