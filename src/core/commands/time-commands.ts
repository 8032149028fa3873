import type { Command } from '../grammar/index.js';
import type { Reply } from '../reply.js';
import type { Session } from '../session.js';
import { formatHours, toStatusMessage } from '../status-message.js';

export async function logTime(cmd: Extract<Command, { name: 'time' }>, s: Session): Promise<Reply> {
  const { group } = await s.group();
  const id = await (await s.client()).createDayEntry(group.id, {
    text: cmd.text,
    hours: cmd.hours,
    projectId: cmd.projectId,
    taskId: cmd.taskId,
  });
  return {
    kind: 'text',
    visibility: 'channel',
    text: `${s.ctx.user.displayName} logged ${formatHours(cmd.hours)} in ${group.name} (time entry #${id}): ${cmd.text}`,
  };
}

export async function toggleTimer(cmd: Extract<Command, { name: 'timer' }>, s: Session): Promise<Reply> {
  const { group, zone } = await s.group();
  const entry = await (await s.client()).toggleTimer(group.id, cmd.entryId);
  const running = entry.timerStartedAt !== null;
  return {
    kind: 'status',
    visibility: 'private',
    title: running
      ? `Timer started on time entry #${entry.id}:`
      : `Timer stopped on time entry #${entry.id}:`,
    status: toStatusMessage(entry, zone),
  };
}
