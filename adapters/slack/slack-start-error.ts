/** The Slack adapter could not start; the message names the setting to fix. */
export class SlackStartError extends Error {
  override readonly name = 'SlackStartError';
  constructor(
    /** Stable: `slack_config`, `slack_auth_failed`. */
    readonly code: 'slack_config' | 'slack_auth_failed',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
