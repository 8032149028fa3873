import { REST, Routes } from 'discord.js';
import { commandPayload } from './command-definitions.js';

export interface RegisterOptions {
  token: string;
  appId: string;
  /** Register to one guild (instant, for testing) instead of globally (may take up to an hour to show). */
  guildId?: string;
  apiUrl?: string;
  rest?: { retries?: number; timeout?: number };
}

/** Puts `/coop` (replacing the app's commands in that scope); resolves to the number registered. */
export async function registerCommands(options: RegisterOptions): Promise<number> {
  const rest = new REST({ ...(options.apiUrl ? { api: options.apiUrl } : {}), ...options.rest }).setToken(
    options.token,
  );
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.appId, options.guildId)
    : Routes.applicationCommands(options.appId);
  const answer = await rest.put(route, { body: commandPayload() });
  return Array.isArray(answer) ? answer.length : 0;
}
