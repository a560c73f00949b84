import type { FastifyInstance } from 'fastify';
import { createTaskSchema, taskListQuerySchema, taskListSchema, taskSchema, updateTaskSchema } from '../../../shared/schemas/tasks.js';
import { authed } from '../../platform/http.js';
import { idParams, typed, withErrors } from '../../platform/routes.js';
import { addTask } from './add-task.js';
import { listTasks } from './list-tasks.js';
import { updateTask } from './update-task.js';

const tags = ['tasks'];

// A task list is its owner's alone: every route works on the caller's own tasks.
export async function taskRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);

  r.get('/api/tasks', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: "My tasks: 'today' (due today or overdue in the program's time zone, and undated), 'upcoming', or 'done'",
      querystring: taskListQuerySchema,
      response: withErrors({ 200: taskListSchema }),
    },
    handler: (req) => listTasks(authed(req), req.query.view),
  });

  r.post('/api/tasks', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Add a task to my list, optionally about a participant whose record I may write to',
      body: createTaskSchema,
      response: withErrors({ 201: taskSchema }),
    },
    handler: async (req, reply) => reply.status(201).send(await addTask(authed(req), req.body)),
  });

  r.patch('/api/tasks/:id', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Tick one of my tasks done or not done, reword or re-date it',
      params: idParams,
      body: updateTaskSchema,
      response: withErrors({ 200: taskSchema }),
    },
    handler: (req) => updateTask(authed(req), req.params.id, req.body),
  });
}
