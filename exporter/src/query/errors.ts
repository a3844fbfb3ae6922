// Maps failures to HTTP answers with a clear message and no internals (no stack, no SQL, no driver text).
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

interface DriverError {
  code?: string;
}

const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', '57P01', '57P03', '08006', '08001', '08004', '53300']);

/** A database or programming error as an ApiError; `statementTimeoutMs` makes the 504 message concrete. */
export function toApiError(error: unknown, statementTimeoutMs: number): ApiError {
  if (error instanceof ApiError) return error;
  const code = (error as DriverError | null)?.code;
  if (code === '57014') {
    return new ApiError(504, `The query took longer than the ${statementTimeoutMs / 1000} s statement timeout and was cancelled; narrow the time range or the selection.`);
  }
  if (code === '42P01' || code === '3F000') return new ApiError(503, 'The AlphaPulse schema is not in this database yet (migrations not applied).');
  if (code && CONNECTION_ERRORS.has(code)) return new ApiError(503, 'The database is unreachable.');
  if (code === '53200' || code === '53100') return new ApiError(503, 'The database is out of resources; try again shortly.');
  if ((error as Error | null)?.message?.includes('timeout exceeded when trying to connect')) return new ApiError(503, 'The database is unreachable.');
  return new ApiError(500, 'Internal error while running the query.');
}
