import type { EntityMeta, FieldMeta } from '../shared/entity-meta.ts';
import { HttpError } from './http-errors.ts';
import type { Database } from './db.ts';

export interface ListQuery {
  page: number;
  pageSize: number;
  sort: string;
  direction: 'asc' | 'desc';
  filters: Record<string, string>;
}

export interface ListResult<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

type SqlValue = string | number | null;

interface Column {
  prop: string;
  column: string;
  field: FieldMeta | undefined;
}

const MAX_PAGE_SIZE = 100;
const SYSTEM: Column[] = [
  { prop: 'id', column: 'id', field: undefined },
  { prop: 'createdAt', column: 'created_at', field: undefined },
  { prop: 'updatedAt', column: 'updated_at', field: undefined },
];

function columnsOf(meta: EntityMeta): Column[] {
  return [
    ...meta.fields.map((field) => ({ prop: field.name, column: field.column, field })),
    ...meta.foreignKeys.map((key) => ({ prop: key.name, column: key.column, field: undefined })),
  ];
}

/**
 * `?page=2&pageSize=20&sort=-createdAt&filter[name]=ada`: `sort` names a field (`-` for descending);
 * each `filter[field]` keeps records whose text field contains the value (case-insensitive) or
 * whose other field equals it. Unknown fields are refused rather than ignored.
 */
export function parseListQuery(query: unknown, meta: EntityMeta): ListQuery {
  const params = (query ?? {}) as Record<string, unknown>;
  const known = new Map([...SYSTEM, ...columnsOf(meta)].map((c) => [c.prop, c]));
  const page = params.page === undefined ? 1 : Number(params.page);
  const pageSize = params.pageSize === undefined ? 20 : Number(params.pageSize);
  if (!Number.isSafeInteger(page) || page < 1) throw new HttpError(400, 'BAD_REQUEST', 'page must be a whole number from 1.');
  if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) throw new HttpError(400, 'BAD_REQUEST', `pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}.`);
  const sortParam = typeof params.sort === 'string' && params.sort !== '' ? params.sort : 'id';
  const direction = sortParam.startsWith('-') ? 'desc' : 'asc';
  const sort = sortParam.replace(/^-/, '');
  if (!known.has(sort)) throw new HttpError(400, 'BAD_REQUEST', `Cannot sort by "${sort}".`);
  const filters: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const match = /^filter\[(.+)\]$/.exec(key);
    if (match === null) continue;
    const prop = match[1] as string;
    if (!known.has(prop)) throw new HttpError(400, 'BAD_REQUEST', `Cannot filter by "${prop}".`);
    filters[prop] = String(value);
  }
  return { page, pageSize, sort, direction, filters };
}

const TEXT_TYPES = new Set(['string', 'text', 'email', 'phone', 'url', 'file', 'image']);

/** Plain SQL over one table, driven by the entity's meta; identifiers are always quoted. */
export class CrudRepository<T extends { id: number }> {
  private readonly db: Database;
  private readonly meta: EntityMeta;
  private readonly columns: Column[];
  private readonly byProp: Map<string, Column>;

  constructor(db: Database, meta: EntityMeta) {
    this.db = db;
    this.meta = meta;
    this.columns = columnsOf(meta);
    this.byProp = new Map([...SYSTEM, ...this.columns].map((c) => [c.prop, c]));
  }

  private get table(): string {
    return `"${this.meta.table}"`;
  }

  private toRecord(row: Record<string, unknown>): T {
    const record: Record<string, unknown> = {};
    for (const column of [...SYSTEM, ...this.columns]) {
      const value = row[column.column] ?? null;
      record[column.prop] = column.field?.type === 'boolean' && value !== null ? value === 1 : value;
    }
    return record as T;
  }

  private toSql(prop: string, value: unknown): SqlValue {
    const field = this.byProp.get(prop)?.field;
    if (value === undefined || value === null) return null;
    if (field?.type === 'boolean') return value === true || value === 'true' || value === 1 ? 1 : 0;
    return typeof value === 'number' ? value : String(value);
  }

  list(query: ListQuery): ListResult<T> {
    const where: string[] = [];
    const params: SqlValue[] = [];
    for (const [prop, value] of Object.entries(query.filters)) {
      const column = this.byProp.get(prop) as Column;
      if (column.field !== undefined && TEXT_TYPES.has(column.field.type)) {
        where.push(`"${column.column}" LIKE ? ESCAPE '\\'`);
        params.push(`%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      } else if (column.field?.type === 'boolean') {
        where.push(`"${column.column}" = ?`);
        params.push(value === 'true' || value === '1' ? 1 : 0);
      } else if (column.field === undefined || ['integer', 'decimal', 'money'].includes(column.field.type)) {
        const number = Number(value);
        if (value === '' || Number.isNaN(number)) throw new HttpError(400, 'BAD_REQUEST', `filter[${prop}] must be a number.`);
        where.push(`"${column.column}" = ?`);
        params.push(number);
      } else {
        where.push(`"${column.column}" = ?`);
        params.push(value);
      }
    }
    const clause = where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '';
    const total = Number((this.db.prepare(`SELECT COUNT(*) AS n FROM ${this.table}${clause}`).get(...params) as { n: number }).n);
    const sortColumn = (this.byProp.get(query.sort) as Column).column;
    const rows = this.db
      .prepare(`SELECT * FROM ${this.table}${clause} ORDER BY "${sortColumn}" ${query.direction === 'desc' ? 'DESC' : 'ASC'}, "id" ${query.direction === 'desc' ? 'DESC' : 'ASC'} LIMIT ? OFFSET ?`)
      .all(...params, query.pageSize, (query.page - 1) * query.pageSize);
    return { items: rows.map((row) => this.toRecord(row)), total, page: query.page, pageSize: query.pageSize };
  }

  get(id: number): T | undefined {
    const row = this.db.prepare(`SELECT * FROM ${this.table} WHERE "id" = ?`).get(id);
    return row === undefined ? undefined : this.toRecord(row);
  }

  create(input: Record<string, unknown>): T {
    const now = new Date().toISOString();
    const columns = this.columns.filter((c) => input[c.prop] !== undefined);
    const names = [...columns.map((c) => `"${c.column}"`), '"created_at"', '"updated_at"'];
    const values = [...columns.map((c) => this.toSql(c.prop, input[c.prop])), now, now];
    const result = this.db.prepare(`INSERT INTO ${this.table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...values);
    return this.get(Number(result.lastInsertRowid)) as T;
  }

  update(id: number, patch: Record<string, unknown>): T | undefined {
    const columns = this.columns.filter((c) => patch[c.prop] !== undefined);
    const sets = [...columns.map((c) => `"${c.column}" = ?`), '"updated_at" = ?'];
    const values = [...columns.map((c) => this.toSql(c.prop, patch[c.prop])), new Date().toISOString()];
    const result = this.db.prepare(`UPDATE ${this.table} SET ${sets.join(', ')} WHERE "id" = ?`).run(...values, id);
    return Number(result.changes) === 0 ? undefined : this.get(id);
  }

  remove(id: number): boolean {
    return Number(this.db.prepare(`DELETE FROM ${this.table} WHERE "id" = ?`).run(id).changes) > 0;
  }

  /** The ids linked to a record through a many-to-many join table. */
  linkedIds(id: number, link: { table: string; selfColumn: string; otherColumn: string }): number[] {
    return this.db
      .prepare(`SELECT "${link.otherColumn}" AS id FROM "${link.table}" WHERE "${link.selfColumn}" = ? ORDER BY "${link.otherColumn}"`)
      .all(id)
      .map((row) => Number(row.id));
  }

  /** Replaces the links of a record (in one transaction with the caller). */
  setLinks(id: number, link: { table: string; selfColumn: string; otherColumn: string }, ids: readonly number[]): void {
    this.db.prepare(`DELETE FROM "${link.table}" WHERE "${link.selfColumn}" = ?`).run(id);
    const insert = this.db.prepare(`INSERT INTO "${link.table}" ("${link.selfColumn}", "${link.otherColumn}") VALUES (?, ?)`);
    for (const other of new Set(ids)) insert.run(id, other);
  }
}
