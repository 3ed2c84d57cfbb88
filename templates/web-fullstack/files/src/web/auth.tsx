import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, getToken, setToken } from './api.ts';

export interface SessionUser {
  id: number;
  email: string;
  role: string;
}

interface AuthState {
  user: SessionUser | null;
  ready: boolean;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

/** Keeps the signed-in user; `initialUser` lets tests and stories start signed in. */
export function AuthProvider({ children, initialUser }: { children: ReactNode; initialUser?: SessionUser }) {
  const [user, setUser] = useState<SessionUser | null>(initialUser ?? null);
  const [ready, setReady] = useState(initialUser !== undefined || getToken() === null);

  useEffect(() => {
    if (initialUser !== undefined || getToken() === null) return;
    api<SessionUser>('/api/auth/me')
      .then(setUser)
      .catch(() => setToken(null))
      .finally(() => setReady(true));
  }, [initialUser]);

  const login = useCallback(async (email: string, password: string) => {
    const session = await api<{ token: string; user: SessionUser }>('/api/auth/login', { method: 'POST', body: { email, password } });
    setToken(session.token);
    setUser(session.user);
  }, []);

  const logout = useCallback(async () => {
    await api('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
    setToken(null);
    setUser(null);
  }, []);

  const value = useMemo(() => ({ user, ready, login, logout }), [user, ready, login, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (state === null) throw new Error('useAuth needs an <AuthProvider> above it');
  return state;
}
