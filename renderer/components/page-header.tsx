import { useEffect, useRef, type ReactNode } from 'react';

/**
 * Every page starts with its h1; it takes focus when the page opens, so keyboard and screen-reader
 * users land at the top of the new content instead of staying on the sidebar link.
 */
export function PageHeader(props: { title: string; subtitle?: string; actions?: ReactNode; badge?: ReactNode }): ReactNode {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <header className="page-header">
      <div className="page-header__text">
        <div className="page-header__title-row">
          <h1 className="page-header__title" tabIndex={-1} ref={heading}>
            {props.title}
          </h1>
          {props.badge}
        </div>
        {props.subtitle ? <p className="page-header__subtitle">{props.subtitle}</p> : null}
      </div>
      {props.actions ? <div className="page-header__actions">{props.actions}</div> : null}
    </header>
  );
}
