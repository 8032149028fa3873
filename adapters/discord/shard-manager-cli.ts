import path from 'node:path';
import { parseArgs } from 'node:util';
import { ShardingManager } from 'discord.js';
import { ConfigError, loadConfig } from '../../src/config/load-config.js';

/**
 * `npm run discord:shards -- --shards 4`: Discord beyond one process, the discord.js way. A
 * ShardingManager forks `src/main.ts` once per shard; discord.js hands each its shard ids through
 * the environment (SHARDS, SHARD_COUNT), which the Discord client reads by itself. Shard processes
 * run without Slack (one process per bot serves Slack) and share the store, so their relays split
 * the feeds through the store's leases: use PostgreSQL (DATABASE_URL) for several processes.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      shards: { type: 'string', default: 'auto' },
      // Discord lets a bot identify one shard per 5 s unless its max_concurrency says more.
      'spawn-delay-ms': { type: 'string', default: '5500' },
    },
  });
  const config = loadConfig();
  if (!config.DISCORD_TOKEN) throw new ConfigError(['DISCORD_TOKEN: required to start Discord shards']);
  const totalShards = values.shards === 'auto' ? 'auto' : Number(values.shards);
  if (totalShards !== 'auto' && (!Number.isInteger(totalShards) || totalShards < 1)) {
    throw new ConfigError([
      '--shards: a whole number of shards, or auto (Discord recommends one per 1,000 servers)',
    ]);
  }
  const manager = new ShardingManager(path.resolve(import.meta.dirname, '../../src/main.ts'), {
    token: config.DISCORD_TOKEN,
    totalShards,
    execArgv: ['--import', 'tsx'],
    // Each shard is a full bot process minus Slack; the parent keeps no state of its own.
    shardArgs: [],
    respawn: true,
  });
  for (const key of ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET']) delete process.env[key];
  manager.on('shardCreate', (shard) => console.log(`discord shard ${shard.id} started`));
  await manager.spawn({ delay: Number(values['spawn-delay-ms']) });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(error instanceof ConfigError ? 2 : 1);
});
