/** The terminal's own commands, beside the bot's (`/coop help`). */
export const SHELL_HELP = [
  'This is the coop-bridge terminal: you chat with the bot as if in Slack or Discord.',
  '  /coop <command>   run a bot command, e.g. /coop timeline @sybil',
  '  !<command>        the same, Discord style, e.g. !timeline @sybil',
  '  /as <name|email>  become another chat user (each starts unlinked: run /coop login)',
  '  #<channel>        move to another channel, e.g. #kitchen',
  '  /help             this text;  /coop help  the bot commands',
  '  /quit             leave (Ctrl-D works too)',
].join('\n');
