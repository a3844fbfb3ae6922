// Maps failures to HTTP answers with a clear message and no internals (no stack, no SQL, no driver text).
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
    /** Seconds, sent as Retry-After with 503 and 429. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

interface DriverError {
  code?: string;
  message?: string;
  timeoutMs?: number;
  status?: number;
  statusCode?: number;
  expose?: boolean;
}

const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', '57P01', '57P02', '57P03', '53300']);

/** pg's own errors for a connection that is gone carry no code, only these messages. */
const CONNECTION_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'connection error and is not queryable',
  'Client was closed and is not queryable',
  'Cannot use a pool after calling end',
  'Query read timeout',
];

/** A database or programming error as an ApiError; `statementTimeoutMs` makes the 504 message concrete. */
export function toApiError(error: unknown, statementTimeoutMs: number): ApiError {
  if (error instanceof ApiError) return error;
  const { code, message = '', timeoutMs } = (error ?? {}) as DriverError;
  if (code === '57014') {
    return new ApiError(504, `The query took longer than the ${statementTimeoutMs / 1000} s statement timeout and was cancelled; narrow the time range or the selection.`);
  }
  if (code === 'ALPHAPULSE_DB_TIMEOUT') {
    return new ApiError(504, `The database did not answer within ${(timeoutMs ?? 0) / 1000} s (overloaded or not responding); try again shortly.`, undefined, 5);
  }
  if (code === 'ALPHAPULSE_BUSY') return error as ApiError;
  if (code === '42P01' || code === '3F000') return new ApiError(503, 'The AlphaPulse schema is not in this database yet (migrations not applied).', undefined, 30);
  if (code === '53200' || code === '53100') return new ApiError(503, 'The database is out of resources; try again shortly.', undefined, 5);
  // Class 08 (connection exception) and the driver's own lost-connection errors.
  if ((code && (CONNECTION_ERRORS.has(code) || code.startsWith('08'))) || CONNECTION_MESSAGES.some((text) => String(message).includes(text))) {
    return new ApiError(503, 'The database is unreachable.', undefined, 5);
  }
  // Input the driver or PostgreSQL refused (bad encoding, out-of-range value): the request is at fault, not us.
  if (code === '22021' || code === '22008' || code === '22009' || code === '22P02' || code === '22003') {
    return new ApiError(400, 'A value in the request is out of range or not valid text.');
  }
  return new ApiError(500, 'Internal error while running the query.');
}

/** express and body-parser errors carry an http status; a 4xx from them is the client's, with a plain message. */
export function httpClientError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return null;
  const { status, statusCode, type } = (error ?? {}) as DriverError & { type?: string };
  const code = status ?? statusCode;
  if (typeof code !== 'number' || code < 400 || code >= 500) return null;
  if (type === 'entity.too.large') return new ApiError(413, 'The request body is larger than allowed.');
  if (type === 'entity.parse.failed') return new ApiError(400, 'The request body is not valid JSON.');
  if (type === 'encoding.unsupported') return new ApiError(415, 'Unsupported Content-Encoding: send identity, gzip, deflate or br.');
  if (type === 'charset.unsupported') return new ApiError(415, 'Unsupported charset: send UTF-8.');
  if (error instanceof URIError || (error as Error).message?.startsWith('Failed to decode param')) return new ApiError(400, 'The request path is not valid percent-encoding.');
  return new ApiError(code, code === 413 ? 'The request is larger than allowed.' : 'The request could not be read.');
}
