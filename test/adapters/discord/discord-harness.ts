import { type DiscordAdapter, startDiscordAdapter } from '../../../adapters/discord/index.js';
import { CoopClient } from '../../../src/coop/client/coop-client.js';
import type { RunningCoopServer } from '../../../src/coop-server/start-coop-server.js';
import type { ChatContext } from '../../../src/core/chat-context.js';
import { type Core, createCore } from '../../../src/core/create-core.js';
import { createLogger } from '../../../src/log/logger.js';
import { openStore } from '../../../src/store/open-store.js';
import type { Store } from '../../../src/store/store.js';
import { startTestCoopServer } from '../../helpers/coop-server.js';
import { type FakeDiscord, type RecordedCall, startFakeDiscord } from '../../helpers/fake-discord.js';
import { type SlashOption, slashCommand } from '../../helpers/fake-discord-interactions.js';
import {
  APP_ID,
  CHANNEL_ID,
  type FakeUser,
  GUILD_ID,
  type Json,
  messageCreate,
} from '../../helpers/fake-discord-world.js';

/** A token shaped like Discord's; tests check it never reaches a log line. */
export const FAKE_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.fake.bot-token-that-must-not-be-logged';

export interface DiscordHarness {
  fake: FakeDiscord;
  adapter: DiscordAdapter;
  core: Core;
  store: Store;
  coop: RunningCoopServer;
  /** Every log line of bot, core and store (JSON), for "never logged" checks. */
  logs: string[];
  /** Links a Discord user of the guild to a Co-op login, as the login modal would. */
  link(user: FakeUser, email: string): Promise<void>;
  /** Types `content` in #general (or a DM); resolves to the index of the next recorded call. */
  say(user: FakeUser, content: string, options?: { mentions?: FakeUser[]; dmChannelId?: string }): number;
  /** Sends `/coop <sub>`; resolves to the index of the next recorded call and the interaction. */
  slash(user: FakeUser, sub: string, options?: SlashOption[]): { from: number; interaction: Json };
  /** The bot's next message (in a channel or DM) after call index `from`. */
  nextMessage(from: number): Promise<RecordedCall>;
  close(): Promise<void>;
}

export function guildContext(user: FakeUser): ChatContext {
  return {
    platform: 'discord',
    workspace: GUILD_ID,
    channel: CHANNEL_ID,
    user: { id: user.id, displayName: user.globalName ?? user.username },
    private: false,
  };
}

export async function startDiscordHarness(
  options: { deferAfterMs?: number; heartbeatIntervalMs?: number } = {},
): Promise<DiscordHarness> {
  const logs: string[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => logs.push(line) } });
  const coop = await startTestCoopServer({ seed: 'demo' });
  const store = await openStore({ url: 'sqlite::memory:', logger, env: {} });
  const coopClient = new CoopClient({ baseUrl: coop.url, format: 'json', retries: 0, logger });
  const core = createCore({ store, coop: coopClient, logger });
  const fake = await startFakeDiscord(
    options.heartbeatIntervalMs ? { heartbeatIntervalMs: options.heartbeatIntervalMs } : {},
  );
  const adapter = await startDiscordAdapter({
    core,
    logger,
    token: FAKE_TOKEN,
    appId: APP_ID,
    apiUrl: fake.apiUrl,
    rest: { retries: 0, timeout: 5000 },
    deferAfterMs: options.deferAfterMs ?? 2000,
  });
  const isBotMessage = (c: RecordedCall) => c.method === 'POST' && /^\/channels\/\d+\/messages$/.test(c.path);
  return {
    fake,
    adapter,
    core,
    store,
    coop,
    logs,
    async link(user, email) {
      const reply = await core.completeLogin(guildContext(user), email, 'fawlty');
      if (reply.kind === 'error') throw new Error(reply.message);
    },
    say(user, content, sayOptions = {}) {
      const from = fake.calls.length;
      fake.dispatch('MESSAGE_CREATE', messageCreate(user, content, sayOptions));
      return from;
    },
    slash(user, sub, slashOptions = []) {
      const from = fake.calls.length;
      const interaction = slashCommand(user, sub, slashOptions);
      fake.dispatch('INTERACTION_CREATE', interaction);
      return { from, interaction };
    },
    nextMessage: (from) => fake.waitForCall(isBotMessage, { from }),
    async close() {
      await adapter.stop();
      await fake.close();
      await coopClient.close();
      await store.close();
      await coop.close();
    },
  };
}

/** The text a recorded message body shows: its content and every embed's text, for matching. */
export function shownText(body: unknown): string {
  const b = (body ?? {}) as {
    content?: string;
    embeds?: Json[];
    data?: { content?: string; embeds?: Json[] };
  };
  const content = b.content ?? b.data?.content ?? '';
  const embeds = b.embeds ?? b.data?.embeds ?? [];
  return [content, ...embeds.map((e) => JSON.stringify(e))].join('\n');
}
