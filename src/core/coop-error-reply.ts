import { CoopError } from '../coop/coop-error.js';
import { errorReply, type Reply } from './reply.js';

/** Words a user can act on for each way a Co-op call fails (design.md, "The core"). */
export function coopErrorReply(error: CoopError): Reply {
  const detail = error.excerpt ? ` (${error.excerpt})` : '';
  switch (error.code) {
    case 'unauthorized':
      return errorReply(error.code, 'Your Co-op login no longer works. Run `login` again.');
    case 'not_found':
      return errorReply(error.code, 'Not found, or not visible to you.');
    case 'forbidden':
      return errorReply(error.code, `Co-op refused: ${error.serverMessage ?? 'you may not do that here.'}`);
    case 'bad_request':
      return errorReply(error.code, `Co-op did not accept that: ${error.serverMessage ?? error.message}`);
    case 'server_error':
    case 'timeout':
    case 'network':
      return errorReply(
        error.code,
        `Co-op is not answering right now (${error.code}). Try again in a minute.`,
      );
    case 'bad_response':
      return errorReply(error.code, `Co-op sent an answer the bot could not read${detail}.`);
  }
}

/** Any thrown value as a reply: Co-op errors get their words, anything else a generic one (logged by the caller). */
export function unexpectedErrorReply(error: unknown): Reply {
  if (error instanceof CoopError) return coopErrorReply(error);
  return errorReply('internal', 'Something went wrong on our side. It has been logged; try again.');
}
