/** localStorage, or undefined when the browser refuses it (private modes, policies). */
export function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
