import type { ReactNode } from 'react';
import { AlertIcon } from './icons.tsx';

/** The message under a field; its id goes into the field's aria-describedby. */
export function FieldError(props: { id: string; message: string | undefined }): ReactNode {
  if (!props.message) return null;
  return (
    <p id={props.id} className="field__error" role="alert">
      <AlertIcon className="field__error-icon" />
      <span dir="auto">{props.message}</span>
    </p>
  );
}
