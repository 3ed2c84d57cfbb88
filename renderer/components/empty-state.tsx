import type { ReactNode } from 'react';

export function EmptyState(props: { icon: ReactNode; title: string; body: string; action?: ReactNode }): ReactNode {
  return (
    <section className="empty-state" aria-label={props.title}>
      <div className="empty-state__icon">{props.icon}</div>
      <h2 className="empty-state__title">{props.title}</h2>
      <p className="empty-state__body">{props.body}</p>
      {props.action ? <div className="empty-state__action">{props.action}</div> : null}
    </section>
  );
}
