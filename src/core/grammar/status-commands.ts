import type { ArgParser } from './args.js';
import { parseOneId } from './parse-id.js';
import { usageError } from './usage-error.js';

/** `post`, `cobot`, `delete`, `show`: notes in the group. Text is kept verbatim (see tokenize.ts). */

export const parsePost: ArgParser = (args) => {
  const text = args.rest(0);
  return text === '' ? usageError('post', 'post needs some text.') : { name: 'post', text };
};

export const parseCobot: ArgParser = (args) => {
  const text = args.rest(0);
  return text === ''
    ? usageError('cobot', 'cobot needs the text for Cobot to post.')
    : { name: 'cobot', text };
};

/** `delete <id>` or `delete note <id>`: only notes can be deleted, so the word is optional. */
export const parseDelete: ArgParser = (args) => {
  const words = args.words[0]?.raw.toLowerCase() === 'note' ? args.words.slice(1) : args.words;
  const id = parseOneId(words, 'delete needs the id of one of your notes.', 'a note id');
  return id.ok ? { name: 'delete', id: id.value } : usageError('delete', id.problem);
};

export const parseShow: ArgParser = (args) => {
  const id = parseOneId(args.words, 'show needs the id of one of your notes.', 'a note id');
  return id.ok ? { name: 'show', id: id.value } : usageError('show', id.problem);
};
