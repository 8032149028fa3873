/**
 * The server's SQLite schema, one entry per migration; `PRAGMA user_version` records how many ran.
 * Times are epoch milliseconds (UTC); zones are applied only when rendering.
 */
export const FIRST_STATUS_ID = 1001;

export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL DEFAULT '',
    password_hash TEXT,            -- NULL: cannot log in (Cobot)
    avatar_url TEXT,
    city TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );

  -- Cobot, the robot author of key-authenticated notes: user id 0 (coop-api.md §2.4, §13).
  INSERT INTO users (id, email, first_name, last_name, password_hash, created_at, updated_at)
    VALUES (0, '', 'Cobot', '', NULL, 0, 0);

  CREATE TABLE groups (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    timezone TEXT NOT NULL,         -- a Rails zone name, e.g. "London"
    feed_key TEXT NOT NULL UNIQUE,  -- the RSS / Cobot secret
    agenda TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );

  CREATE TABLE memberships (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    leader INTEGER NOT NULL DEFAULT 0,
    harvest_linked INTEGER NOT NULL DEFAULT 0,
    agenda TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (user_id, group_id)
  );
  CREATE INDEX memberships_group ON memberships (group_id);

  CREATE TABLE notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id),
    text TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX notes_group_created ON notes (group_id, created_at);
  CREATE INDEX notes_group_user_created ON notes (group_id, user_id, created_at);

  CREATE TABLE day_entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id),
    text TEXT NOT NULL DEFAULT '',
    hours REAL NOT NULL DEFAULT 0,
    project_id INTEGER NOT NULL,
    task_id INTEGER NOT NULL,
    spent_at TEXT NOT NULL,          -- YYYY-MM-DD in the group's zone
    timer_started_at INTEGER,        -- non-NULL while the timer runs
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX day_entries_group_created ON day_entries (group_id, created_at);
  CREATE INDEX day_entries_group_user_created ON day_entries (group_id, user_id, created_at);

  -- Notes and DayEntries number from the same start, so their ids collide as in real Co-op (§2.4).
  INSERT INTO sqlite_sequence (name, seq) VALUES ('notes', ${FIRST_STATUS_ID - 1}), ('day_entries', ${FIRST_STATUS_ID - 1});

  -- The Harvest password is only checked, never kept: this server does not talk to Harvest.
  CREATE TABLE harvest_credentials (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    subdomain TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  `,
];
