/** Writes a problem as `application/problem+json` (RFC 9457 §3), with the request's path as `instance`. */
import type { Response } from 'express';
import { problemBody, type Problem } from '../errors/problem.ts';

export function sendProblem(res: Response, problem: Problem, instance: string): void {
  if (problem.status === 405 && Array.isArray(problem.extra?.allowed)) {
    res.setHeader('Allow', allowHeader(problem.extra.allowed as string[]));
  }
  // RFC 9110 §10.2.3: a 503 (or 429) says when to come back; the problem carries it as `retryAfter`.
  if (typeof problem.extra?.retryAfter === 'number') res.setHeader('Retry-After', String(problem.extra.retryAfter));
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problemBody(problem, instance)));
}

const METHODS: Readonly<Record<string, string[]>> = {
  read: ['GET', 'HEAD'],
  create: ['POST'],
  update: ['PUT', 'PATCH'],
  delete: ['DELETE'],
};

/** The HTTP methods allowed by a resource's operations (RFC 9110 §10.2.1 requires Allow on 405). */
export function allowHeader(operations: readonly string[]): string {
  return operations.flatMap((op) => METHODS[op] ?? []).join(', ');
}
