import type { ReactNode } from 'react';

export function LoadingState(props: { label: string }): ReactNode {
  return (
    <div className="loading-state" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{props.label}</span>
    </div>
  );
}
