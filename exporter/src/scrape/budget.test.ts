import { scrapeBudgetSeconds } from './budget';

const settings = { default_budget_seconds: 5, timeout_offset_seconds: 0.5 };

test('the budget is the scrape timeout minus the offset, the default without a usable header, never below half the timeout', () => {
  expect(scrapeBudgetSeconds('10', settings)).toBe(9.5);
  expect(scrapeBudgetSeconds('2.5', settings)).toBe(2);
  expect(scrapeBudgetSeconds(undefined, settings)).toBe(5);
  expect(scrapeBudgetSeconds('soon', settings)).toBe(5);
  expect(scrapeBudgetSeconds('0', settings)).toBe(5);
  expect(scrapeBudgetSeconds('0.6', settings)).toBe(0.3);
});
