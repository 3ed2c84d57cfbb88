import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { AppShell } from './app/app-shell.tsx';
import { forgetAccessToken } from './client/access-token.ts';
import { browserEnvironment } from './client/browser-environment.ts';
import { chooseClient } from './client/choose-client.ts';
import { AccessLinkScreen, type AccessProblem } from './features/access/access-link-screen.tsx';
import { DihyaProvider } from './hooks/dihya-context.tsx';
import { setupI18n } from './i18n/setup-i18n.ts';
import './styles/index.css';

function localStorageOrUndefined(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

const i18n = setupI18n({ storage: localStorageOrUndefined(), preferredLanguages: navigator.languages, root: document.documentElement });
const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element.');
const root = createRoot(container);

function render(content: ReactNode): void {
  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>{content}</I18nextProvider>
    </StrictMode>,
  );
}

function showAccessProblem(problem: AccessProblem): void {
  render(<AccessLinkScreen problem={problem} origin={window.location.origin} />);
  // Pasting the link into this tab only changes the fragment, which does not reload the page.
  window.addEventListener('hashchange', () => {
    if (new URLSearchParams(window.location.hash.slice(1)).has('token')) window.location.reload();
  });
}

const environment = browserEnvironment();
const choice = chooseClient(environment, {
  // The server restarted (new token) or the link was wrong: stop and say how to get a good link.
  onUnauthorized: () => {
    forgetAccessToken(environment);
    showAccessProblem('expired');
  },
});

if (choice.kind === 'missing-token') {
  showAccessProblem('missing');
} else {
  render(
    <DihyaProvider client={choice.client} transport={choice.transport}>
      <AppShell />
    </DihyaProvider>,
  );
}
