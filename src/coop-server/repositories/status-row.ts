/** A Note or DayEntry as read from the database, with its author joined in. */
export interface StatusRow {
  type: 'Note' | 'DayEntry';
  id: number;
  groupId: number;
  userId: number;
  text: string;
  createdAt: number;
  updatedAt: number;
  /** DayEntry only (null for Notes). */
  hours: number | null;
  projectId: number | null;
  taskId: number | null;
  spentAt: string | null;
  timerStartedAt: number | null;
  authorFirstName: string;
  authorLastName: string;
  authorEmail: string;
  authorAvatarUrl: string | null;
}

const AUTHOR = `u.first_name AS authorFirstName, u.last_name AS authorLastName, u.email AS authorEmail,
  u.avatar_url AS authorAvatarUrl`;

export const NOTE_SELECT = `SELECT 'Note' AS type, n.id, n.group_id AS groupId, n.user_id AS userId, n.text,
  n.created_at AS createdAt, n.updated_at AS updatedAt, NULL AS hours, NULL AS projectId, NULL AS taskId,
  NULL AS spentAt, NULL AS timerStartedAt, ${AUTHOR}
  FROM notes n JOIN users u ON u.id = n.user_id`;

export const DAY_ENTRY_SELECT = `SELECT 'DayEntry' AS type, d.id, d.group_id AS groupId, d.user_id AS userId,
  d.text, d.created_at AS createdAt, d.updated_at AS updatedAt, d.hours, d.project_id AS projectId,
  d.task_id AS taskId, d.spent_at AS spentAt, d.timer_started_at AS timerStartedAt, ${AUTHOR}
  FROM day_entries d JOIN users u ON u.id = d.user_id`;
