import type { StatementCache } from './statement-cache.js';
import { NOTE_SELECT, type StatusRow } from './status-row.js';

export interface NewNote {
  groupId: number;
  userId: number;
  text: string;
  createdAt: number;
}

export class NotesRepository {
  constructor(private readonly sqlite: StatementCache) {}

  insert(note: NewNote): StatusRow {
    const result = this.sqlite
      .prepare('INSERT INTO notes (group_id, user_id, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(note.groupId, note.userId, note.text, note.createdAt, note.createdAt);
    return this.byId(Number(result.lastInsertRowid)) as StatusRow;
  }

  byId(id: number): StatusRow | undefined {
    return this.sqlite.prepare(`${NOTE_SELECT} WHERE n.id = ?`).get(id) as StatusRow | undefined;
  }

  delete(id: number): void {
    this.sqlite.prepare('DELETE FROM notes WHERE id = ?').run(id);
  }
}
