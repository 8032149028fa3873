import type { Command } from '../grammar/index.js';
import { helpText } from '../grammar/index.js';
import { privateText, type Reply } from '../reply.js';

export function help(cmd: Extract<Command, { name: 'help' }>): Reply {
  return privateText(helpText(cmd.topic));
}
