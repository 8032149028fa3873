import type { CoopClient } from '../coop/client/coop-client.js';
import { type Zone, zoneFromRails } from '../coop/zone.js';
import type { Logger } from '../log/logger.js';

export interface GroupInfo {
  name: string;
  zone: Zone;
}

const MISSING_RETRY_MS = 60_000;

interface OwnerGroups {
  fetchedAt: number;
  groups: Map<number, GroupInfo>;
}

/**
 * Group names and zones, learnt from `GET /groups` with a feed owner's login (one call answers
 * for all of that owner's groups) and trusted for `ttlMs`. Only polls that found something ask,
 * so a quiet feed costs no extra request.
 */
export class GroupDirectory {
  private readonly byOwner = new Map<number, OwnerGroups>();
  private readonly inFlight = new Map<number, Promise<OwnerGroups>>();
  private readonly warnedZones = new Set<string>();
  private readonly zones = new Map<string, Zone>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
    private readonly logger: Logger,
  ) {}

  /** The cached name, if any poll learnt it; for notices, which must not cost a request. */
  knownName(ownerAccountId: number, groupId: number): string | undefined {
    return this.byOwner.get(ownerAccountId)?.groups.get(groupId)?.name;
  }

  async info(ownerAccountId: number, client: CoopClient, groupId: number): Promise<GroupInfo> {
    let entry = this.byOwner.get(ownerAccountId);
    const age = entry ? this.now() - entry.fetchedAt : Number.POSITIVE_INFINITY;
    // A group the list lacked (just joined?) is asked about again, but not on every poll.
    const stale = age > this.ttlMs || (!entry?.groups.has(groupId) && age > MISSING_RETRY_MS);
    if (!entry || stale) entry = await this.fetch(ownerAccountId, client);
    const info = entry.groups.get(groupId);
    if (info) return info;
    // The group answered its statuses but is not in the list: show an id, keep going.
    this.logger.warn({ groupId, ownerAccountId }, 'group missing from GET /groups; using its id as name');
    return { name: `Group ${groupId}`, zone: zoneFromRails('UTC') };
  }

  private fetch(ownerAccountId: number, client: CoopClient): Promise<OwnerGroups> {
    const pending = this.inFlight.get(ownerAccountId);
    if (pending) return pending;
    const request = client
      .groups()
      .then((groups) => {
        const entry: OwnerGroups = {
          fetchedAt: this.now(),
          groups: new Map(groups.map((g) => [g.id, { name: g.name, zone: this.zoneOf(g.id, g.timezone) }])),
        };
        this.byOwner.set(ownerAccountId, entry);
        return entry;
      })
      .finally(() => this.inFlight.delete(ownerAccountId));
    this.inFlight.set(ownerAccountId, request);
    return request;
  }

  private zoneOf(groupId: number, timezone: string): Zone {
    // Mapping a name builds an Intl formatter: worth remembering across a thousand groups.
    const zone = this.zones.get(timezone) ?? zoneFromRails(timezone);
    this.zones.set(timezone, zone);
    if (!zone.known && !this.warnedZones.has(timezone)) {
      this.warnedZones.add(timezone);
      this.logger.warn({ groupId, timezone }, 'unknown group time zone; using UTC');
    }
    return zone;
  }
}
