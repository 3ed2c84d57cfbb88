import { createContext, useContext, type ReactNode } from 'react';
import type { DihyaClient } from '../../core/api/index.ts';
import type { Transport } from '../client/choose-client.ts';

interface DihyaSession {
  client: DihyaClient;
  transport: Transport;
}

const DihyaContext = createContext<DihyaSession | undefined>(undefined);

export function DihyaProvider(props: DihyaSession & { children: ReactNode }): ReactNode {
  const { client, transport, children } = props;
  return <DihyaContext value={{ client, transport }}>{children}</DihyaContext>;
}

/** The client and how it reaches the core. Hooks use the client; components use hooks. */
export function useDihya(): DihyaSession {
  const session = useContext(DihyaContext);
  if (session === undefined) throw new Error('useDihya() is used outside <DihyaProvider>.');
  return session;
}
