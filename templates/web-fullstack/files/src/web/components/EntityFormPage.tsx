import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { EntityMeta } from '../../shared/entity-meta.ts';
import { api } from '../api.ts';
import { valuesFromRecord, type FormValues } from '../forms.ts';
import { useLabels } from '../labels.ts';
import { EntityForm } from './EntityForm.tsx';

/** Create (no id) or edit (id) a record, then show it. */
export function EntityFormPage({ meta, id }: { meta: EntityMeta; id?: number }) {
  const labels = useLabels();
  const navigate = useNavigate();
  const [initial, setInitial] = useState<FormValues | null>(id === undefined ? {} : null);

  useEffect(() => {
    if (id === undefined) return;
    api<Record<string, unknown>>(`/api/${meta.route}/${id}`).then((record) => setInitial(valuesFromRecord(meta, record)));
  }, [meta, id]);

  async function save(input: Record<string, unknown>) {
    const saved = await api<{ id: number }>(id === undefined ? `/api/${meta.route}` : `/api/${meta.route}/${id}`, { method: id === undefined ? 'POST' : 'PATCH', body: input });
    navigate(`/${meta.route}/${saved.id}`);
  }

  if (initial === null) return <p>{labels.t('ui.loading')}</p>;
  return (
    <section>
      <h1>
        {id === undefined ? labels.t('ui.create') : labels.t('ui.edit')} — {labels.entity(meta)}
      </h1>
      <EntityForm meta={meta} initial={id === undefined ? undefined : initial} onSubmit={save} />
    </section>
  );
}
