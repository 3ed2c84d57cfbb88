import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FieldError } from '../../components/field-error.tsx';
import { fieldErrors } from '../../hooks/field-errors.ts';
import { useCommand } from '../../hooks/use-command.ts';
import { useQuery } from '../../hooks/use-query.ts';

/** The gateway shareable links point at (any public or self-hosted IPFS gateway). */
export function GatewaySettings(props: { onSaved(message: string): void }): ReactNode {
  const { t } = useTranslation();
  const settings = useQuery('ipfs.settings.get', {});
  const save = useCommand('ipfs.settings.set');
  const [gateway, setGateway] = useState('');
  const id = useId();
  const current = settings.data?.gatewayUrl;
  const { fields, general } = fieldErrors(save.error, ['gatewayUrl'] as const);

  useEffect(() => {
    if (current !== undefined) setGateway(current);
  }, [current]);

  async function submit(): Promise<void> {
    const saved = await save.run({ gatewayUrl: gateway.trim() });
    if (saved) {
      settings.refresh();
      props.onSaved(t('publish.gateway.saved', { url: saved.gatewayUrl }));
    }
  }

  return (
    <form
      className="gateway-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {t('publish.gateway.label')}
        </label>
        <div className="inline-form">
          <input
            id={id}
            className="input"
            dir="ltr"
            type="url"
            autoComplete="off"
            value={gateway}
            onChange={(event) => setGateway(event.target.value)}
            aria-invalid={fields.gatewayUrl ? true : undefined}
            aria-describedby={`${id}-hint${fields.gatewayUrl ? ` ${id}-error` : ''}`}
          />
          <button type="submit" className="button" disabled={save.pending || gateway.trim() === current}>
            {save.pending ? t('publish.gateway.saving') : t('publish.gateway.save')}
          </button>
        </div>
        <p id={`${id}-hint`} className="field__hint">
          {t('publish.gateway.hint')}
        </p>
        <FieldError id={`${id}-error`} message={fields.gatewayUrl} />
      </div>
      {general ? <ErrorAlert error={general} /> : null}
      {settings.error ? <ErrorAlert error={settings.error} /> : null}
    </form>
  );
}
