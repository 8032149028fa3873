import type { ArgParser } from './args.js';
import { isEmail } from './parse-user.js';
import { usageError } from './usage-error.js';

/**
 * `login` (private form), `login EMAIL` (form with the email filled in), `login EMAIL PASSWORD`
 * (`inlinePassword: true`). The grammar accepts the inline form everywhere so that the core can refuse
 * it where others can read the channel — and tell the user to change that password.
 * Errors never quote the words: one of them may be a password.
 */
export const parseLogin: ArgParser = (args) => {
  const [email, password] = args.words;
  if (email === undefined) return { name: 'login', inlinePassword: false };
  if (!isEmail(email.text)) return usageError('login', 'login takes your Co-op email first.');
  if (password === undefined) return { name: 'login', inlinePassword: false, email: email.text };
  // Everything after the email, as typed: a password may hold spaces or quotes.
  return { name: 'login', inlinePassword: true, email: email.text, password: args.rest(1) };
};
