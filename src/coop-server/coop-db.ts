import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { DayEntriesRepository } from './repositories/day-entries-repository.js';
import { GroupsRepository } from './repositories/groups-repository.js';
import { HarvestCredentialsRepository } from './repositories/harvest-credentials-repository.js';
import { MembershipsRepository } from './repositories/memberships-repository.js';
import { NotesRepository } from './repositories/notes-repository.js';
import { StatementCache } from './repositories/statement-cache.js';
import { StatusesRepository } from './repositories/statuses-repository.js';
import { UsersRepository } from './repositories/users-repository.js';
import { MIGRATIONS } from './schema.js';

/** The Co-op server's storage: one SQLite database, one repository per table. */
export interface CoopDb {
  readonly sqlite: Database.Database;
  readonly users: UsersRepository;
  readonly groups: GroupsRepository;
  readonly memberships: MembershipsRepository;
  readonly notes: NotesRepository;
  readonly dayEntries: DayEntriesRepository;
  readonly statuses: StatusesRepository;
  readonly harvestCredentials: HarvestCredentialsRepository;
  /** Runs `work` in one transaction: all of it is stored, or none. */
  transaction<T>(work: () => T): T;
  close(): void;
}

function migrate(sqlite: Database.Database): void {
  const applied = sqlite.pragma('user_version', { simple: true }) as number;
  MIGRATIONS.slice(applied).forEach((sql, index) => {
    sqlite.transaction(() => {
      sqlite.exec(sql);
      sqlite.pragma(`user_version = ${applied + index + 1}`);
    })();
  });
}

/** Opens (creating if needed) a database file, or `:memory:` for tests. */
export function openCoopDb(path: string): CoopDb {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  if (path !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  migrate(sqlite);
  const statements = new StatementCache(sqlite);
  return {
    sqlite,
    users: new UsersRepository(statements),
    groups: new GroupsRepository(statements),
    memberships: new MembershipsRepository(statements),
    notes: new NotesRepository(statements),
    dayEntries: new DayEntriesRepository(statements),
    statuses: new StatusesRepository(statements),
    harvestCredentials: new HarvestCredentialsRepository(statements),
    transaction: (work) => sqlite.transaction(work)(),
    close: () => sqlite.close(),
  };
}
