import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { EntityMeta } from '../../shared/entity-meta.ts';
import { can } from '../../shared/permissions.ts';
import { api } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { useLabels } from '../labels.ts';
import { formatValue } from './format.ts';

/** One record, with links to edit it and a button to delete it when the role allows. */
export function EntityDetail({ meta, id }: { meta: EntityMeta; id: number }) {
  const labels = useLabels();
  const navigate = useNavigate();
  const { user } = useAuth();
  const [record, setRecord] = useState<Record<string, unknown> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<Record<string, unknown>>(`/api/${meta.route}/${id}`)
      .then(setRecord)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [meta, id]);

  async function remove() {
    if (!window.confirm(labels.t('ui.confirmDelete'))) return;
    await api(`/api/${meta.route}/${id}`, { method: 'DELETE' });
    navigate(`/${meta.route}`);
  }

  if (error !== null) return <p role="alert" className="error">{error}</p>;
  if (record === null) return <p>{labels.t('ui.loading')}</p>;
  return (
    <section>
      <header className="toolbar">
        <h1>
          {labels.entity(meta)} #{id}
        </h1>
        {user !== null && can(user.role, meta.name, 'update') && (
          <Link className="button" to={`/${meta.route}/${id}/edit`}>
            {labels.t('ui.edit')}
          </Link>
        )}
        {user !== null && can(user.role, meta.name, 'delete') && (
          <button type="button" className="danger" onClick={() => void remove()}>
            {labels.t('ui.delete')}
          </button>
        )}
      </header>
      <dl>
        {meta.fields.map((field) => (
          <div key={field.name}>
            <dt>{labels.field(meta, field.name, field.label)}</dt>
            <dd>{formatValue(record[field.name], labels.t)}</dd>
          </div>
        ))}
        {meta.foreignKeys.map((key) => (
          <div key={key.name}>
            <dt>{labels.field(meta, key.name, key.label)}</dt>
            <dd>{record[key.name] === null ? labels.t('ui.none') : <Link to={`/${key.targetRoute}/${String(record[key.name])}`}>#{String(record[key.name])}</Link>}</dd>
          </div>
        ))}
      </dl>
      <Link to={`/${meta.route}`}>{labels.t('ui.back')}</Link>
    </section>
  );
}
