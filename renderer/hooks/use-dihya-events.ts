import { useEffect, useRef } from 'react';
import type { DihyaEvent } from '../../core/api/index.ts';
import { useDihya } from './dihya-context.tsx';

/** Calls `listener` with every event while the component is mounted; the latest listener is used. */
export function useDihyaEvents(listener: (event: DihyaEvent) => void): void {
  const { client } = useDihya();
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => client.subscribe((event) => latest.current(event)), [client]);
}
