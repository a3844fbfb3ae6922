// Load over the day: quiet at night, a ramp into the US/EU trading day, a dip on weekends.
// Times are UTC, so with the system clock the emulator follows the real day.

/** Deterministic load shape in (0, ~1.4]: 1 is an ordinary daytime load. */
export function diurnalLoad(epochMilliseconds: number): number {
  const date = new Date(epochMilliseconds);
  const hour = date.getUTCHours() + date.getUTCMinutes() / 60 + date.getUTCSeconds() / 3600;
  // One broad daily wave peaking mid-afternoon UTC (EU close overlapping US open) …
  const daily = 0.65 + 0.35 * Math.sin((2 * Math.PI * (hour - 9)) / 24);
  // … plus a shorter bump around the US open, 14:30 UTC.
  const fromOpen = hour - 14.5;
  const openBump = 0.35 * Math.exp(-(fromOpen * fromOpen) / 1.5);
  const weekday = date.getUTCDay();
  const weekend = weekday === 0 || weekday === 6 ? 0.55 : 1;
  return Math.max(0.05, (daily + openBump) * weekend);
}
