import { useState } from 'react';
import { useDihyaEvents } from '../../hooks/use-dihya-events.ts';

export interface TaskProgress {
  label: string;
  done: number;
  total: number;
}

/** The latest `progress` event of one task (matched by its id), or undefined before the first. */
export function useTaskProgress(taskId: string | undefined): TaskProgress | undefined {
  const [progress, setProgress] = useState<{ taskId: string; value: TaskProgress } | undefined>(undefined);
  useDihyaEvents((event) => {
    if (event.type === 'progress' && taskId !== undefined && event.taskId === taskId) {
      setProgress({ taskId, value: { label: event.label, done: event.done, total: event.total } });
    }
  });
  return progress?.taskId === taskId ? progress?.value : undefined;
}
