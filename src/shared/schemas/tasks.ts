import { z } from 'zod';
import { taskSources } from './journey.js';
import { uuidSchema } from './tenancy.js';

/** A person's own follow-up list: from notes, alerts and appointments, or written by hand. */

export const taskViews = ['today', 'upcoming', 'done'] as const;

export const taskSchema = z.object({
  id: uuidSchema,
  title: z.string(),
  /** Local date in the program's time zone; null: whenever (shown under today). */
  dueOn: z.iso.date().nullable(),
  overdue: z.boolean(),
  doneAt: z.iso.datetime({ offset: true }).nullable(),
  source: z.enum(taskSources),
  sourceId: z.string().nullable(),
  /** The participant it is about, while the owner may still see them. */
  participant: z.object({ id: uuidSchema, preferredName: z.string() }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Task = z.infer<typeof taskSchema>;

export const taskListSchema = z.object({ tasks: z.array(taskSchema), timeZone: z.string() });
export type TaskList = z.infer<typeof taskListSchema>;

export const taskListQuerySchema = z.object({ view: z.enum(taskViews).default('today') });

const title = z.string().trim().min(1).max(300);

export const createTaskSchema = z.object({
  title,
  dueOn: z.iso.date().optional(),
  participantId: uuidSchema.optional(),
});
export type CreateTask = z.infer<typeof createTaskSchema>;

export const updateTaskSchema = z
  .object({
    done: z.boolean().optional(),
    title: title.optional(),
    /** null: no date. */
    dueOn: z.iso.date().nullable().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'send at least one change' });
export type UpdateTask = z.infer<typeof updateTaskSchema>;
