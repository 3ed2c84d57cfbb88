import { useRef, useState } from 'react';
import { useDihya } from '../../hooks/dihya-context.tsx';
import { useDihyaEvents } from '../../hooks/use-dihya-events.ts';
import type { TaskProgress } from '../publish/use-task-progress.ts';

/**
 * Progress of this project's running generation. `generation.run` takes no task id (unlike
 * `publish.run`) and answers only when done; its `progress` events carry the run's id, which the
 * UI learns by asking `generation.list` about the first unknown task id it sees while generating
 * (the run is recorded before its first event, so the answer is never late).
 */
export function useGenerationProgress(projectId: string, active: boolean): TaskProgress | undefined {
  const { client } = useDihya();
  const [progress, setProgress] = useState<TaskProgress | undefined>(undefined);
  const runId = useRef<string | undefined>(undefined);
  const asked = useRef(new Set<string>());
  const wasActive = useRef(active);
  if (active && !wasActive.current) {
    runId.current = undefined;
    asked.current.clear();
  }
  wasActive.current = active;

  useDihyaEvents((event) => {
    if (!active || event.type !== 'progress') return;
    const value = { label: event.label, done: event.done, total: event.total };
    if (runId.current === event.taskId) {
      setProgress(value);
      return;
    }
    if (runId.current !== undefined || asked.current.has(event.taskId)) return;
    asked.current.add(event.taskId);
    client.invoke('generation.list', { projectId, limit: 5 }).then(
      (list) => {
        if (list.items.some((g) => g.id === event.taskId && g.status === 'running')) {
          runId.current = event.taskId;
          setProgress(value);
        }
      },
      () => undefined,
    );
  });
  return active ? progress : undefined;
}
