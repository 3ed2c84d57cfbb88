import { createContext, useContext, type FocusEventHandler, type MouseEventHandler, type ReactNode } from 'react';
import type { Explanation } from '../../../core/api/index.ts';

type Point = (line: number | null) => void;

const PointerContext = createContext<Point>(() => {});

/** Lets any item of the side panel point at its source line in the editor. */
export function SourcePointerProvider(props: { point: Point; children: ReactNode }): ReactNode {
  return <PointerContext value={props.point}>{props.children}</PointerContext>;
}

export interface PointHandlers {
  onMouseEnter: MouseEventHandler;
  onMouseLeave: MouseEventHandler;
  onFocus: FocusEventHandler;
  onBlur: FocusEventHandler;
}

/** Hover or keyboard focus on an item highlights the line that produced it (suggestions have none). */
export function usePointAt(source: Explanation | undefined): PointHandlers {
  const point = useContext(PointerContext);
  const line = source?.source?.line ?? null;
  return {
    onMouseEnter: () => point(line),
    onMouseLeave: () => point(null),
    onFocus: () => point(line),
    onBlur: () => point(null),
  };
}
