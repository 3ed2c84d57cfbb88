import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../core/api/index.ts';
import { AlertIcon } from './icons.tsx';

/**
 * A failure in words: a translated summary of its code, then the core's own sentence, which
 * names what went wrong precisely (the core speaks English for now).
 */
export function ErrorAlert(props: { error: AppError; title?: string; action?: ReactNode }): ReactNode {
  const { t } = useTranslation();
  const { error, title, action } = props;
  return (
    <div className="alert alert--error" role="alert">
      <AlertIcon className="alert__icon" />
      <div className="alert__body">
        <p className="alert__title">{title ?? t(`errors.${error.code}`)}</p>
        <p className="alert__detail">
          <span dir="auto">{error.message}</span>
        </p>
      </div>
      {action ? <div className="alert__action">{action}</div> : null}
    </div>
  );
}
