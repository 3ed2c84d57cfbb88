import type { StartEnvironment } from './choose-client.ts';

/**
 * The real page's environment for chooseClient. Kept in its own module: everything else in
 * client/ also type-checks and runs under Node (unit and contract tests), this cannot.
 */
export function browserEnvironment(): StartEnvironment {
  let storage: StartEnvironment['storage'];
  try {
    storage = window.sessionStorage;
  } catch {
    storage = undefined;
  }
  return { bridge: window.dihya, location: window.location, history: window.history, storage };
}
