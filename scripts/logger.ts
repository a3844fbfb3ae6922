// JSON logs (pino) for machines; pretty ones when a person watches a terminal.
import pino, { type Logger } from 'pino';

export function createLogger(): Logger {
  const level = process.env.LOG_LEVEL ?? 'info';
  if (process.stdout.isTTY && process.env.LOG_FORMAT !== 'json') {
    return pino({ level, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } });
  }
  // Synchronous writes keep log lines and the start summary on stdout in the order they happened.
  return pino({ level }, pino.destination({ sync: true }));
}
