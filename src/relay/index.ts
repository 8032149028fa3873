export { RelayStoppedError } from './channel-lane.js';
export type { ChatSink, ChatSinkErrorKind, FeedPost, SendOptions } from './chat-sink.js';
export { ChatSinkError } from './chat-sink.js';
export { createRelay, type Relay } from './create-relay.js';
export type { FeedPayload } from './feed-payload.js';
export { PAUSE_REASONS } from './poll-failure.js';
export {
  DEFAULT_RATES,
  type PlatformRate,
  type RateLimit,
  RelayOptionError,
  type RelayOptions,
  type SeenRetention,
  type SinkLookup,
} from './relay-options.js';
