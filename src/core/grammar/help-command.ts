import type { ArgParser } from './args.js';
import { lookupCommand } from './command-specs.js';
import { unknownCommand } from './suggest.js';

/** `help [command]`: the topic may be an alias (`help tl`); words after the topic are ignored. */
export const parseHelp: ArgParser = (args) => {
  const topic = args.words[0];
  if (topic === undefined) return { name: 'help' };
  const name = lookupCommand(topic.text);
  return name === undefined ? unknownCommand(topic.text, true) : { name: 'help', topic: name };
};
