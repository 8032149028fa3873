import type { Command, MentionRef, UsageError } from './command.js';
import { restFrom, type Token } from './tokenize.js';

/** What a command's parser receives: the words after the command word, and the means to read them. */
export interface Args {
  readonly words: readonly Token[];
  readonly mentions: ReadonlyMap<string, MentionRef>;
  /** The original text from word `index` to the end, verbatim inside, trimmed at the ends; '' past the end. */
  rest(index: number): string;
}

export function makeArgs(
  source: string,
  words: readonly Token[],
  mentions: ReadonlyMap<string, MentionRef>,
): Args {
  return { words, mentions, rest: (index) => restFrom(source, words[index]) };
}

/** The mention a word stands for, if the adapter's table names it. */
export function mentionOf(word: Token, mentions: ReadonlyMap<string, MentionRef>): MentionRef | undefined {
  return mentions.get(word.raw);
}

/** Parses the words after one command word. */
export type ArgParser = (args: Args) => Command | UsageError;
