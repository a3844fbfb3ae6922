// Times as Python services write them: datetime.isoformat() with or without an offset (naive = UTC), "Z",
// microseconds, str(datetime) with a space, and epoch seconds or milliseconds (time.time(), JS-style ms).

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(?:([Zz])|([+-])(\d{2}):?(\d{2})?)?$/;

/** Epoch values below this are seconds, above it milliseconds (1e11 s is the year 5138, 1e11 ms is 1973). */
export const EPOCH_MILLISECONDS_FROM = 1e11;
/** 9999-12-31T23:59:59.999Z: the last instant an ISO-8601 string with a 4-digit year can name. */
const MAX_MS = 253_402_300_799_999;
const MIN_MS = -62_135_596_800_000; // 0001-01-01T00:00:00Z

function epochMs(value: number): number | undefined {
  if (!Number.isFinite(value) || value < 0) return undefined;
  // Millisecond precision, like the ISO path: a float time.time() keeps no sub-millisecond noise.
  const ms = Math.floor(value >= EPOCH_MILLISECONDS_FROM ? value : value * 1000);
  return ms <= MAX_MS ? ms : undefined;
}

/** Milliseconds since the epoch, or undefined when the value is no time we recognise. Total: never throws. */
export function parseServiceTime(value: unknown): number | undefined {
  if (typeof value === 'number') return epochMs(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text.length > 64) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return epochMs(Number(text));
  const m = ISO.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  const fraction = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  // Date.UTC maps 0–99 to 1900–1999; setUTCFullYear keeps the year as written.
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  date.setUTCFullYear(year);
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return undefined; // 31 April and the like
  let ms = date.getTime() + Math.floor(fraction);
  if (m[9]) {
    const offsetHours = Number(m[10]);
    const offsetMinutes = Number(m[11] ?? '0');
    if (offsetHours > 23 || offsetMinutes > 59) return undefined;
    ms -= (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  }
  return ms >= MIN_MS && ms <= MAX_MS ? ms : undefined;
}
