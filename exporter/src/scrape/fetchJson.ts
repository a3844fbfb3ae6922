// Fetches one JSON endpoint of a service, never trusting it: a deadline through the abort signal, a byte cap
// enforced while the body streams in (a huge body is never buffered whole), and a reason for every failure.

export const FAILURE_REASONS = ['unreachable', 'timeout', 'http_status', 'oversized', 'malformed_json', 'contract_violation'] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

export type FetchOutcome = { ok: true; value: unknown } | { ok: false; reason: FailureReason; message: string };

export interface FetchJsonOptions {
  signal: AbortSignal;
  maxBytes: number;
}

async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array | undefined> {
  const reader = body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}

export async function fetchJson(url: string, { signal, maxBytes }: FetchJsonOptions): Promise<FetchOutcome> {
  try {
    const response = await fetch(url, { signal, headers: { accept: 'application/json' } });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, reason: 'http_status', message: `HTTP ${response.status}` };
    }
    const declared = Number(response.headers.get('content-length'));
    if (declared > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, reason: 'oversized', message: `declared body of ${declared} bytes exceeds the ${maxBytes}-byte limit` };
    }
    const bytes = response.body ? await readCapped(response.body, maxBytes) : new Uint8Array();
    if (!bytes) return { ok: false, reason: 'oversized', message: `body exceeds the ${maxBytes}-byte limit` };
    try {
      return { ok: true, value: JSON.parse(new TextDecoder().decode(bytes)) };
    } catch (err) {
      return { ok: false, reason: 'malformed_json', message: `body is not JSON: ${(err as Error).message}` };
    }
  } catch (err) {
    if (signal.aborted) return { ok: false, reason: 'timeout', message: 'no complete answer within the scrape budget' };
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return { ok: false, reason: 'unreachable', message: cause?.code ?? cause?.message ?? (err as Error).message };
  }
}
