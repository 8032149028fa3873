/**
 * One of several relay processes sharing a database, for the multi-process test:
 * `node --import tsx test/relay/multi-relay-child.ts '<json>'`. It runs the relay in the background
 * until SIGTERM (then stops gracefully). Its sink plays Discord: a message is a line appended to
 * this process's file in a folder all processes share, and a nonce already in any file of the
 * folder is not posted again (Discord's `enforce_nonce`). It can hang right after its n-th send,
 * holding its leases, so the parent can SIGKILL it there.
 */
import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { CoopClient } from '../../src/coop/client/coop-client.js';
import { silentLogger } from '../../src/log/logger.js';
import type { ChatSink, FeedPost, SendOptions } from '../../src/relay/chat-sink.js';
import { createRelay } from '../../src/relay/create-relay.js';
import { openStore } from '../../src/store/open-store.js';
import type { ChannelRef } from '../../src/store/store.js';

export interface MultiChildOptions {
  coopUrl: string;
  storeUrl: string;
  secret: string;
  /** The shared "platform" folder. */
  dir: string;
  instanceId: string;
  intervalMs: number;
  leaseTtlMs: number;
  maxStatusesPerMessage: number;
  /** Each send takes this long, so that work overlaps between processes. */
  sendDelayMs: number;
  hangAfterSend?: number;
}

export interface MultiDeliveryLine {
  instanceId: string;
  channelId: string;
  nonce: string;
  messageId: string;
  keys: string[];
  /** Wall-clock time with sub-millisecond precision, comparable across processes on one machine. */
  at: number;
}

class SharedFileSink implements ChatSink {
  readonly platform = 'discord' as const;
  private sent = 0;

  constructor(private readonly options: MultiChildOptions) {}

  get maxStatusesPerMessage(): number {
    return this.options.maxStatusesPerMessage;
  }

  async send(channel: ChannelRef, post: FeedPost, { nonce }: SendOptions): Promise<string> {
    await sleep(this.options.sendDelayMs);
    const existing = this.byNonce(nonce);
    if (existing !== undefined) return existing;
    const n = ++this.sent;
    const line: MultiDeliveryLine = {
      instanceId: this.options.instanceId,
      channelId: channel.channelId,
      nonce,
      messageId: `${this.options.instanceId}-${n}`,
      keys: post.statuses.map((s) => s.key),
      at: performance.timeOrigin + performance.now(),
    };
    appendFileSync(join(this.options.dir, `${this.options.instanceId}.jsonl`), `${JSON.stringify(line)}\n`);
    process.stdout.write(`SENT ${n}\n`);
    if (n === this.options.hangAfterSend) {
      process.stdout.write('HANGING\n');
      for (;;) await sleep(60_000);
    }
    return line.messageId;
  }

  async edit(): Promise<void> {}
  async remove(): Promise<void> {}
  async notice(): Promise<void> {}

  private byNonce(nonce: string): string | undefined {
    if (!existsSync(this.options.dir)) return undefined;
    for (const file of readdirSync(this.options.dir)) {
      const text = readFileSync(join(this.options.dir, file), 'utf8');
      for (const raw of text.split('\n')) {
        if (!raw) continue;
        const line = JSON.parse(raw) as MultiDeliveryLine;
        if (line.nonce === nonce) return line.messageId;
      }
    }
    return undefined;
  }
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as MultiChildOptions;
  const logger = silentLogger();
  const store = await openStore({
    url: options.storeUrl,
    logger,
    env: { COOP_BRIDGE_SECRET: options.secret },
  });
  const coop = new CoopClient({ baseUrl: options.coopUrl, retries: 0 });
  const relay = createRelay({
    store,
    coop,
    sinks: new Map([['discord', new SharedFileSink(options)]]),
    logger,
    ratePerPlatform: { discord: 'unlimited' },
    pollIntervalMs: options.intervalMs,
    leaseTtlMs: options.leaseTtlMs,
    instanceId: options.instanceId,
  });
  let stopping = false;
  process.on('SIGTERM', () => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      await relay.stop();
      await coop.close();
      await store.close();
      process.stdout.write('STOPPED\n');
      process.exit(0);
    })();
  });
  await relay.start();
  process.stdout.write('READY\n');
}

await main();
