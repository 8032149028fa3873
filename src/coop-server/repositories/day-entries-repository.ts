import type { StatementCache } from './statement-cache.js';
import { DAY_ENTRY_SELECT, type StatusRow } from './status-row.js';

export interface NewDayEntry {
  groupId: number;
  userId: number;
  text: string;
  hours: number;
  projectId: number;
  taskId: number;
  spentAt: string;
  timerStartedAt: number | null;
  createdAt: number;
}

export interface DayEntryChanges {
  text?: string;
  hours?: number;
  projectId?: number;
  taskId?: number;
}

export class DayEntriesRepository {
  constructor(private readonly sqlite: StatementCache) {}

  insert(entry: NewDayEntry): StatusRow {
    const result = this.sqlite
      .prepare(
        `INSERT INTO day_entries (group_id, user_id, text, hours, project_id, task_id, spent_at,
           timer_started_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        entry.groupId,
        entry.userId,
        entry.text,
        entry.hours,
        entry.projectId,
        entry.taskId,
        entry.spentAt,
        entry.timerStartedAt,
        entry.createdAt,
        entry.createdAt,
      );
    return this.byId(Number(result.lastInsertRowid)) as StatusRow;
  }

  byId(id: number): StatusRow | undefined {
    return this.sqlite.prepare(`${DAY_ENTRY_SELECT} WHERE d.id = ?`).get(id) as StatusRow | undefined;
  }

  update(id: number, changes: DayEntryChanges, now: number): void {
    this.sqlite
      .prepare(
        `UPDATE day_entries SET text = COALESCE(?, text), hours = COALESCE(?, hours),
           project_id = COALESCE(?, project_id), task_id = COALESCE(?, task_id), updated_at = ?
         WHERE id = ?`,
      )
      .run(
        changes.text ?? null,
        changes.hours ?? null,
        changes.projectId ?? null,
        changes.taskId ?? null,
        now,
        id,
      );
  }

  setTimer(id: number, timer: { hours: number; timerStartedAt: number | null }, now: number): void {
    this.sqlite
      .prepare('UPDATE day_entries SET hours = ?, timer_started_at = ?, updated_at = ? WHERE id = ?')
      .run(timer.hours, timer.timerStartedAt, now, id);
  }
}
