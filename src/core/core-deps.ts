import type { CoopClient } from '../coop/client/coop-client.js';
import type { Logger } from '../log/logger.js';
import type { Store } from '../store/store.js';

/** What the core needs from the world; `src/main.ts` provides it, tests build their own. */
export interface CoreDeps {
  store: Store;
  /** A client with no credentials; the core derives one per linked account. */
  coop: CoopClient;
  logger: Logger;
  now?: () => Date;
}
