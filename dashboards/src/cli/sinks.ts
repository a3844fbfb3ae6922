// `npm run sinks -w @alphapulse/dashboards`: the demo Slack / SNS / SMS-gateway sinks (docker compose's `sinks`).
// SINKS_HOST (127.0.0.1), SINKS_PORT (8081), SMS_WEBHOOK_TOKEN (the Bearer token the webhooks must send).
import { startDemoSinks } from '../sinks/demoSinks';

async function main(): Promise<void> {
  const host = process.env.SINKS_HOST ?? '127.0.0.1';
  const port = Number(process.env.SINKS_PORT ?? 8081);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`SINKS_PORT must be a port number, not ${process.env.SINKS_PORT}`);
  const sinks = await startDemoSinks(port, host, { webhookToken: process.env.SMS_WEBHOOK_TOKEN || undefined });
  console.log(`demo sinks on http://${host}:${sinks.port}: POST /slack, /sns, /sms, /escalation; what arrived: GET / and GET /received`);
  const stop = () => void sinks.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: Error) => {
  console.error(`sinks failed: ${err.message}`);
  process.exit(1);
});
