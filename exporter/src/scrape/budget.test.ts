import { MAX_BUDGET_SECONDS, scrapeBudgetSeconds } from './budget';

const settings = { default_budget_seconds: 5, timeout_offset_seconds: 0.5 };

test('the budget is the scrape timeout minus the offset, the default without a usable header, never below half the timeout', () => {
  expect(scrapeBudgetSeconds('10', settings)).toBe(9.5);
  expect(scrapeBudgetSeconds('2.5', settings)).toBe(2);
  expect(scrapeBudgetSeconds(undefined, settings)).toBe(5);
  expect(scrapeBudgetSeconds('soon', settings)).toBe(5);
  expect(scrapeBudgetSeconds('0', settings)).toBe(5);
  expect(scrapeBudgetSeconds('0.6', settings)).toBe(0.3);
});

test('issue #9 (6): a huge header is clamped, never past what setTimeout can hold (it fires at once beyond 2^31−1 ms)', () => {
  for (const header of ['3000000', '1e12', '2147484']) {
    const budget = scrapeBudgetSeconds(header, settings);
    expect(budget).toBe(MAX_BUDGET_SECONDS);
    expect(budget * 1000).toBeLessThan(2 ** 31 - 1);
  }
  expect(scrapeBudgetSeconds('-5', settings)).toBe(5);
  expect(scrapeBudgetSeconds('NaN', settings)).toBe(5);
  expect(scrapeBudgetSeconds('Infinity', settings)).toBe(5);
  expect(scrapeBudgetSeconds('', settings)).toBe(5);
});
