/** Today as an ISO date (YYYY-MM-DD) in the Netherlands, where the portal's periods begin and end. */
export function todayInNetherlands(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);
}
