import type { Status } from '../../../src/coop/types.js';
import { zoneFromRails } from '../../../src/coop/zone.js';
import { type StatusMessage, toStatusMessage } from '../../../src/core/status-message.js';

const LONDON = zoneFromRails('London');
const START = Date.UTC(2026, 11, 4, 14, 5);

export interface SampleOptions {
  id?: number;
  text?: string;
  kind?: 'note' | 'time' | 'cobot';
  name?: string;
  avatarUrl?: string | null;
}

/** A status as the core hands it to adapters, Notes by default. */
export function sampleStatus(options: SampleOptions = {}): StatusMessage {
  const id = options.id ?? 1;
  const createdAt = { epochMs: START - id * 60_000, offsetMinutes: 0 };
  const cobot = options.kind === 'cobot';
  const user = {
    id: cobot ? 0 : 7,
    name: options.name ?? (cobot ? 'Cobot' : 'Sybil Fawlty'),
    email: cobot ? '' : 'sybil@fawltytowers.com',
    avatarThumbUrl: options.avatarUrl === undefined ? 'https://example.org/sybil.png' : options.avatarUrl,
  };
  const base = {
    id,
    text: options.text ?? `Status ${id}`,
    groupId: 1,
    createdAt,
    updatedAt: createdAt,
    user,
  };
  const status: Status =
    options.kind === 'time'
      ? {
          ...base,
          type: 'DayEntry',
          hours: 1.5,
          client: 'Fawlty Towers',
          project: 'Website',
          task: 'Development',
          spentAt: '2026-12-04',
          timerStartedAt: null,
        }
      : { ...base, type: 'Note' };
  return toStatusMessage(status, LONDON);
}

export function sampleStatuses(count: number, options: SampleOptions = {}): StatusMessage[] {
  return Array.from({ length: count }, (_, i) => sampleStatus({ ...options, id: i + 1 }));
}

/** Every string anywhere in a value: block texts, alt texts, the fallback. */
export function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}

/** The mrkdwn/plain texts of blocks (sections and context elements), in order. */
export function blockTexts(blocks: unknown): string[] {
  if (!Array.isArray(blocks)) return [];
  return blocks.flatMap((block: { text?: { text?: string }; elements?: { text?: string }[] }) => [
    ...(block.text?.text ? [block.text.text] : []),
    ...(block.elements ?? []).flatMap((e) => (e.text ? [e.text] : [])),
  ]);
}
