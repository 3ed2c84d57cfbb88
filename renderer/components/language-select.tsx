import { useId, type ReactNode } from 'react';
import { isLanguageCode } from '../i18n/languages.ts';
import { useLanguage } from '../i18n/use-language.ts';

/** Each language is named in itself (and tagged with its own lang), so anyone can find theirs. */
export function LanguageSelect(props: { label: string; hint?: string; compact?: boolean }): ReactNode {
  const { language, languages, setLanguage } = useLanguage();
  const id = useId();
  return (
    <div className={props.compact ? 'field field--inline' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {props.label}
      </label>
      <select
        id={id}
        className="input select"
        value={language}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onChange={(event) => {
          if (isLanguageCode(event.target.value)) setLanguage(event.target.value);
        }}
      >
        {languages.map((option) => (
          <option key={option.code} value={option.code} lang={option.code}>
            {option.nativeName}
          </option>
        ))}
      </select>
      {props.hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}
