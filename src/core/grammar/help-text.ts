import type { CommandName, UsageError } from './command.js';
import { COMMAND_NAMES, COMMAND_SPECS } from './command-specs.js';

/**
 * Help and usage errors as neutral text: plain lines, no platform markup, no prefix (adapters know
 * whether commands start with `/coop ` or `!`, and render accordingly).
 */

const FOOTER = [
  'Dates: YYYYMMDD, YYYY-MM-DD, today or yesterday.',
  'login EMAIL PASSWORD on one line works only in the terminal, where nobody else can read it;',
  'everywhere else login asks for the password in a private form.',
];

export function helpText(topic?: CommandName): string {
  return topic === undefined ? overview() : details(topic);
}

function overview(): string {
  const lines = COMMAND_NAMES.map((name) => {
    const spec = COMMAND_SPECS[name];
    return `${spec.usage} — ${spec.summary}`;
  });
  return ['Co-op commands (help <command> explains one):', ...lines, '', ...FOOTER].join('\n');
}

function details(name: CommandName): string {
  const spec = COMMAND_SPECS[name];
  const aliases = spec.aliases.length > 0 ? [`Also: ${spec.aliases.join(', ')}`] : [];
  return [spec.usage, spec.summary, ...spec.notes, ...aliases, `Example: ${spec.example}`].join('\n');
}

/** One line for a usage error: `post needs some text. Usage: post <text>. Example: post Shipping …` */
export function usageErrorText(error: UsageError): string {
  return `${error.message} Usage: ${sentence(error.usage)} Example: ${error.example}`;
}

// A usage line ending in "…" needs no extra full stop.
function sentence(text: string): string {
  return /[.…]$/.test(text) ? text : `${text}.`;
}
