import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { EntityMeta } from '../../shared/entity-meta.ts';
import { can } from '../../shared/permissions.ts';
import { api, type Page } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { useLabels } from '../labels.ts';
import { formatValue } from './format.ts';

const PAGE_SIZE = 20;

/** A sortable, filterable, paged table of any entity's records. */
export function EntityList({ meta, columns }: { meta: EntityMeta; columns: readonly string[] }) {
  const labels = useLabels();
  const { user } = useAuth();
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState('-id');
  const [filter, setFilter] = useState('');
  const [data, setData] = useState<Page<Record<string, unknown>> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const query = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE), sort });
    if (filter !== '' && meta.displayField !== 'id') query.set(`filter[${meta.displayField}]`, filter);
    api<Page<Record<string, unknown>>>(`/api/${meta.route}?${query.toString()}`)
      .then((result) => live && (setData(result), setError(null)))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [meta, page, sort, filter]);

  const pages = Math.max(1, Math.ceil((data?.total ?? 0) / PAGE_SIZE));
  const toggleSort = (name: string) => setSort((current) => (current === name ? `-${name}` : name));
  const label = (name: string) => labels.field(meta, name, [...meta.fields, ...meta.foreignKeys].find((f) => f.name === name)?.label ?? name);

  return (
    <section>
      <header className="toolbar">
        <h1>{labels.plural(meta)}</h1>
        {user !== null && can(user.role, meta.name, 'create') && (
          <Link className="button" to={`/${meta.route}/new`}>
            {labels.t('ui.create')}
          </Link>
        )}
      </header>
      {meta.displayField !== 'id' && (
        <input
          type="search"
          aria-label={labels.t('ui.search')}
          placeholder={labels.t('ui.search')}
          value={filter}
          onChange={(e) => {
            setPage(1);
            setFilter(e.target.value);
          }}
        />
      )}
      {error !== null && <p role="alert" className="error">{error}</p>}
      {data === null ? (
        <p>{labels.t('ui.loading')}</p>
      ) : data.items.length === 0 ? (
        <p>{labels.t('ui.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              {['id', ...columns].map((name) => (
                <th key={name} aria-sort={sort === name ? 'ascending' : sort === `-${name}` ? 'descending' : 'none'}>
                  <button type="button" onClick={() => toggleSort(name)}>
                    {label(name)}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.items.map((item) => (
              <tr key={String(item.id)}>
                <td>
                  <Link to={`/${meta.route}/${String(item.id)}`}>{String(item.id)}</Link>
                </td>
                {columns.map((name) => (
                  <td key={name}>{formatValue(item[name], labels.t)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="pager" aria-label="pagination">
        <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          {labels.t('ui.previous')}
        </button>
        <span>{labels.t('ui.page', { page, pages })}</span>
        <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
          {labels.t('ui.next')}
        </button>
      </nav>
    </section>
  );
}
