import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { useLabels } from '../labels.ts';

export function LoginPage() {
  const { login } = useAuth();
  const labels = useLabels();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await login(email, password);
      navigate('/');
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 ? labels.t('ui.badCredentials') : e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <form className="login" onSubmit={submit}>
      <h1>{labels.t('ui.signIn')}</h1>
      <label htmlFor="login-email">{labels.t('ui.email')}</label>
      <input id="login-email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required />
      <label htmlFor="login-password">{labels.t('ui.password')}</label>
      <input id="login-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      {error !== null && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit">{labels.t('ui.signIn')}</button>
    </form>
  );
}
