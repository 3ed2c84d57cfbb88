import { Link, Navigate, NavLink, Route, Routes } from 'react-router';
import { entities } from '../shared/entities/index.ts';
import { can } from '../shared/permissions.ts';
import { useAuth } from './auth.tsx';
import { LoginPage } from './components/LoginPage.tsx';
import { languages } from './i18n.ts';
import { useLabels } from './labels.ts';
import { entityRoutes } from './routes.tsx';

export function App() {
  const { user, ready, logout } = useAuth();
  const labels = useLabels();
  const readable = user === null ? [] : entities.filter((meta) => can(user.role, meta.name, 'read'));

  if (!ready) return <p>{labels.t('ui.loading')}</p>;
  return (
    <div className="layout">
      <header className="topbar">
        <Link to="/" className="brand">
          {labels.t('app.title')}
        </Link>
        <select aria-label={labels.t('ui.language')} value={labels.i18n.language} onChange={(e) => void labels.i18n.changeLanguage(e.target.value)}>
          {languages.map((language) => (
            <option key={language.code} value={language.code}>
              {language.name}
            </option>
          ))}
        </select>
        {user !== null && (
          <span className="user">
            {user.email} ({labels.t(`roles.${user.role}`, { defaultValue: user.role })})
            <button type="button" onClick={() => void logout()}>
              {labels.t('ui.signOut')}
            </button>
          </span>
        )}
      </header>
      {user !== null && (
        <nav className="sidebar">
          {readable.map((meta) => (
            <NavLink key={meta.name} to={`/${meta.route}`}>
              {labels.plural(meta)}
            </NavLink>
          ))}
        </nav>
      )}
      <main>
        <Routes>
          <Route path="/login" element={user === null ? <LoginPage /> : <Navigate to="/" replace />} />
          {user === null ? (
            <Route path="*" element={<Navigate to="/login" replace />} />
          ) : (
            <>
              <Route
                path="/"
                element={
                  <section>
                    <h1>{labels.t('app.title')}</h1>
                    <p>{labels.t('ui.welcome')}</p>
                    <ul>
                      {readable.map((meta) => (
                        <li key={meta.name}>
                          <Link to={`/${meta.route}`}>{labels.plural(meta)}</Link>
                        </li>
                      ))}
                    </ul>
                  </section>
                }
              />
              {entityRoutes.map((route) => (
                <Route key={route.path} path={route.path} element={route.element} />
              ))}
              <Route path="*" element={<p>{labels.t('ui.notFound')}</p>} />
            </>
          )}
        </Routes>
      </main>
    </div>
  );
}
