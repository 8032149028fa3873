/** The bot's own words to a channel about its feeds. Plain text; sinks send it as a notice. */

export function ownerLoginFailedNotice(group: string, ownerEmail: string): string {
  return (
    `The Co-op feed of ${group} is paused: the Co-op login of ${ownerEmail} no longer works. ` +
    'They must run `login` again to resume it.'
  );
}

export function ownerUnlinkedNotice(): string {
  return 'This Co-op feed is paused: its owner logged out. A member can `subscribe` again.';
}

export function groupNotVisibleNotice(group: string, ownerEmail: string): string {
  return (
    `The Co-op feed of ${group} is paused: the group is gone, or ${ownerEmail} is no longer a member. ` +
    'A member can `subscribe` again.'
  );
}

export function repeatedFailuresNotice(group: string, failures: number, code: string): string {
  return (
    `The Co-op feed of ${group} is paused after ${failures} failed polls in a row (last error: ${code}). ` +
    'It resumes when its owner logs in again or someone subscribes again.'
  );
}

export function walkCutNotice(group: string, firstSkippedDay: string): string {
  return (
    `The Co-op feed of ${group} was away too long: statuses from ${isoDay(firstSkippedDay)} and ` +
    'earlier were skipped. Newer ones follow.'
  );
}

export function chatFailureNotice(reason: string, ended: boolean): string {
  return ended
    ? `Co-op feeds in this channel have ended: the bot can no longer post here (${reason}).`
    : `Co-op feeds in this channel are paused: the bot cannot post here (${reason}).`;
}

/** `20260714` → `2026-07-14`. */
function isoDay(day: string): string {
  return `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`;
}
