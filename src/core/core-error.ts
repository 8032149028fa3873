/**
 * A command that cannot go on, with words for the user. Handlers throw it; the core turns it into
 * an error reply. `code` is stable (`not_linked`, `no_group`, `unknown_user`, …).
 */
export class CoreError extends Error {
  override readonly name = 'CoreError';
  constructor(
    readonly code: string,
    message: string,
    readonly extra: { usage?: string; example?: string } = {},
  ) {
    super(message);
  }
}

export function notLinked(): CoreError {
  return new CoreError(
    'not_linked',
    'You have not linked your Co-op login yet. Run `login` to link it (your password is collected privately).',
  );
}
