/**
 * A relay in its own process, for the crash test: `node --import tsx test/relay/relay-child.ts '<json>'`.
 * It polls once, delivers everything, and exits. Its sink "posts" by appending a line per message
 * to a file, which plays the platform: it survives the process, and it is where the test counts.
 * It can be told to hang right before or right after a given send, so the parent can SIGKILL it
 * exactly there, or to go slowly so the parent can kill it anywhere.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { CoopClient } from '../../src/coop/client/coop-client.js';
import { silentLogger } from '../../src/log/logger.js';
import type { ChatSink, FeedPost, SendOptions } from '../../src/relay/chat-sink.js';
import { createRelay } from '../../src/relay/create-relay.js';
import { openStore } from '../../src/store/open-store.js';
import type { ChannelRef, Platform } from '../../src/store/store.js';

export interface ChildOptions {
  coopUrl: string;
  storeUrl: string;
  deliveries: string;
  /** discord: the platform dedupes by nonce. slack: the relay asks `findSent`. */
  platform: Extract<Platform, 'discord' | 'slack'>;
  maxStatusesPerMessage: number;
  hangBeforeSend?: number;
  hangAfterSend?: number;
  delayMs?: number;
}

export interface DeliveryLine {
  nonce: string;
  messageId: string;
  keys: string[];
}

class FileSink implements ChatSink {
  readonly findSent?: (channel: ChannelRef, nonce: string) => Promise<string | undefined>;
  private sent = 0;

  constructor(private readonly options: ChildOptions) {
    if (options.platform === 'slack') this.findSent = async (_channel, nonce) => this.byNonce(nonce);
  }

  get platform(): Platform {
    return this.options.platform;
  }

  get maxStatusesPerMessage(): number {
    return this.options.maxStatusesPerMessage;
  }

  async send(_channel: ChannelRef, post: FeedPost, { nonce }: SendOptions): Promise<string> {
    const n = ++this.sent;
    if (n === this.options.hangBeforeSend) await hang();
    const existing = this.options.platform === 'discord' ? this.byNonce(nonce) : undefined;
    if (existing !== undefined) return existing;
    const line: DeliveryLine = {
      nonce,
      messageId: `${process.pid}-${n}`,
      keys: post.statuses.map((s) => s.key),
    };
    appendFileSync(this.options.deliveries, `${JSON.stringify(line)}\n`);
    process.stdout.write(`SENT ${n}\n`);
    if (n === this.options.hangAfterSend) await hang();
    if (this.options.delayMs) await sleep(this.options.delayMs);
    return line.messageId;
  }

  async edit(): Promise<void> {}
  async remove(): Promise<void> {}
  async notice(): Promise<void> {}

  private byNonce(nonce: string): string | undefined {
    if (!existsSync(this.options.deliveries)) return undefined;
    const lines = readFileSync(this.options.deliveries, 'utf8').split('\n').filter(Boolean);
    return lines.map((text) => JSON.parse(text) as DeliveryLine).find((line) => line.nonce === nonce)
      ?.messageId;
  }
}

async function hang(): Promise<never> {
  process.stdout.write('HANGING\n');
  for (;;) await sleep(60_000);
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as ChildOptions;
  const logger = silentLogger();
  const store = await openStore({ url: options.storeUrl, logger, env: {} });
  const coop = new CoopClient({ baseUrl: options.coopUrl, retries: 0 });
  const sink = new FileSink(options);
  const relay = createRelay({
    store,
    coop,
    sinks: new Map([[options.platform, sink]]),
    logger,
    ratePerPlatform: { [options.platform]: 'unlimited' },
    // Each run polls once and exits: the key must be due again when the next run starts.
    pollIntervalMs: 1,
    // A restart is the same instance: it takes back the leases of the process it replaces.
    instanceId: 'relay-child',
  });
  await relay.pollDue();
  await relay.drain();
  await relay.stop();
  await coop.close();
  await store.close();
  process.stdout.write('DONE\n');
}

await main();
