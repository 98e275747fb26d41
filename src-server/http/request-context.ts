/**
 * What the security pipeline learned about a request (who calls, with which rights, under which id),
 * handed to the transports (REST, GraphQL) without touching framework objects: a WeakMap keyed by
 * node's request, so it works for Express and plain node:http alike and dies with the request.
 */
import type { IncomingMessage } from 'node:http';
import type { Access } from '../engine/access.ts';
import { Problem } from '../errors/problem.ts';
import type { RequestTrace } from '../explorer/request-trace.ts';
import type { PiiRandomiser } from '../pii/pii-randomiser.ts';

export interface RequestContext {
  readonly requestId: string;
  readonly access: Access;
  /** The authenticated token (absent only where no token is required, e.g. in-process tests). */
  readonly token?: { readonly id: string; readonly name: string };
  /** Rows returned or changed, filled by the transport for the audit log. */
  rows?: number;
  /** The Studio explorer's SQL trace of this request (explorer calls only; see explorer/request-trace.ts). */
  readonly trace?: RequestTrace;
  /**
   * Randomise PII in the answer: set by the pipeline for an explorer call carrying `X-PAS-PII: randomise`
   * (and for sandbox tokens); the PII randomiser reads it.
   */
  readonly piiRequested?: boolean;
  /** The launch's PII randomiser, present exactly when `piiRequested`: the transports hand it to serialisation. */
  readonly pii?: PiiRandomiser;
}

const contexts = new WeakMap<IncomingMessage, RequestContext>();

export function setRequestContext(req: IncomingMessage, context: RequestContext): void {
  contexts.set(req, context);
}

/** The request's context; a request that reached a transport without one is a wiring bug (500). */
export function requestContext(req: IncomingMessage): RequestContext {
  const context = contexts.get(req);
  if (context === undefined) throw new Problem('PAS901', 'the request reached the data API without passing the security pipeline');
  return context;
}
