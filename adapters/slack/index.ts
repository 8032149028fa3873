export { SlackStartError } from './slack-start-error.js';
export {
  EVENTS_PATH,
  type ExtraRoute,
  type SlackAdapter,
  type SlackAdapterOptions,
  startSlackAdapter,
} from './start-slack-adapter.js';
