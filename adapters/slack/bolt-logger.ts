import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../src/log/logger.js';

/**
 * Bolt, its Web API client and its Socket Mode client write through our pino logger (and so its
 * redaction), except their debug lines, which are dropped at any level: they carry whole payloads
 * (Socket Mode logs every message it receives, login modal submissions included, passwords and all).
 */
export function boltLogger(logger: Logger): BoltLogger {
  const write =
    (level: 'info' | 'warn' | 'error') =>
    (...parts: unknown[]): void => {
      if (!logger.isLevelEnabled(level)) return;
      const err = parts.find((p): p is Error => p instanceof Error);
      const text = parts
        .filter((p) => !(p instanceof Error))
        .map((p) => (typeof p === 'string' ? p : safeJson(p)))
        .join(' ');
      logger[level](err ? { err } : {}, text);
    };
  return {
    debug: () => {},
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    // The level is the app's LOG_LEVEL; Bolt does not get to change it.
    setLevel: () => {},
    getLevel: () => boltLevel(logger.level),
    setName: () => {},
  };
}

/** Never DEBUG: Bolt would prepare debug output only for it to be dropped. */
function boltLevel(level: string): LogLevel {
  if (level === 'trace' || level === 'debug' || level === 'info') return LogLevel.INFO;
  if (level === 'warn') return LogLevel.WARN;
  return LogLevel.ERROR;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
