// Demo notification sinks: answer Grafana's Slack, Amazon SNS and webhook (SMS gateway, escalation) contact points
// the way the real services do, so Grafana records every delivery as sent instead of failed-and-retried, and keep
// what arrived for people to look at (GET / as a page, GET /received as JSON).
//
// What each answer must look like was read from grafana/alerting (tests/src/provisioningSinks.test.ts pins it):
// - receivers/slack/v1/slack.go sendSlackMessage: a 1xx/3xx/5xx status fails; a Content-Type starting with
//   application/json must carry {"ok": true} (chat.postMessage; `ts` and `channel` are read too), any other
//   Content-Type must be the exact body "ok" (incoming webhooks). A token (Bearer) means the chat API.
// - receivers/sns/v1/sns.go: aws-sdk-go's sns.Publish, query protocol (form-encoded Action=Publish); the answer is
//   decoded as XML from the <PublishResult> element (aws-sdk-go private/protocol/query/unmarshal.go), request id
//   from the X-Amzn-Requestid header.
// - webhook receiver (receivers/webhook, sent through the notifications webhook client): any 2xx succeeds.
import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';

export type SinkKind = 'slack' | 'sns' | 'sms' | 'escalation';

export interface ReceivedNotification {
  id: string;
  at: string;
  sink: SinkKind;
  path: string;
  /** One line for the page: title and text, subject and message, or the webhook title. */
  summary: string;
  /** The parsed body (JSON, or the form fields of an SNS call). */
  body: unknown;
  /** The answer the sink gave, to show why Grafana counted it as delivered (or not). */
  answeredStatus: number;
}

export interface SinkAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface DemoSinksOptions {
  /** Bearer token the SMS gateway and escalation webhooks must send (SMS_WEBHOOK_TOKEN); unset: any. */
  webhookToken?: string;
  /** How many notifications to keep (oldest dropped first). */
  keep?: number;
}

// ---------------------------------------------------------------------------------------------------------
// Pure answers, one per service.

/** Slack: chat.postMessage (Bearer token) answers JSON {"ok": true, channel, ts}; an incoming webhook answers "ok". */
export function slackAnswer(authorization: string | undefined, message: { channel?: string } | undefined, now = Date.now()): SinkAnswer {
  if (authorization?.startsWith('Bearer ')) {
    const ts = `${Math.floor(now / 1000)}.${String(now % 1000).padStart(3, '0')}000`;
    return {
      status: 200,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ ok: true, channel: message?.channel || 'C0ALPHAPULSE', ts, message: { ts } }),
    };
  }
  return { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'ok' };
}

const SNS_XMLNS = 'http://sns.amazonaws.com/doc/2010-03-31/';

function xmlEscape(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char]!);
}

/** Amazon SNS query API: Publish answers the PublishResponse XML; anything else an ErrorResponse. */
export function snsAnswer(form: URLSearchParams, requestId = randomUUID(), messageId = randomUUID()): SinkAnswer {
  const headers = { 'Content-Type': 'text/xml', 'x-amzn-RequestId': requestId };
  const action = form.get('Action');
  if (action !== 'Publish') {
    return {
      status: 400,
      headers,
      body: `<ErrorResponse xmlns="${SNS_XMLNS}"><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>${xmlEscape(
        `The demo sink only implements Publish, not ${action ?? '(none)'}`,
      )}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
    };
  }
  if (!form.get('Message') || !(form.get('TopicArn') || form.get('TargetArn') || form.get('PhoneNumber'))) {
    return {
      status: 400,
      headers,
      body: `<ErrorResponse xmlns="${SNS_XMLNS}"><Error><Type>Sender</Type><Code>InvalidParameter</Code><Message>Message and one of TopicArn, TargetArn, PhoneNumber are required</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
    };
  }
  const sequence = form.get('TopicArn')?.endsWith('.fifo') ? `<SequenceNumber>${Date.now()}</SequenceNumber>` : '';
  return {
    status: 200,
    headers,
    body: `<PublishResponse xmlns="${SNS_XMLNS}"><PublishResult><MessageId>${messageId}</MessageId>${sequence}</PublishResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></PublishResponse>`,
  };
}

/** SMS gateway / escalation webhook: 2xx with a queued id when the Bearer token matches (or none is required). */
export function webhookAnswer(authorization: string | undefined, token: string | undefined, id = randomUUID()): SinkAnswer {
  const json = { 'Content-Type': 'application/json; charset=utf-8' };
  if (token && authorization !== `Bearer ${token}`) {
    return { status: 401, headers: json, body: JSON.stringify({ error: 'a valid bearer token is required' }) };
  }
  return { status: 202, headers: json, body: JSON.stringify({ status: 'queued', id }) };
}

/** SNS form fields as one object, MessageAttributes.entry.N.* folded into a name → value map. */
export function snsFields(form: URLSearchParams): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const attributes: Record<string, string> = {};
  const names: Record<string, string> = {};
  for (const [key, value] of form) {
    const entry = /^MessageAttributes\.entry\.(\d+)\.(Name|Value\.StringValue)$/.exec(key);
    if (!entry) fields[key] = value;
    else if (entry[2] === 'Name') names[entry[1]] = value;
    else attributes[entry[1]] = value;
  }
  const byName = Object.fromEntries(Object.entries(names).map(([index, name]) => [name, attributes[index]]));
  if (Object.keys(byName).length > 0) fields.MessageAttributes = byName;
  return fields;
}

export function summarize(sink: SinkKind, body: unknown): string {
  const record = (body ?? {}) as Record<string, any>;
  switch (sink) {
    case 'slack': {
      const attachment = record.attachments?.[0] ?? {};
      return [record.channel, attachment.title ?? record.text].filter(Boolean).join(' ');
    }
    case 'sns':
      return [record.Subject, record.Message].filter(Boolean).join(': ');
    default:
      return [record.status, record.title ?? record.message].filter(Boolean).join(' ');
  }
}

/** Which sink a path belongs to: /slack…, /sns…, /sms…, /escalation…. */
export function sinkOf(path: string): SinkKind | undefined {
  const first = path.split('/')[1];
  return (['slack', 'sns', 'sms', 'escalation'] as const).find((kind) => kind === first);
}

// ---------------------------------------------------------------------------------------------------------
// The page.

export function receivedPage(received: ReceivedNotification[]): string {
  const rows = received
    .slice()
    .reverse()
    .map(
      (item) =>
        `<tr><td>${xmlEscape(item.at)}</td><td>${item.sink}</td><td>${item.answeredStatus}</td><td>${xmlEscape(item.summary)}</td><td><details><summary>body</summary><pre>${xmlEscape(
          JSON.stringify(item.body, null, 2),
        )}</pre></details></td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html><head><meta charset="utf-8"><meta http-equiv="refresh" content="10"><title>AlphaPulse demo sinks</title>
<style>body{font-family:sans-serif;margin:2rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ccc;padding:.3rem;text-align:left;vertical-align:top}pre{white-space:pre-wrap;max-width:60rem}</style>
</head><body>
<h1>AlphaPulse demo sinks</h1>
<p>What Grafana's Slack, SNS and SMS-gateway contact points delivered (newest first, ${received.length} kept). JSON: <a href="/received">/received</a>.</p>
<table><thead><tr><th>received</th><th>sink</th><th>answered</th><th>summary</th><th></th></tr></thead><tbody>
${rows || '<tr><td colspan="5">nothing yet</td></tr>'}
</tbody></table></body></html>
`;
}

// ---------------------------------------------------------------------------------------------------------
// The server.

const MAX_BODY_BYTES = 1024 * 1024;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function send(response: ServerResponse, answer: SinkAnswer): void {
  response.writeHead(answer.status, answer.headers);
  response.end(answer.body);
}

export interface DemoSinks {
  server: Server;
  received: ReceivedNotification[];
}

export function createDemoSinks(options: DemoSinksOptions = {}): DemoSinks {
  const keep = options.keep ?? 500;
  const received: ReceivedNotification[] = [];
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://sinks');
    const path = url.pathname;
    try {
      if (request.method === 'GET' && path === '/healthz') return send(response, { status: 200, headers: { 'Content-Type': 'text/plain' }, body: 'ok' });
      if (request.method === 'GET' && path === '/received') {
        return send(response, { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify({ received }) });
      }
      if (request.method === 'DELETE' && path === '/received') {
        received.length = 0;
        return send(response, { status: 204, headers: {}, body: '' });
      }
      if (request.method === 'GET' && path === '/') return send(response, { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: receivedPage(received) });

      const sink = sinkOf(path);
      if (request.method !== 'POST' || !sink) {
        return send(response, { status: 404, headers: { 'Content-Type': 'text/plain' }, body: 'not a sink: POST /slack, /sns, /sms or /escalation' });
      }
      const text = await readBody(request);
      let body: unknown;
      let answer: SinkAnswer;
      if (sink === 'sns') {
        const form = new URLSearchParams(text);
        body = snsFields(form);
        answer = snsAnswer(form);
      } else if (sink === 'slack') {
        body = parseJson(text);
        answer = slackAnswer(request.headers.authorization, body as { channel?: string });
      } else {
        body = parseJson(text);
        answer = webhookAnswer(request.headers.authorization, options.webhookToken);
      }
      received.push({ id: randomUUID(), at: new Date().toISOString(), sink, path, summary: summarize(sink, body), body, answeredStatus: answer.status });
      if (received.length > keep) received.splice(0, received.length - keep);
      return send(response, answer);
    } catch (error) {
      return send(response, { status: 400, headers: { 'Content-Type': 'text/plain' }, body: (error as Error).message });
    }
  });
  return { server, received };
}

/** Starts the sinks and resolves once they listen; `close` stops them. */
export async function startDemoSinks(port: number, host: string, options: DemoSinksOptions = {}): Promise<DemoSinks & { port: number; close: () => Promise<void> }> {
  const sinks = createDemoSinks(options);
  await new Promise<void>((resolve, reject) => {
    sinks.server.once('error', reject);
    sinks.server.listen(port, host, resolve);
  });
  const address = sinks.server.address();
  return {
    ...sinks,
    port: typeof address === 'object' && address ? address.port : port,
    close: () => new Promise<void>((resolve) => sinks.server.close(() => resolve())),
  };
}
