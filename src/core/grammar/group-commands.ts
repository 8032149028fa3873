import type { ArgParser } from './args.js';
import { parseGroup } from './parse-group.js';
import { usageError } from './usage-error.js';

/** `use <group id or name>`: a name may hold spaces (`use Design team`) or come in quotes. */
export const parseUse: ArgParser = (args) => {
  const only = args.words.length === 1 ? args.words[0] : undefined;
  const text = only?.text ?? args.rest(0);
  if (text === '') return usageError('use', 'use needs a group id or name.');
  const group = parseGroup(text);
  return group.ok ? { name: 'use', group: group.value } : usageError('use', group.problem);
};
