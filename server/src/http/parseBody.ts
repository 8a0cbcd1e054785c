import type { z } from 'zod'
import { HttpError } from './errors'

/** Parses a request body with a schema; throws 400 invalid_request naming the first problem. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body ?? {})
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  const where = issue?.path.join('.') || 'body'
  throw new HttpError(400, 'invalid_request', `${where}: ${issue?.message ?? 'invalid'}`)
}
