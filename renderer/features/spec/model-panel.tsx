import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Explanation, ProjectModel, SpecParseResult } from '../../../core/api/index.ts';
import { EntityCard } from './entity-card.tsx';
import type { FieldOverride, FieldOverrides } from './field-overrides.ts';
import { SourceBadge } from './source-badge.tsx';
import { usePointAt } from './source-pointer.tsx';

function Chip(props: { label: string; source: Explanation | undefined; ltr?: boolean }): ReactNode {
  const point = usePointAt(props.source);
  return (
    <li className={`chip chip--${props.source?.status ?? 'plain'}`} tabIndex={0} title={props.source?.reason} {...point}>
      <span dir={props.ltr ? 'ltr' : 'auto'}>{props.label}</span>
      <SourceBadge source={props.source} />
    </li>
  );
}

function ChipRow(props: { term: string; values: readonly string[]; base: string; sources: ReadonlyMap<string, Explanation>; empty: string }): ReactNode {
  return (
    <div className="overview__row">
      <dt>{props.term}</dt>
      <dd>
        {props.values.length === 0 ? (
          <span className="overview__empty">{props.empty}</span>
        ) : (
          <ul className="chip-list">
            {props.values.map((value, i) => (
              <Chip key={value} label={value} ltr source={props.sources.get(`${props.base}[${i}]`)} />
            ))}
          </ul>
        )}
      </dd>
    </div>
  );
}

export interface ModelPanelProps {
  result: SpecParseResult;
  /** The parsed model with the user's edits. */
  model: ProjectModel;
  sources: ReadonlyMap<string, Explanation>;
  overrides: FieldOverrides;
  onOverride(entity: string, field: string, patch: FieldOverride): void;
}

/** What Dihya understood, each item beside its status, confidence and source line. */
export function ModelPanel(props: ModelPanelProps): ReactNode {
  const { t } = useTranslation();
  const { model, sources, result } = props;
  const none = t('spec.overview.none');
  return (
    <div className="model-panel">
      {result.warnings.length > 0 ? (
        <ul className="spec-warnings" aria-label={t('spec.warnings')}>
          {result.warnings.map((warning, i) => (
            <li key={`${warning.code}-${i}`} className="spec-warning">
              <span dir="auto">{warning.message}</span>
              {warning.line !== undefined ? <span className="source-line-ref">{t('spec.lineRef', { line: warning.line })}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}

      <section aria-labelledby="spec-overview-title" className="model-panel__section">
        <h2 id="spec-overview-title" className="model-panel__title">
          {t('spec.overview.title')}
        </h2>
        <dl className="overview">
          <div className="overview__row">
            <dt>{t('spec.overview.name')}</dt>
            <dd>
              <ul className="chip-list">
                <Chip label={model.name} source={sources.get('name')} />
              </ul>
            </dd>
          </div>
          <div className="overview__row">
            <dt>{t('spec.overview.domain')}</dt>
            <dd>
              <ul className="chip-list">
                <Chip label={model.domain} ltr source={sources.get('domain')} />
              </ul>
            </dd>
          </div>
          <ChipRow term={t('spec.overview.languages')} values={model.languages} base="languages" sources={sources} empty={none} />
          <ChipRow term={t('spec.overview.roles')} values={model.roles} base="roles" sources={sources} empty={none} />
          <ChipRow term={t('spec.overview.features')} values={model.features} base="features" sources={sources} empty={none} />
          <ChipRow term={t('spec.overview.stacks')} values={model.stacks} base="stacks" sources={sources} empty={none} />
        </dl>
      </section>

      <section aria-labelledby="spec-entities-title" className="model-panel__section">
        <h2 id="spec-entities-title" className="model-panel__title">
          {t('spec.entities', { total: model.entities.length })}
        </h2>
        {model.entities.length === 0 ? <p className="overview__empty">{t('spec.noEntities')}</p> : null}
        {model.entities.map((entity, i) => (
          <EntityCard key={entity.name} entity={entity} index={i} sources={sources} overrides={props.overrides} onOverride={props.onOverride} />
        ))}
      </section>
    </div>
  );
}
