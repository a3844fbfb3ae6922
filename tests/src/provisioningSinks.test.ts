// The demo sinks (dashboards/src/sinks/demoSinks.ts) run for real here and are sent requests shaped like the ones
// Grafana's contact points send. No Grafana runs on our machines, so whether Grafana would count each answer as
// delivered is decided by MODELS of grafana/alerting's checks, written from its source (cited per model):
// - Slack: grafana/alerting receivers/slack/v1/slack.go, errorForStatusCode + sendSlackMessage +
//   handleSlackMessageJSONResponse / handleSlackIncomingWebhookResponse.
// - SNS: grafana/alerting receivers/sns/v1/sns.go calls aws-sdk-go's sns.Publish; aws-sdk-go
//   private/protocol/query/unmarshal.go decodes the XML from the <PublishResult> element (2xx only; errors go
//   through the ErrorResponse decoder).
// - Webhook (SMS gateway, escalation): grafana/alerting's webhook sender succeeds on resp.StatusCode/100 == 2.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { parse } from 'yaml';
import { GRAFANA_PROVISIONING_DIR, NOTIFICATION_ENV_DEFAULTS, REPO_ROOT, startDemoSinks } from '@alphapulse/dashboards';

type Json = Record<string, any>;

/** Model of slack.go sendSlackMessage: the error Grafana would record, or null for delivered. */
function slackDeliveryError(status: number, contentType: string, body: string): string | null {
  if (status < 200) return `unexpected 1xx status code: ${status}`;
  if (status >= 300 && status < 400) return `unexpected 3xx status code: ${status}`;
  if (status >= 500) return `unexpected 5xx status code: ${status}`;
  if (contentType.startsWith('application/json')) {
    if (body.length === 0) return 'unexpected empty response';
    let result: { ok?: boolean; error?: string };
    try {
      result = JSON.parse(body);
    } catch (error) {
      return `failed to unmarshal response: ${(error as Error).message}`;
    }
    return result.ok === true ? null : `failed to send request: ${result.error ?? ''}`;
  }
  return body === 'ok' ? null : `failed incoming webhook: ${body}`;
}

/** Model of aws-sdk-go's query-protocol Publish: the MessageId Grafana logs, or the error it records. */
function snsPublishResult(status: number, body: string): { messageId?: string; error?: string } {
  const document = new new JSDOM('').window.DOMParser().parseFromString(body, 'text/xml');
  if (status < 200 || status >= 300) {
    return { error: document.getElementsByTagName('Code')[0]?.textContent ?? `status ${status}` };
  }
  if (document.getElementsByTagName('parsererror').length > 0) return { error: 'SerializationError: failed decoding Query response' };
  const result = document.getElementsByTagName('PublishResult')[0];
  if (!result) return { error: 'SerializationError: no PublishResult element' };
  return { messageId: result.getElementsByTagName('MessageId')[0]?.textContent ?? undefined };
}

/** Model of grafana/alerting's webhook sender: any 2xx is delivered. */
function webhookDelivered(status: number): boolean {
  return Math.floor(status / 100) === 2;
}

/** A Slack message as slack.go's slackMessage struct marshals it. */
const slackMessage = {
  channel: '#alphapulse-oncall',
  username: 'AlphaPulse',
  attachments: [
    { title: '[FIRING:1] ServiceDown pattern_storage', title_link: 'http://localhost:3000/alerting/list', text: 'pattern_storage is down', fallback: '[FIRING:1] ServiceDown', footer: 'Grafana v12.4.10', footer_icon: 'https://grafana.com/static/assets/img/fav32.png', color: '#D63232', ts: 1764626400 },
  ],
};

/** An SNS Publish as aws-sdk-go's query serializer writes it (form fields, MessageAttributes.entry.N). */
function snsPublishForm(): URLSearchParams {
  return new URLSearchParams({
    Action: 'Publish',
    Version: '2010-03-31',
    TopicArn: 'arn:aws:sns:eu-west-1:000000000000:alphapulse-critical',
    Message: 'CRITICAL ServiceDown pattern_storage',
    Subject: '[FIRING:1] ServiceDown',
    'MessageAttributes.entry.1.Name': 'truncated',
    'MessageAttributes.entry.1.Value.DataType': 'String',
    'MessageAttributes.entry.1.Value.StringValue': 'true',
  });
}

/** Grafana's webhook payload (the fields the page shows; the real one has more). */
const webhookPayload = { receiver: 'alphapulse-critical-pager', status: 'firing', title: '[FIRING:1] ServiceDown', message: 'CRITICAL ServiceDown pattern_storage', alerts: [{ status: 'firing', labels: { alertname: 'ServiceDown' } }] };

describe('demo sinks answer as the real services do', () => {
  let sinks: Awaited<ReturnType<typeof startDemoSinks>>;
  let base: string;
  beforeAll(async () => {
    sinks = await startDemoSinks(0, '127.0.0.1', { webhookToken: 'sms-token' });
    base = `http://127.0.0.1:${sinks.port}`;
  });
  afterAll(() => sinks.close());
  beforeEach(() => fetch(`${base}/received`, { method: 'DELETE' }));

  async function post(path: string, body: string, headers: Record<string, string>) {
    const response = await fetch(`${base}${path}`, { method: 'POST', body, headers });
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: await response.text(), headers: response.headers };
  }

  test('Slack incoming webhook (no token, as our contact points are provisioned): the plain body "ok"', async () => {
    const answer = await post('/slack', JSON.stringify(slackMessage), { 'Content-Type': 'application/json; charset=utf-8', 'User-Agent': 'Grafana' });
    expect(answer.body).toBe('ok');
    expect(slackDeliveryError(answer.status, answer.contentType, answer.body)).toBeNull();
  });

  test('Slack chat.postMessage (Bearer token): JSON with ok true, and the ts/channel slack.go reads back', async () => {
    const answer = await post('/slack/api/chat.postMessage', JSON.stringify(slackMessage), { 'Content-Type': 'application/json; charset=utf-8', Authorization: 'Bearer xoxb-demo' });
    expect(slackDeliveryError(answer.status, answer.contentType, answer.body)).toBeNull();
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true, channel: '#alphapulse-oncall', ts: expect.stringMatching(/^\d+\.\d{6}$/) });
  });

  test('the Slack model does reject what the old echo container answered (JSON echo without ok)', () => {
    expect(slackDeliveryError(200, 'application/json; charset=utf-8', JSON.stringify({ path: '/slack', method: 'POST' }))).toBe('failed to send request: ');
    expect(slackDeliveryError(200, 'text/html', '<html>')).toBe('failed incoming webhook: <html>');
  });

  test('SNS Publish: XML PublishResponse with a MessageId in PublishResult, and a request id header', async () => {
    const answer = await post('/sns/', snsPublishForm().toString(), { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8', Authorization: 'AWS4-HMAC-SHA256 Credential=local/20261201/eu-west-1/sns/aws4_request' });
    expect(answer.status).toBe(200);
    expect(snsPublishResult(answer.status, answer.body)).toEqual({ messageId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(answer.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('SNS: another action is an ErrorResponse the SDK turns into an error', async () => {
    const answer = await post('/sns', 'Action=ListTopics&Version=2010-03-31', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(snsPublishResult(answer.status, answer.body)).toEqual({ error: 'InvalidAction' });
    expect(snsPublishResult(200, JSON.stringify({ echoed: true }))).toEqual({ error: expect.stringMatching(/SerializationError/) });
  });

  test('SMS gateway and escalation webhooks: 2xx with the right Bearer token, 401 without', async () => {
    const headers = { 'Content-Type': 'application/json' };
    expect(webhookDelivered((await post('/sms', JSON.stringify(webhookPayload), { ...headers, Authorization: 'Bearer sms-token' })).status)).toBe(true);
    expect(webhookDelivered((await post('/escalation', JSON.stringify(webhookPayload), { ...headers, Authorization: 'Bearer sms-token' })).status)).toBe(true);
    expect((await post('/sms', JSON.stringify(webhookPayload), { ...headers, Authorization: 'Bearer wrong' })).status).toBe(401);
  });

  test('what arrived is listed as JSON and on the page, with the answer given', async () => {
    await post('/slack', JSON.stringify(slackMessage), { 'Content-Type': 'application/json' });
    await post('/sns', snsPublishForm().toString(), { 'Content-Type': 'application/x-www-form-urlencoded' });
    await post('/sms', JSON.stringify(webhookPayload), { 'Content-Type': 'application/json', Authorization: 'Bearer sms-token' });
    const { received } = (await (await fetch(`${base}/received`)).json()) as { received: Json[] };
    expect(received.map((item) => [item.sink, item.answeredStatus, item.summary])).toEqual([
      ['slack', 200, '#alphapulse-oncall [FIRING:1] ServiceDown pattern_storage'],
      ['sns', 200, '[FIRING:1] ServiceDown: CRITICAL ServiceDown pattern_storage'],
      ['sms', 202, 'firing [FIRING:1] ServiceDown'],
    ]);
    expect(received[1].body).toMatchObject({ TopicArn: 'arn:aws:sns:eu-west-1:000000000000:alphapulse-critical', MessageAttributes: { truncated: 'true' } });
    const page = await (await fetch(`${base}/`)).text();
    expect(page).toContain('AlphaPulse demo sinks');
    expect(page).toContain('[FIRING:1] ServiceDown pattern_storage');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/nowhere`, { method: 'POST' })).status).toBe(404);
  });
});

describe('the stack delivers to the sinks', () => {
  const compose = parse(readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true });
  const envExample = readFileSync(join(REPO_ROOT, '.env.example'), 'utf8');
  const contactPoints = parse(readFileSync(join(GRAFANA_PROVISIONING_DIR, 'alerting', 'contact-points.yaml'), 'utf8')).contactPoints as Json[];
  const env = (name: string) => new RegExp(`^${name}=(.*)$`, 'm').exec(envExample)?.[1];

  test('compose runs our sinks (no echo container) on the port npm start expects', () => {
    expect(compose.services['webhook-catcher']).toBeUndefined();
    const sinks = compose.services.sinks;
    expect(sinks.command).toEqual(['npx', 'tsx', 'dashboards/src/cli/sinks.ts']);
    expect(sinks.environment).toMatchObject({ SINKS_HOST: '0.0.0.0', SINKS_PORT: '8080', SMS_WEBHOOK_TOKEN: '${SMS_WEBHOOK_TOKEN}' });
    expect(sinks.ports).toEqual(['127.0.0.1:8081:8080']);
    expect(new URL(NOTIFICATION_ENV_DEFAULTS.SLACK_WEBHOOK_URL).port).toBe('8081');
  });

  test('.env.example points every Slack / SNS / SMS / escalation URL at the sinks', () => {
    expect(env('SLACK_WEBHOOK_URL')).toBe('http://sinks:8080/slack');
    expect(env('AWS_SNS_API_URL')).toBe('http://sinks:8080/sns');
    expect(env('SMS_WEBHOOK_URL')).toBe('http://sinks:8080/sms');
    expect(env('ESCALATION_WEBHOOK_URL')).toBe('http://sinks:8080/escalation');
  });

  test('the contact points use those variables, Slack as an incoming webhook (no token) and webhooks with the token', () => {
    const receivers = contactPoints.flatMap((point) => point.receivers as Json[]);
    for (const slack of receivers.filter((receiver) => receiver.type === 'slack')) {
      expect(slack.settings.url).toBe('${SLACK_WEBHOOK_URL}');
      expect(slack.settings.token).toBeUndefined();
    }
    expect(receivers.find((receiver) => receiver.type === 'sns')!.settings.api_url).toBe('${AWS_SNS_API_URL}');
    for (const webhook of receivers.filter((receiver) => receiver.type === 'webhook')) {
      expect(webhook.settings.authorization_credentials).toBe('${SMS_WEBHOOK_TOKEN}');
    }
  });
});
