import { useMutation } from '@tanstack/react-query';
import { LogIn } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { adminApi } from '../../api/admin-api';
import type { MeJson } from '../../api/types';
import { ErrorBanner } from '../../components/error-banner';
import { Field } from '../../components/field';
import { Logo } from '../../layout/logo';

export function LoginPage({ onLoggedIn }: { onLoggedIn: (me: MeJson) => void }) {
  const [user, setUser] = useState('admin');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: () => adminApi.login(user, password),
    onSuccess: (r) => onLoggedIn({ user: r.user, superUser: r.superUser }),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate();
  };

  return (
    <div className="login-screen">
      <form className="login-card" onSubmit={submit} aria-label="Log in">
        <div className="login-brand">
          <Logo size={40} />
          <div>
            <h1>Zoonest</h1>
            <p>Sign in to the admin console</p>
          </div>
        </div>
        {login.isError && <ErrorBanner error={login.error} />}
        <Field label="User">
          <input
            name="user"
            autoComplete="username"
            value={user}
            onChange={(e) => setUser(e.target.value)}
          />
        </Field>
        <Field label="Password">
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoFocus
          />
        </Field>
        <button type="submit" className="button primary wide" disabled={login.isPending}>
          <LogIn size={16} />
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="login-hint">
          The credentials are the server&apos;s <code>ZOONEST_ADMIN_USER</code> and{' '}
          <code>ZOONEST_ADMIN_PASSWORD</code>; without a password set, the server logs a generated
          one at start.
        </p>
      </form>
    </div>
  );
}
