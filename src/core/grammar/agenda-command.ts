import type { ArgParser, Args } from './args.js';
import type { AgendaScope, Command, UsageError } from './command.js';
import { shown } from './parsed.js';
import { usageError } from './usage-error.js';

/**
 * `agenda` (group), `agenda mine`, `agenda everyone` (alias `all`: every member's agenda) show;
 * `agenda set <text>` sets the group agenda, `agenda set mine <text>` or `agenda mine set <text>` your own.
 * After `set`, a first word `mine` always means your agenda: a group agenda starting with the word
 * "mine" has to be reworded. The text is verbatim, so Textile lists ("* item" lines) survive.
 */

const SHOW_SCOPES: ReadonlyMap<string, AgendaScope> = new Map([
  ['mine', 'mine'],
  ['everyone', 'everyone'],
  ['all', 'everyone'],
]);

export const parseAgenda: ArgParser = (args) => {
  const [first, second] = args.words.map((word) => word.raw.toLowerCase());
  if (first === undefined) return { name: 'agenda', action: 'show', scope: 'group' };
  if (first === 'set') return setAgenda(args, second === 'mine' ? 'mine' : 'group');
  if (first === 'mine' && second === 'set') return setAgenda(args, 'mine');
  const scope = SHOW_SCOPES.get(first);
  if (scope === undefined) {
    return usageError('agenda', `agenda takes mine, everyone or set <text>, not ${shown(args.rest(0))}.`);
  }
  if (second !== undefined) return usageError('agenda', `agenda ${first} takes nothing after it.`);
  return { name: 'agenda', action: 'show', scope };
};

function setAgenda(args: Args, scope: 'group' | 'mine'): Command | UsageError {
  // The text starts after `set` (group) or after both `set` and `mine`, in either order.
  const text = args.rest(scope === 'mine' ? 2 : 1);
  if (text !== '') return { name: 'agenda', action: 'set', scope, text };
  const what =
    scope === 'mine' ? 'agenda set mine needs the text of your agenda.' : 'agenda set needs the text.';
  return usageError('agenda', what);
}
