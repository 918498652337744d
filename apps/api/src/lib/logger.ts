import { pino, type Logger } from 'pino';

/**
 * Structured JSON logs. Nothing in the request path logs headers or bodies, and redaction is a
 * second line of defence in case a future log call passes one: API keys and secrets never reach
 * the log.
 */
export const REDACT_PATHS = [
  'authorization',
  'Authorization',
  '*.authorization',
  '*.Authorization',
  'headers.authorization',
  '*.headers.authorization',
  'req.headers.authorization',
  'apiKey',
  '*.apiKey',
  'secret',
  '*.secret',
  'key',
  '*.key',
  'password',
  '*.password',
  'seed',
  '*.seed',
];

export function createLogger(opts: { level?: string; service?: string; destination?: pino.DestinationStream } = {}): Logger {
  const options = { level: opts.level ?? 'info', base: { service: opts.service ?? 'fiscus-api' }, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
  return opts.destination ? pino(options, opts.destination) : pino(options);
}

export const silentLogger = (): Logger => pino({ level: 'silent' });
