import { useEffect, useState } from 'react';
import type { AppError, AppInfo } from '../../core/api/index.ts';
import { useDihya } from './dihya-context.tsx';
import { toAppError } from './to-app-error.ts';

export type AppInfoState = { status: 'loading' } | { status: 'ready'; info: AppInfo } | { status: 'error'; error: AppError };

export function useAppInfo(): AppInfoState {
  const { client } = useDihya();
  const [state, setState] = useState<AppInfoState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    client.invoke('app.info', {}).then(
      (info) => current && setState({ status: 'ready', info }),
      (error: unknown) => current && setState({ status: 'error', error: toAppError(error) }),
    );
    return () => {
      current = false;
    };
  }, [client]);
  return state;
}
