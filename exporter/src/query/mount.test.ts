import { queryApiRouters } from './mount';

const logger = { info: jest.fn(), warn: jest.fn(), error: jest.fn() };

test('no database configured: no query API, and a warning saying how to enable it', () => {
  expect(queryApiRouters(logger, {})).toEqual([]);
  expect(logger.warn).toHaveBeenCalledWith({}, expect.stringMatching(/DATABASE_URL/));
});

test('mounted at /api/v1; a generated token is logged once', async () => {
  const routers = queryApiRouters(logger, { DATABASE_URL: 'postgres://127.0.0.1:1/none' }, { token: 'abc', generated: true });
  expect(routers).toHaveLength(1);
  expect(routers[0]).toMatchObject({ path: '/api/v1' });
  expect(logger.warn).toHaveBeenCalledWith({ apiToken: 'abc' }, expect.stringMatching(/ALPHAPULSE_API_TOKEN/));
  await (routers[0] as unknown as { router: { close(): Promise<void> } }).router.close();
});
