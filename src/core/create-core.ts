import type { ChatContext } from './chat-context.js';
import { completeLogin, login, logout, whoami } from './commands/account-commands.js';
import { agenda } from './commands/agenda-command.js';
import { listFeeds, subscribe, unsubscribe } from './commands/feed-commands.js';
import { listGroups, listMembers, useGroup } from './commands/group-commands.js';
import { help } from './commands/help-command.js';
import { cobot, deleteStatus, post, show } from './commands/status-commands.js';
import { logTime, toggleTimer } from './commands/time-commands.js';
import { timeline, today } from './commands/timeline-commands.js';
import { unexpectedErrorReply } from './coop-error-reply.js';
import type { CoreDeps } from './core-deps.js';
import { CoreError } from './core-error.js';
import { type Command, isUsageError, type ParseInput, parseCommand } from './grammar/index.js';
import { errorReply, type Reply } from './reply.js';
import { Session } from './session.js';

export interface Core {
  /** Parses and runs one command. Never throws: every failure is an error reply. */
  run(ctx: ChatContext, input: ParseInput): Promise<Reply>;
  /** Finishes a `login` whose password the adapter collected privately (modal, hidden prompt). */
  completeLogin(ctx: ChatContext, email: string, password: string): Promise<Reply>;
}

function dispatch(cmd: Command, s: Session): Promise<Reply> | Reply {
  switch (cmd.name) {
    case 'help':
      return help(cmd);
    case 'login':
      return login(cmd, s);
    case 'logout':
      return logout(s);
    case 'whoami':
      return whoami(s);
    case 'groups':
      return listGroups(s);
    case 'use':
      return useGroup(cmd, s);
    case 'members':
      return listMembers(s);
    case 'post':
      return post(cmd, s);
    case 'cobot':
      return cobot(cmd, s);
    case 'delete':
      return deleteStatus(cmd, s);
    case 'show':
      return show(cmd, s);
    case 'timeline':
      return timeline(cmd, s);
    case 'today':
      return today(cmd, s);
    case 'agenda':
      return agenda(cmd, s);
    case 'time':
      return logTime(cmd, s);
    case 'timer':
      return toggleTimer(cmd, s);
    case 'subscribe':
      return subscribe(cmd, s);
    case 'unsubscribe':
      return unsubscribe(cmd, s);
    case 'feeds':
      return listFeeds(s);
  }
}

export function createCore(deps: CoreDeps): Core {
  const guard = async (
    ctx: ChatContext,
    what: string,
    work: () => Promise<Reply> | Reply,
  ): Promise<Reply> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof CoreError) return errorReply(error.code, error.message, error.extra);
      const reply = unexpectedErrorReply(error);
      const level = reply.kind === 'error' && reply.code === 'internal' ? 'error' : 'warn';
      deps.logger[level]({ err: error, platform: ctx.platform, command: what }, 'command failed');
      return reply;
    }
  };
  return {
    run(ctx, input) {
      const parsed = parseCommand(input);
      if (isUsageError(parsed)) {
        return Promise.resolve(
          errorReply('usage', parsed.message, { usage: parsed.usage, example: parsed.example }),
        );
      }
      return guard(ctx, parsed.name, () => dispatch(parsed, new Session(ctx, deps)));
    },
    completeLogin(ctx, email, password) {
      return guard(ctx, 'login', () => completeLogin(new Session(ctx, deps), email, password));
    },
  };
}
