import type { ChatContext } from '../../src/core/chat-context.js';

/**
 * Who is typing and where. `/as basil@fawltytowers.com` makes the terminal user `basil` (the local
 * part names them in mentions) and remembers the email; `#kitchen` moves to another channel.
 */
export class ShellState {
  private user = 'you';
  private channel = 'general';
  private readonly emails = new Map<string, string>();

  switchUser(nameOrEmail: string): string {
    const value = nameOrEmail.trim();
    const name = (value.includes('@') ? value.split('@')[0] : value)?.toLowerCase() || 'you';
    if (value.includes('@')) this.emails.set(name, value);
    this.user = name;
    return name;
  }

  switchChannel(name: string): string {
    this.channel = name.replace(/^#/, '').trim().toLowerCase() || 'general';
    return this.channel;
  }

  knownEmails(): ReadonlyMap<string, string> {
    return this.emails;
  }

  prompt(): string {
    return `${this.user} #${this.channel}> `;
  }

  context(): ChatContext {
    const email = this.emails.get(this.user);
    return {
      platform: 'shell',
      workspace: 'local',
      channel: this.channel,
      user: { id: this.user, displayName: this.user, ...(email ? { email } : {}) },
      // Nobody else reads this terminal: the one place an inline password is acceptable.
      private: true,
    };
  }
}
