import type { ReactNode } from 'react';
import { CheckIcon } from './icons.tsx';

/**
 * Confirms a finished action. The live region stays in the DOM even when empty, because screen
 * readers only announce changes inside a region they already know about.
 */
export function Notice(props: { message: string | undefined }): ReactNode {
  return (
    <div className="notice-region" role="status" aria-live="polite">
      {props.message ? (
        <p className="notice">
          <CheckIcon className="notice__icon" />
          <span>{props.message}</span>
        </p>
      ) : null}
    </div>
  );
}
