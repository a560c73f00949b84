import { useQuery, useQueryClient } from '@tanstack/react-query';
import { taskListSchema, taskSchema, type CreateTask, type UpdateTask } from '../../../shared/schemas/tasks.js';
import { api, withQuery } from '../../api/client.js';

export type TaskView = 'today' | 'upcoming' | 'done';
export const tasksKey = ['tasks'] as const;

export function useTasks(view: TaskView) {
  return useQuery({ queryKey: [...tasksKey, view], queryFn: () => api.get(withQuery('/api/tasks', { view }), taskListSchema) });
}

export function useTaskActions() {
  const queryClient = useQueryClient();
  const refresh = <T,>(value: T) => {
    void queryClient.invalidateQueries({ queryKey: tasksKey });
    return value;
  };
  return {
    add: (input: CreateTask) => api.post('/api/tasks', taskSchema, input).then(refresh),
    update: (id: string, input: UpdateTask) => api.patch(`/api/tasks/${encodeURIComponent(id)}`, taskSchema, input).then(refresh),
  };
}
