import type { ReactNode } from 'react';
import { useFormatters } from '../hooks/use-formatters.ts';

/** A labelled progress bar; without a total it is indeterminate (just "working"). */
export function ProgressBar(props: { label: string; done?: number; total?: number }): ReactNode {
  const format = useFormatters();
  const known = props.total !== undefined && props.total > 0 && props.done !== undefined;
  const ratio = known ? Math.min(1, (props.done ?? 0) / (props.total ?? 1)) : undefined;
  return (
    <div className="progress">
      <div className="progress__text">
        <span dir="auto">{props.label}</span>
        {known ? (
          <span className="muted">
            {format.number(props.done ?? 0)} / {format.number(props.total ?? 0)}
          </span>
        ) : null}
      </div>
      <div
        className={ratio === undefined ? 'progress__track progress__track--indeterminate' : 'progress__track'}
        role="progressbar"
        aria-label={props.label}
        aria-valuemin={0}
        aria-valuemax={known ? props.total : undefined}
        aria-valuenow={known ? props.done : undefined}
      >
        <div className="progress__bar" style={ratio === undefined ? undefined : { inlineSize: `${ratio * 100}%` }} />
      </div>
    </div>
  );
}
