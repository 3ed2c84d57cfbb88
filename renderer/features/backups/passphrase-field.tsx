import { useId, type ReactNode } from 'react';
import { FieldError } from '../../components/field-error.tsx';

/** A passphrase input: never autocompleted into other sites' password managers as a login. */
export function PassphraseField(props: { label: string; hint?: string; value: string; onChange(value: string): void; error?: string | undefined; autoFocus?: boolean }): ReactNode {
  const id = useId();
  const describedBy = [props.error ? `${id}-error` : '', props.hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {props.label}
      </label>
      <input
        id={id}
        className="input"
        type="password"
        autoComplete="new-password"
        autoFocus={props.autoFocus}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
      />
      {props.hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {props.hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={props.error} />
    </div>
  );
}
