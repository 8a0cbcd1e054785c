import type { ErrorRequestHandler, RequestHandler } from 'express'
import { closeAfterAnswer } from './lingeringClose'

/** The JSON body of every API error: a machine-readable code and a human sentence. */
export interface ApiErrorBody {
  error: { code: string; message: string } & Record<string, unknown>
}

/** An error a route throws to answer with a 4xx status and an ApiErrorBody. */
export class HttpError extends Error {
  constructor(
    /** The HTTP status. */
    readonly status: number,
    /** A stable machine-readable code, e.g. `not_found`. */
    readonly code: string,
    message: string,
    /** More fields for the error body, e.g. the `line` of a malformed import. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message)
  }
}

/** Answers API paths nothing handled with a JSON 404. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'not_found', `No API endpoint ${req.method} ${req.path}.`))
}

/**
 * Turns thrown errors into JSON: HttpErrors as they say, body-parser errors as 4xx, bugs as 500.
 * A refusal that leaves some of the request's body unread closes the connection after it.
 */
export const errorHandler: ErrorRequestHandler = (error: unknown, req, res, next) => {
  if (res.headersSent) return next(error)
  // Else Node would read and discard the rest of the body to keep the connection: a refused
  // 60 MB upload would still be received whole.
  if (!req.complete) closeAfterAnswer(res)
  const body = (status: number, code: string, message: string, details = {}) =>
    res.status(status).json({ error: { code, message, ...details } } satisfies ApiErrorBody)
  if (error instanceof HttpError)
    return body(error.status, error.code, error.message, error.details)
  const status = (error as { status?: unknown }).status
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const type = (error as { type?: unknown }).type
    const code = type === 'entity.too.large' ? 'payload_too_large' : 'bad_request'
    return body(status, code, (error as Error).message)
  }
  console.error('unhandled error in a request:', error)
  return body(500, 'internal', 'Something went wrong on the server.')
}
