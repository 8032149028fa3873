import type { Platform } from '../store/store.js';

/**
 * What the relay reports as it works, for metrics. Every method is optional so an observer can
 * take only what it needs; the relay never waits on one.
 */
export interface RelayObserver {
  /** One Co-op poll: a changed list (200), a 304, or a failure with its error code. */
  polled?(result: 'changed' | 'not_modified' | 'error', errorCode?: string): void;
  /** A post, edit or removal reached the platform; `lagMs` from the status's creation, for posts. */
  delivered?(platform: Platform, kind: 'post' | 'edit' | 'delete', count: number, lagMs?: number): void;
  /** The platform answered 429. */
  rateLimited?(platform: Platform): void;
  /** A send failed with a chat error; `reason` is the platform's stable code. */
  sendFailed?(platform: Platform, reason: string): void;
}
