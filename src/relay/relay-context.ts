import type { GroupDirectory } from './group-directory.js';
import type { LaneRegistry } from './lane-registry.js';
import type { OwnerAccounts } from './owner-accounts.js';
import type { ResolvedRelayOptions } from './relay-options.js';

/** What every part of the relay shares: its options, the stop signal, lanes, group names, owners. */
export interface RelayContext extends ResolvedRelayOptions {
  signal: AbortSignal;
  lanes: LaneRegistry;
  groups: GroupDirectory;
  owners: OwnerAccounts;
}
