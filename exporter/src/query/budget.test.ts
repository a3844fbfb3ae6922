import { BusyError, DatabaseBudget } from './budget';

const tick = () => new Promise((resolve) => setImmediate(resolve));

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

test('a freed slot goes to the waiting request holding the fewest, at most perRequest each', async () => {
  const budget = new DatabaseBudget({ slots: 2, perRequest: 2, maxQueued: 100, queueTimeoutMs: 10_000 });
  const big = budget.session();
  const small = budget.session();
  const order: string[] = [];
  const gates = Array.from({ length: 6 }, gate);
  const bigReads = gates.slice(0, 5).map((g, i) => big.run(async () => (order.push(`big${i}`), g.opened)));
  await tick();
  const smallRead = small.run(async () => (order.push('small'), gates[5].opened));
  await tick();
  expect(order).toEqual(['big0', 'big1']);
  expect(budget.inFlight).toBe(2);
  gates[0].open();
  await tick();
  await tick();
  // The freed slot goes to the other request's waiting read, not to the batch's third.
  expect(order).toEqual(['big0', 'big1', 'small']);
  for (const g of gates) g.open();
  await Promise.all([...bigReads, smallRead]);
  expect(order).toHaveLength(6);
  expect(budget.inFlight).toBe(0);
  expect(budget.waiting).toBe(0);
});

test('busy: a full queue refuses at once, a long wait times out, both as 503 with Retry-After', async () => {
  const budget = new DatabaseBudget({ slots: 1, perRequest: 1, maxQueued: 1, queueTimeoutMs: 50 });
  const hold = gate();
  const holding = budget.session().run(() => hold.opened);
  const waiting = budget.session().run(async () => 'late');
  await expect(budget.session().run(async () => 'never')).rejects.toMatchObject({ status: 503, retryAfterSeconds: 1 });
  const timedOut = await waiting.catch((error: unknown) => error);
  expect(timedOut).toBeInstanceOf(BusyError);
  expect((timedOut as BusyError).message).toBe('The query API is busy (all 1 database slots in use for 0.05 s); retry in 1 s.');
  hold.open();
  await holding;
  expect(await budget.session().run(async () => 'free again')).toBe('free again');
  expect(budget.waiting).toBe(0);
});

test('a failing read gives its slot back', async () => {
  const budget = new DatabaseBudget({ slots: 1, perRequest: 1, maxQueued: 10, queueTimeoutMs: 1_000 });
  await expect(budget.session().run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  expect(budget.inFlight).toBe(0);
  expect(await budget.session().run(async () => 1)).toBe(1);
});
