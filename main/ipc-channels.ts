import type { CommandName } from '../core/api/index.ts';

/**
 * IPC channel names. preload/bridge.ts spells the same two strings (the layering rule keeps
 * main and preload from importing each other); main/contract.ipc.test.ts fails if they drift.
 */
export const COMMAND_CHANNEL_PREFIX = 'dihya:';
export const EVENT_CHANNEL = 'dihya:event';

export function commandChannel(name: CommandName): string {
  return COMMAND_CHANNEL_PREFIX + name;
}
