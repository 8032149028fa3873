import type { CoopClient } from '../coop/client/coop-client.js';
import { CoopError } from '../coop/coop-error.js';
import type { Store } from '../store/store.js';

export interface HealthCheck {
  name: string;
  check(): Promise<void>;
}

export interface HealthReport {
  ok: boolean;
  /** `ok`, or what failed. */
  checks: Record<string, string>;
}

export async function runHealthChecks(checks: readonly HealthCheck[]): Promise<HealthReport> {
  const results = await Promise.all(
    checks.map(async (c) => {
      try {
        await c.check();
        return [c.name, 'ok'] as const;
      } catch (error) {
        return [c.name, error instanceof Error ? error.message : String(error)] as const;
      }
    }),
  );
  return { ok: results.every(([, r]) => r === 'ok'), checks: Object.fromEntries(results) };
}

export function storeHealthCheck(store: Store): HealthCheck {
  return { name: 'store', check: () => store.ping() };
}

/**
 * Co-op is reachable when it answers at all: an anonymous `GET /groups` earns a 401, which proves
 * the server is up without holding anyone's password.
 */
export function coopHealthCheck(coop: CoopClient): HealthCheck {
  return {
    name: 'coop',
    async check() {
      try {
        await coop.withCredentials(undefined).groups();
      } catch (error) {
        if (error instanceof CoopError && (error.code === 'unauthorized' || error.code === 'not_found'))
          return;
        throw error;
      }
    },
  };
}
