import type { Status } from '../src/coop/types.js';

/** A realistic page: 50 statuses, Notes, DayEntries and Cobot notices, newest first. */
export function sampleStatuses(count = 50, groupId = 1): Status[] {
  const start = Date.UTC(2026, 11, 4, 17, 0);
  return Array.from({ length: count }, (_, i): Status => {
    const createdAt = { epochMs: start - i * 600_000, offsetMinutes: 0 };
    const user =
      i % 5 === 0
        ? { id: 0, name: 'Cobot', email: '', avatarThumbUrl: null }
        : {
            id: 100 + (i % 4),
            name: `Member ${i % 4}`,
            email: `member${i % 4}@example.org`,
            avatarThumbUrl: `http://127.0.0.1/uploads/avatars/${100 + (i % 4)}/thumb/a.png?1330000000`,
          };
    const text = `Status ${i}: shipping the release & checking <metrics> — "quoted" 🚀`;
    if (i % 3 === 1) {
      return {
        type: 'DayEntry',
        id: 9000 + i,
        text,
        groupId,
        createdAt,
        updatedAt: createdAt,
        user,
        hours: 1.25,
        client: 'Fawlty Towers',
        project: 'Website',
        task: 'Development',
        spentAt: '2026-12-04',
        timerStartedAt: null,
      };
    }
    return { type: 'Note', id: 9000 + i, text, groupId, createdAt, updatedAt: createdAt, user };
  });
}
