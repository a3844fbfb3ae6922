import { DEFAULT_LIMITS, limitsFromEnv } from './limits';

test('limits from the environment override defaults; nonsense is refused', () => {
  expect(limitsFromEnv({ ALPHAPULSE_QUERY_MAX_ROWS: '50' }).maxRows).toBe(50);
  expect(limitsFromEnv({}).statementTimeoutMs).toBe(DEFAULT_LIMITS.statementTimeoutMs);
  expect(() => limitsFromEnv({ ALPHAPULSE_QUERY_STATEMENT_TIMEOUT_MS: '-1' })).toThrow(/ALPHAPULSE_QUERY_STATEMENT_TIMEOUT_MS/);
});
