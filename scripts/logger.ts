// JSON logs (pino) for machines; pretty ones when a person watches a terminal.
import pino, { type Logger } from 'pino';

export function createLogger(): Logger {
  const level = process.env.LOG_LEVEL ?? 'info';
  if (process.stdout.isTTY && process.env.LOG_FORMAT !== 'json') {
    return pino({ level, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } });
  }
  return pino({ level });
}
