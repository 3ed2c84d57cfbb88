import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectModel } from '../../../core/api/index.ts';
import { CodeEditor } from '../../components/code/code-editor.tsx';
import { AlertIcon } from '../../components/icons.tsx';
import { copyText, downloadText } from '../../hooks/download.ts';
import { checkModel, specFileName, toStructuredYaml } from './structured-spec.ts';

export interface StructuredSpecCardProps {
  model: ProjectModel;
  edits: number;
  onUseAsText(yaml: string): void;
  onNotice(message: string): void;
}

/** The edited model as a structured YAML spec: checked by the contract's schema, to download, copy or edit as text. */
export function StructuredSpecCard(props: StructuredSpecCardProps): ReactNode {
  const { t } = useTranslation();
  const check = useMemo(() => checkModel(props.model), [props.model]);
  const yaml = useMemo(() => toStructuredYaml(props.model), [props.model]);
  return (
    <section className="card structured-spec" aria-labelledby="structured-spec-title">
      <div className="structured-spec__header">
        <div>
          <h2 id="structured-spec-title" className="card__title">
            {t('spec.structured.title')}
          </h2>
          <p className="field__hint">{props.edits > 0 ? t('spec.structured.hintEdited', { edits: props.edits }) : t('spec.structured.hint')}</p>
        </div>
        <div className="form-actions">
          <button type="button" className="button button--primary" disabled={!check.ok} onClick={() => downloadText(specFileName(props.model), yaml, 'application/yaml')}>
            {t('spec.structured.download')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void copyText(yaml).then((ok) => props.onNotice(ok ? t('spec.structured.copied') : t('spec.structured.copyFailed')))}
          >
            {t('spec.structured.copy')}
          </button>
          <button type="button" className="button button--ghost" disabled={!check.ok} onClick={() => props.onUseAsText(yaml)}>
            {t('spec.structured.useAsText')}
          </button>
        </div>
      </div>
      {check.ok ? null : (
        <div className="alert alert--error" role="alert">
          <AlertIcon className="alert__icon" />
          <div className="alert__body">
            <p className="alert__title">{t('spec.structured.invalid')}</p>
            <ul className="problem-list">
              {check.problems.map((problem) => (
                <li key={`${problem.path}-${problem.message}`}>
                  <code dir="ltr">{problem.path}</code> <span dir="auto">{problem.message}</span>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      <CodeEditor value={yaml} language="yaml" label={t('spec.structured.title')} className="code-editor--preview" />
    </section>
  );
}
