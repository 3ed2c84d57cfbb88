import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FIELD_TYPES, type Entity, type Explanation, type Field, type FieldType, type Relation } from '../../../core/api/index.ts';
import { isEdited, type FieldOverride, type FieldOverrides } from './field-overrides.ts';
import { SourceBadge } from './source-badge.tsx';
import { usePointAt } from './source-pointer.tsx';

export interface EntityCardProps {
  entity: Entity;
  index: number;
  sources: ReadonlyMap<string, Explanation>;
  overrides: FieldOverrides;
  onOverride(entity: string, field: string, patch: FieldOverride): void;
}

const isFieldType = (value: string): value is FieldType => (FIELD_TYPES as readonly string[]).includes(value);

function FieldRow(props: { entity: Entity; field: Field; path: string } & Omit<EntityCardProps, 'entity' | 'index'>): ReactNode {
  const { t } = useTranslation();
  const { entity, field } = props;
  const source = props.sources.get(props.path);
  const point = usePointAt(source);
  const qualified = `${entity.name}.${field.name}`;
  const change = (patch: FieldOverride): void => props.onOverride(entity.name, field.name, patch);
  return (
    <tr className={`field-row field-row--${source?.status ?? 'plain'}`} {...point}>
      <th scope="row" className="field-row__name">
        <div className="field-row__stack">
          <code dir="ltr">{field.name}</code>
          {field.type === 'enum' && field.values ? <span className="field-row__extra" dir="auto">{field.values.join(', ')}</span> : null}
          {field.type === 'reference' && field.target ? <span className="field-row__extra">→ {field.target}</span> : null}
          <SourceBadge source={source} edited={isEdited(props.overrides, entity.name, field.name)} />
        </div>
      </th>
      <td>
        <select
          className="input input--compact select select--compact"
          aria-label={t('spec.fields.typeOf', { name: qualified })}
          value={field.type}
          onChange={(event) => isFieldType(event.target.value) && change({ type: event.target.value })}
        >
          {FIELD_TYPES.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
      </td>
      <td className="field-row__check">
        <input type="checkbox" aria-label={t('spec.fields.requiredOf', { name: qualified })} checked={field.required === true} onChange={(event) => change({ required: event.target.checked })} />
      </td>
      <td className="field-row__check">
        <input type="checkbox" aria-label={t('spec.fields.uniqueOf', { name: qualified })} checked={field.unique === true} onChange={(event) => change({ unique: event.target.checked })} />
      </td>
      <td>
        <select
          className={field.personalData ? 'input input--compact select select--compact select--personal' : 'input input--compact select select--compact'}
          aria-label={t('spec.fields.personalOf', { name: qualified })}
          value={field.personalData ?? 'none'}
          onChange={(event) => {
            const value = event.target.value;
            change({ personalData: value === 'personal' || value === 'special' ? value : null });
          }}
        >
          <option value="none">{t('spec.personal.none')}</option>
          <option value="personal">{t('spec.personal.personal')}</option>
          <option value="special">{t('spec.personal.special')}</option>
        </select>
      </td>
    </tr>
  );
}

function RelationItem(props: { relation: Relation; source: Explanation | undefined }): ReactNode {
  const { t } = useTranslation();
  const point = usePointAt(props.source);
  const { relation } = props;
  return (
    <li className={`relation relation--${props.source?.status ?? 'plain'}`} tabIndex={0} {...point}>
      <span>
        {t(`spec.relationKinds.${relation.kind}`)} <code dir="ltr">{relation.target}</code>
        {relation.name ? <span className="relation__name"> ({relation.name})</span> : null}
      </span>
      <SourceBadge source={props.source} />
    </li>
  );
}

export function EntityCard(props: EntityCardProps): ReactNode {
  const { t } = useTranslation();
  const { entity, index } = props;
  const path = `entities[${index}]`;
  const source = props.sources.get(path);
  const point = usePointAt(source);
  const id = useId();
  return (
    <section className="entity-card" aria-labelledby={id}>
      <header className="entity-card__header" tabIndex={0} {...point}>
        <h3 id={id} className="entity-card__title">
          <code dir="ltr">{entity.name}</code>
          {entity.label ? <span className="entity-card__label" dir="auto">{entity.label}</span> : null}
        </h3>
        <SourceBadge source={source} />
      </header>
      {entity.fields.length > 0 ? (
        <div className="entity-card__table">
          <table className="table table--compact">
            <caption className="visually-hidden">{t('spec.fields.caption', { name: entity.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('spec.fields.name')}</th>
                <th scope="col">{t('spec.fields.type')}</th>
                <th scope="col">{t('spec.fields.required')}</th>
                <th scope="col">{t('spec.fields.unique')}</th>
                <th scope="col">{t('spec.fields.personal')}</th>
              </tr>
            </thead>
            <tbody>
              {entity.fields.map((field, j) => (
                <FieldRow key={field.name} entity={entity} field={field} path={`${path}.fields[${j}]`} sources={props.sources} overrides={props.overrides} onOverride={props.onOverride} />
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="entity-card__empty">{t('spec.fields.none')}</p>
      )}
      {entity.relations.length > 0 ? (
        <div className="entity-card__relations">
          <h4 className="entity-card__subtitle">{t('spec.relations')}</h4>
          <ul className="relation-list">
            {entity.relations.map((relation, k) => (
              <RelationItem key={`${relation.kind}-${relation.target}-${relation.name ?? k}`} relation={relation} source={props.sources.get(`${path}.relations[${k}]`)} />
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
