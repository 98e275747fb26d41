/**
 * Code samples of an explorer request from the generator /api_docs uses (`docs/code-samples.ts`),
 * with this server's real API base URL. The Studio's own credential never appears in a sample: a
 * request sent as the Studio gets /api_docs' token placeholder, a pasted token is written as is
 * (the developer pasted it to try it, and copies the sample to use it).
 */
import type { CodeSamples, ExplorerRequest } from '../../src-shared/admin-api.ts';
import { codeSamples, type SampleRequest } from '../docs/code-samples.ts';
import { TOKEN_PLACEHOLDER } from '../docs/render-operation.ts';
import { Problem } from '../errors/problem.ts';

const API = '/api/v1';

function jsonBody(request: ExplorerRequest): SampleRequest['body'] {
  if (request.method === 'GET' || request.body === undefined || request.body === null || request.body.trim() === '') return null;
  let body: unknown;
  try {
    body = JSON.parse(request.body);
  } catch {
    body = undefined;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new Problem('PAS631', 'code samples are made for JSON object bodies; this body is not one', {
      errors: [{ field: 'body', code: 'format', message: 'a JSON object' }],
    });
  }
  return body as Record<string, unknown>;
}

/** The request in the generator's terms: a path under the API base and decoded query pairs. */
export function sampleRequest(request: ExplorerRequest): SampleRequest {
  const q = request.path.indexOf('?');
  const path = (q < 0 ? request.path : request.path.slice(0, q)).slice(API.length) || '/';
  const query = q < 0 ? [] : [...new URLSearchParams(request.path.slice(q + 1))];
  return { method: request.method, path, query, body: jsonBody(request) };
}

export function explorerSamples(request: ExplorerRequest, baseUrl: string): CodeSamples {
  const token = request.auth.kind === 'token' ? request.auth.token : TOKEN_PLACEHOLDER;
  return codeSamples(sampleRequest(request), `${baseUrl}${API}`, token);
}
