// zod at the edge: the first problem becomes a 400 naming the field.
import type { z } from 'zod';
import { ValidationError } from '../errors';

export function parseInput<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') || 'body';
  throw new ValidationError(field, `${field}: ${issue?.message ?? 'is not valid'}`);
}
