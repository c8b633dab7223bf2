import pino, { type Logger } from 'pino';

/** JSON logs on stdout; one logger per process, children per request. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'kommunalgraph' } });
}

export type { Logger };
