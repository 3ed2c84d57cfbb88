import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeEditor } from '../../components/code/code-editor.tsx';
import { languageForPath } from '../../components/code/code-languages.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useFormatters } from '../../hooks/use-formatters.ts';
import { useQuery } from '../../hooks/use-query.ts';
import { buildTree, type TreeFolder } from './file-tree.ts';

type FileState = 'ok' | 'changed' | 'missing';

function FolderNode(props: { folder: TreeFolder; depth: number; selected: string | undefined; states: ReadonlyMap<string, FileState>; onOpen(path: string): void }): ReactNode {
  const { t } = useTranslation();
  const { folder } = props;
  return (
    <ul className="file-tree__list" role={props.depth === 0 ? undefined : 'group'}>
      {folder.folders.map((child) => (
        <li key={child.path}>
          <details open={props.depth < 1}>
            <summary className="file-tree__folder">
              <span dir="ltr">{child.name}/</span>
            </summary>
            <FolderNode folder={child} depth={props.depth + 1} selected={props.selected} states={props.states} onOpen={props.onOpen} />
          </details>
        </li>
      ))}
      {folder.files.map((file) => {
        const state = props.states.get(file.path) ?? 'ok';
        return (
          <li key={file.path}>
            <button type="button" className="file-tree__file" aria-current={props.selected === file.path ? 'true' : undefined} title={file.path} onClick={() => props.onOpen(file.path)}>
              <span dir="ltr">{file.name}</span>
              {state === 'ok' ? null : <span className={`status-pill status-pill--${state === 'changed' ? 'warning' : 'error'}`}>{t(`generate.fileState.${state}`)}</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** The files a generation wrote, as a tree, and the one opened beside it (read-only). */
export function FileBrowser(props: { generationId: string }): ReactNode {
  const { t } = useTranslation();
  const format = useFormatters();
  const files = useQuery('generation.files', { id: props.generationId });
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const file = useQuery('generation.readFile', selected === undefined ? undefined : { id: props.generationId, path: selected });
  const list = files.data?.files;
  const tree = useMemo(() => buildTree((list ?? []).map((f) => f.path)), [list]);
  const states = useMemo(() => new Map((list ?? []).map((f) => [f.path, f.state] as const)), [list]);
  const opened = file.data;

  return (
    <div className="file-browser">
      <nav className="file-tree card" aria-label={t('generate.files.treeLabel')}>
        <p className="file-tree__root" dir="ltr" title={files.data?.outputDir}>
          {files.data ? t('generate.files.count', { files: format.number(files.data.files.length) }) : null}
        </p>
        {files.error ? <ErrorAlert error={files.error} /> : null}
        {!files.loaded ? <LoadingState label={t('generate.files.loading')} /> : <FolderNode folder={tree} depth={0} selected={selected} states={states} onOpen={setSelected} />}
      </nav>
      <section className="file-view card" aria-label={t('generate.files.viewLabel')}>
        {selected === undefined ? (
          <p className="muted">{t('generate.files.pick')}</p>
        ) : (
          <>
            <header className="file-view__header">
              <h3 className="file-view__path" dir="ltr">
                {selected}
              </h3>
              {opened && opened.path === selected ? (
                <span className="muted">
                  {format.bytes(opened.size)}
                  {opened.truncated ? ` · ${t('generate.files.truncated')}` : ''}
                </span>
              ) : null}
            </header>
            {file.error ? <ErrorAlert error={file.error} /> : null}
            {opened && opened.path === selected ? (
              opened.content === null ? (
                <p className="muted">{t('generate.files.binary')}</p>
              ) : (
                <CodeEditor value={opened.content} language={languageForPath(selected)} label={t('generate.files.contentLabel', { path: selected })} className="code-editor--viewer" />
              )
            ) : (
              <LoadingState label={t('generate.files.reading')} />
            )}
          </>
        )}
      </section>
    </div>
  );
}
