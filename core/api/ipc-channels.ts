import type { CommandName } from './commands.ts';

/**
 * The desktop shell's IPC channel names: main/ registers them, preload/ calls them. They live in
 * the contract, the one module both may import, so the two spellings cannot drift apart.
 */
export const COMMAND_CHANNEL_PREFIX = 'dihya:';
export const EVENT_CHANNEL = 'dihya:event';

export function commandChannel(name: CommandName): string {
  return COMMAND_CHANNEL_PREFIX + name;
}
