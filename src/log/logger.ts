import { type DestinationStream, type Logger, type LoggerOptions, pino } from 'pino';

/**
 * Paths pino blanks out wherever they appear in a log object. Secrets must never reach a log,
 * so every field name that can hold one is listed, at the top level and one or two levels down.
 */
const SECRET_KEYS = [
  'password',
  'passwd',
  'secret',
  'token',
  'key',
  'cobotKey',
  'feedKey',
  'feed_key',
  'apiKey',
  'authorization',
  'Authorization',
  'signingSecret',
  'botToken',
  'appToken',
];

export const REDACT_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((k) => `*.${k}`),
  ...SECRET_KEYS.map((k) => `*.*.${k}`),
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'res.headers["set-cookie"]',
];

export interface LoggerSettings {
  level?: string;
  /** Where JSON lines go; defaults to stdout. */
  destination?: DestinationStream;
  name?: string;
}

export function createLogger(settings: LoggerSettings = {}): Logger {
  const options: LoggerOptions = {
    name: settings.name ?? 'coop-bridge',
    level: settings.level ?? process.env.LOG_LEVEL ?? 'info',
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  };
  return settings.destination ? pino(options, settings.destination) : pino(options);
}

/** A logger that writes nothing, for tests and library defaults. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

export type { Logger };
