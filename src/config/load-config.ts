import { z } from 'zod';

/** Every setting the bot reads, with its default. `.env.example` documents the same list. */
const seconds = (fallback: number, min: number) =>
  z.coerce.number().int().min(min, `must be at least ${min} seconds`).default(fallback);

const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
    .transform((v) => v === 'true' || v === '1' || v === 'yes')
    .default(fallback);

const url = z.url({ message: 'must be a URL such as http://127.0.0.1:4567' });

const schema = z.object({
  COOP_URL: url.optional(),
  COOP_FORMAT: z.enum(['json', 'xml'], { message: 'must be json or xml' }).default('json'),
  COOP_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().min(1).optional(),
  COOP_BRIDGE_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  POLL_INTERVAL: seconds(30, 5),
  FEED_MAX_FAILURES: z.coerce.number().int().min(1).default(10),
  FEED_REMOVE_DELETED: flag(true),
  INSTANCE_ID: z.string().min(1).max(64).optional(),
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'must be a bot token starting with xoxb-').optional(),
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_APP_TOKEN: z
    .string()
    .startsWith('xapp-', 'must be an app-level token starting with xapp-')
    .optional(),
  SLACK_API_URL: url.optional(),
  SLACK_CONFIRM_POSTS: flag(true),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DISCORD_TOKEN: z.string().min(1).optional(),
  DISCORD_APP_ID: z.string().regex(/^\d+$/, 'must be the numeric application id').optional(),
  DISCORD_PREFIX: z.string().min(1).max(5).default('!'),
  DISCORD_API_URL: url.optional(),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = 'config_invalid';
  constructor(readonly problems: readonly string[]) {
    super(
      `The configuration has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
}

/** Settings that only make sense together; reported with the rest, all at once. */
function crossChecks(config: Config): string[] {
  const problems: string[] = [];
  if (config.SLACK_BOT_TOKEN && !config.SLACK_SIGNING_SECRET && !config.SLACK_APP_TOKEN) {
    problems.push(
      'SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN in HTTP mode (or set SLACK_APP_TOKEN)',
    );
  }
  if ((config.SLACK_SIGNING_SECRET || config.SLACK_APP_TOKEN) && !config.SLACK_BOT_TOKEN) {
    problems.push('SLACK_BOT_TOKEN: required when other SLACK_ settings are set');
  }
  if (config.DISCORD_TOKEN && !config.DISCORD_APP_ID) {
    problems.push(
      'DISCORD_APP_ID: required with DISCORD_TOKEN (the application id from the developer portal)',
    );
  }
  return problems;
}

/** Reads and validates the environment; every problem is reported at once, each naming its variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(problems);
  }
  const problems = crossChecks(parsed.data);
  if (problems.length > 0) throw new ConfigError(problems);
  return parsed.data;
}
