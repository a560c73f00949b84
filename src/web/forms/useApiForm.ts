import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { apiFieldErrors, describeError, validate, type FieldErrors } from './errors.js';

interface Options<S extends z.ZodType, R> {
  schema: S;
  send: (input: z.output<S>) => Promise<R>;
  onSuccess?: (result: R, input: z.output<S>) => void | Promise<void>;
  /** Checks across fields that the schema does not make (two passwords alike). */
  check?: (values: Record<string, unknown>) => FieldErrors;
}

/**
 * A form over one API call: the shared schema checks the input first, then the server's field
 * errors land next to the inputs they name, and anything else shows once above the button.
 */
export function useApiForm<S extends z.ZodType, R>({ schema, send, onSuccess, check }: Options<S, R>) {
  // The values last checked, not the messages: messages are made at render, in the current language.
  const [checked, setChecked] = useState<Record<string, unknown> | null>(null);
  const form = useRef<HTMLFormElement | null>(null);
  const names = useRef<Set<string>>(new Set());
  const mutation = useMutation({
    mutationFn: send,
    onSuccess,
    onError: () => focusFirstInvalid(form.current),
  });
  const clientErrors = checked ? findErrors(schema, checked, check) : {};
  const serverErrors = apiFieldErrors(mutation.error);
  const errors: FieldErrors = { ...serverErrors, ...clientErrors };

  // A server error about an input this form does not show is told above the button instead.
  const unplaced = Object.keys(serverErrors).some((name) => !names.current.has(name));

  function submit(values: Record<string, unknown>) {
    names.current = new Set(Object.keys(values));
    setChecked(values);
    mutation.reset();
    const result = validate(schema, values);
    if ('errors' in result || Object.keys(check?.(values) ?? {}).length > 0) {
      focusFirstInvalid(form.current);
      return;
    }
    mutation.mutate(result.data);
  }

  return {
    /** Use as `onSubmit={f.onSubmit(values)}`. */
    onSubmit: (values: Record<string, unknown>) => (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      form.current = event.currentTarget;
      submit(values);
    },
    error: (name: string) => errors[name],
    formError: mutation.isError && (Object.keys(serverErrors).length === 0 || unplaced) ? describeError(mutation.error) : null,
    pending: mutation.isPending,
    succeeded: mutation.isSuccess,
    result: mutation.data,
    reset: () => {
      setChecked(null);
      mutation.reset();
    },
  };
}

function findErrors(schema: z.ZodType, values: Record<string, unknown>, check?: (values: Record<string, unknown>) => FieldErrors): FieldErrors {
  const result = validate(schema, values);
  return { ...('errors' in result ? result.errors : {}), ...(check?.(values) ?? {}) };
}

// After a failed check, the first input marked invalid gets focus so keyboard users land on it.
function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
