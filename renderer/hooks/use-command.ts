import { useCallback, useState } from 'react';
import type { AppError, CommandInput, CommandName, CommandOutput } from '../../core/api/index.ts';
import { useDihya } from './dihya-context.tsx';
import { toAppError } from './to-app-error.ts';

export interface CommandState<K extends CommandName> {
  /** Resolves with the output, or with undefined after a failure (then `error` says why). */
  run(input: CommandInput<K>): Promise<CommandOutput<K> | undefined>;
  reset(): void;
  pending: boolean;
  error: AppError | undefined;
}

/** One command with its pending and error state, for forms and buttons. */
export function useCommand<K extends CommandName>(command: K): CommandState<K> {
  const { client } = useDihya();
  const [state, setState] = useState<{ pending: boolean; error: AppError | undefined }>({ pending: false, error: undefined });
  const run = useCallback(
    async (input: CommandInput<K>) => {
      setState({ pending: true, error: undefined });
      try {
        const output = await client.invoke(command, input);
        setState({ pending: false, error: undefined });
        return output;
      } catch (error) {
        setState({ pending: false, error: toAppError(error) });
        return undefined;
      }
    },
    [client, command],
  );
  const reset = useCallback(() => setState({ pending: false, error: undefined }), []);
  return { run, reset, ...state };
}
