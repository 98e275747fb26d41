/**
 * The six stages of DESIGN.md in front of every `/api/v1` request, in order, each able to refuse on
 * its own: shield → cors → auth → rate limit → authorize → audit (audit wraps them all, so refused
 * requests are recorded too). Written as plain functions over node's request/response; Express only
 * mounts the result.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import type { Catalog } from '../catalog/catalog.ts';
import { Problem } from '../errors/problem.ts';
import { PII_HEADER, PII_RANDOMISE, PII_RANDOMISED_HEADER } from '../explorer/explorer-headers.ts';
import { RequestTrace, runTraced } from '../explorer/request-trace.ts';
import { postTrace } from '../explorer/trace-inbox.ts';
import { setRequestContext, type RequestContext } from '../http/request-context.ts';
import { createPiiRandomiser } from '../pii/pii-randomiser.ts';
import { createAuditWriter, type AuditSink } from './audit-writer.ts';
import { createAuthenticator, STUDIO_EXPLORER } from './authenticate.ts';
import { createAuthorizer } from './authorize.ts';
import { checkOrigin, corsHandler } from './check-origin.ts';
import { clientAddress } from './client-address.ts';
import type { PipelineState } from './pipeline-state.ts';
import { createTokenRateLimiter } from './rate-limit.ts';
import type { SecurityOptions } from './security-options.ts';
import { createShield } from './shield.ts';
import type { TokenDirectory } from './token-directory.ts';

export interface SecurityPipelineDeps {
  /** The engine's current catalog (it changes when the catalog is refreshed). */
  readonly catalog: () => Catalog;
  readonly tokens: TokenDirectory;
  readonly audit: AuditSink;
  readonly options: SecurityOptions;
  readonly logger: Logger;
  readonly now?: () => number;
  /**
   * The Studio explorer's per-launch secret (`X-PAS-Explorer`, loopback peers only): such a request
   * is the Studio's own call, with the whitelist's rights, its SQL traced, PII optionally randomised.
   */
  readonly explorerSecret?: string;
  /** Key of the PII randomiser (random per launch by default, so fakes change at every launch). */
  readonly piiSeed?: Uint8Array;
}

export interface SecurityPipeline {
  readonly guard: RequestHandler;
  /** Writes queued audit entries now. */
  flushAudit(): void;
  close(): void;
}

/** Problems that count as a failed guess against the per-address throttle. */
const GUESSES = new Set(['PAS302', 'PAS306', 'PAS308', 'PAS630']);

function runCors(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  return new Promise((resolve, reject) => {
    corsHandler(req, res, (error?: unknown) => (error === undefined ? resolve(true) : reject(error)));
    // A preflight is answered by the cors package itself and never calls next.
    if (res.writableEnded) resolve(false);
  });
}

export function createSecurityPipeline(deps: SecurityPipelineDeps): SecurityPipeline {
  const { options, tokens, logger } = deps;
  const now = deps.now ?? Date.now;
  const shield = createShield(options);
  const authenticator = createAuthenticator(tokens, options, now, deps.explorerSecret);
  const limiter = createTokenRateLimiter();
  const authorizer = createAuthorizer(deps.catalog);
  // One randomiser per launch: a client keeps the same fake name in every answer until the next launch.
  const pii = createPiiRandomiser(deps.piiSeed ?? randomBytes(32));
  const audit = createAuditWriter(deps.audit, tokens, { maxDays: options.auditMaxDays, maxRows: options.auditMaxRows }, logger);

  function track(req: Request, res: Response, state: PipelineState, context: { current?: RequestContext }): void {
    let done = false;
    const started = performance.now();
    const record = (aborted: boolean): void => {
      if (done) return;
      done = true;
      audit.record({
        time: new Date(state.startedAt).toISOString(),
        tokenId: state.token?.id ?? null,
        ip: state.ip,
        method: req.method,
        path: (req.originalUrl.split('?')[0] ?? '').slice(0, 500),
        // 499: the client went away before the answer was complete (nginx's convention).
        status: aborted && !res.writableFinished ? 499 : res.statusCode,
        rows: context.current?.rows ?? null,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
        requestId: state.requestId,
      });
    };
    res.once('finish', () => record(false));
    res.once('close', () => record(true));
  }

  const guard = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const state: PipelineState = {
      requestId: String(res.getHeader('X-Request-Id') ?? ''),
      ip: clientAddress(req),
      startedAt: now(),
      rawBody: Buffer.alloc(0),
      token: undefined,
    };
    const context: { current?: RequestContext } = {};
    const arrived = performance.now();
    track(req, res, state, context);
    try {
      // 1 shield
      await shield.checkRequest(req, res, state);
      // 2 cors (preflight ends here, unauthenticated by design)
      if (!(await runCors(req, res))) return;
      req.body = await shield.readBody(req, state);
      // 3 auth
      const { token, explorer } = authenticator.authenticate(req, res, state);
      state.token = token;
      checkOrigin(req, token);
      // 4 rate limit (the Studio's own explorer calls spend no token's budget)
      if (token !== STUDIO_EXPLORER) await limiter.consume(res, token);
      // 5 authorize
      const access = authorizer.authorize(token, req.path);
      // Fake personal data: always for a sandbox token (its filters still match the real values), and
      // for the explorer's call when its toggle asks. The answer says so, for the explorer and any client.
      const piiRequested = token.sandbox === true || (explorer && req.headers[PII_HEADER] === PII_RANDOMISE);
      if (piiRequested) res.setHeader(PII_RANDOMISED_HEADER, 'randomised');
      context.current = {
        requestId: state.requestId,
        access,
        token: { id: token.id, name: token.name },
        ...(piiRequested ? { piiRequested, pii } : {}),
      };
      if (!explorer) {
        setRequestContext(req, context.current);
        return next();
      }
      // The explorer's call: traced (the rest of the request runs inside the trace), PII as it asks.
      const trace = new RequestTrace();
      trace.stage('security', performance.now() - arrived);
      context.current = { ...context.current, trace };
      setRequestContext(req, context.current);
      postTrace(state.requestId, trace);
      const over = runTraced(trace, next);
      res.once('close', over);
    } catch (error) {
      if (error instanceof Problem && GUESSES.has(error.code)) await shield.recordAuthFailure(state.ip);
      next(error);
    }
  };

  return { guard, flushAudit: audit.flush, close: audit.close };
}
