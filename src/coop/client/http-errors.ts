import { CoopError, type CoopErrorCode, excerptOf } from '../coop-error.js';

/** Where a failure happened, kept on every CoopError (never the query: it may hold a Cobot key). */
export interface CallSite {
  method: string;
  path: string;
  /** Strings that must never reach a message: the password, the Cobot key. */
  secrets: readonly string[];
  /** How the call authenticated, so a 401 can say which secret was refused. */
  auth: 'basic' | 'key' | 'none';
}

/** Blanks out secrets wherever a server (or a bug) echoed them. */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 3) out = out.split(secret).join('[redacted]');
  }
  return out;
}

function decodeXmlText(text: string): string {
  return text
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function messagesFromJson(body: string): string[] | undefined {
  try {
    const data: unknown = JSON.parse(body);
    if (typeof data === 'string') return [data];
    if (typeof data !== 'object' || data === null) return undefined;
    const errors = 'errors' in data ? data.errors : 'error' in data ? [data.error] : undefined;
    if (!Array.isArray(errors)) return undefined;
    // Rails also wrote `[["field", "message"]]` pairs; join them as "field message".
    return errors.map((e) => (Array.isArray(e) ? e.join(' ') : String(e)));
  } catch {
    return undefined;
  }
}

/**
 * The server's message from an error body (coop-api.md §13): `<errors><error>…</error></errors>`,
 * `{"errors":[…]}`, or plain text, trimmed. HTML pages and empty bodies give an empty message.
 */
export function messageFromBody(body: string): string {
  const text = body.trim();
  if (text === '') return '';
  if (text.startsWith('{') || text.startsWith('[') || text.startsWith('"')) {
    const messages = messagesFromJson(text);
    if (messages) return excerptOf(messages.join('; '), 300);
  }
  if (text.startsWith('<')) {
    const items = [...text.matchAll(/<error(?:\s[^>]*)?>([\s\S]*?)<\/error>/g)].map((m) =>
      decodeXmlText(m[1] ?? '').trim(),
    );
    // Any other markup (an HTML error page, say) is no message for a chat user.
    return excerptOf(items.join('; '), 300);
  }
  return excerptOf(text, 300);
}

const BY_STATUS: Record<number, [CoopErrorCode, string]> = {
  400: ['bad_request', 'Co-op refused the request'],
  403: ['forbidden', 'Co-op forbids this'],
  404: ['not_found', 'Not found, or not visible to this user'],
};

const UNAUTHORIZED_BY_AUTH: Record<CallSite['auth'], string> = {
  basic: 'Co-op rejected the email or password',
  key: 'Co-op rejected the Cobot key',
  none: 'Co-op asks for a login, and none was given',
};

function describeStatus(status: number, site: CallSite): [CoopErrorCode, string] {
  if (status === 401) return ['unauthorized', UNAUTHORIZED_BY_AUTH[site.auth]];
  const known = BY_STATUS[status];
  if (known) return known;
  if (status >= 500) return ['server_error', 'Co-op had a server error'];
  if (status >= 400) return ['bad_request', 'Co-op refused the request'];
  return ['bad_response', 'Co-op gave an unexpected answer'];
}

/** A CoopError for a non-2xx answer; 400 and 403 carry the server's own message. */
export function errorForStatus(status: number, body: string, site: CallSite): CoopError {
  const [code, summary] = describeStatus(status, site);
  const serverMessage = scrub(messageFromBody(body), site.secrets);
  const tail = serverMessage === '' ? '' : `: ${serverMessage}`;
  return new CoopError(code, `${site.method} ${site.path} → ${status}. ${summary}${tail}`, {
    status,
    method: site.method,
    path: site.path,
    excerpt: body.trim() === '' ? undefined : scrub(excerptOf(body), site.secrets),
    serverMessage: serverMessage === '' ? undefined : serverMessage,
  });
}

/** A bad_response for a 2xx body that could not be read, keeping where it came from. */
export function badResponse(problem: string, status: number, body: string, site: CallSite, cause?: unknown) {
  const excerpt = scrub(excerptOf(body), site.secrets);
  return new CoopError(
    'bad_response',
    `${site.method} ${site.path} → ${status}. ${scrub(problem, site.secrets)}`,
    {
      status,
      method: site.method,
      path: site.path,
      excerpt,
      cause,
    },
  );
}

const TIMEOUT_CODES = new Set([
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'ETIMEDOUT',
]);

function errorCode(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string') {
    return err.code;
  }
  return undefined;
}

/**
 * A CoopError for a call that got no usable answer: timeouts, refused or reset connections,
 * malformed HTTP. undici's own error is kept as `cause` (it holds no request headers).
 */
export function errorForFailure(err: unknown, site: CallSite, timeoutMs: number): CoopError {
  if (err instanceof CoopError) return err;
  const code = errorCode(err);
  const where = `${site.method} ${site.path}`;
  const details = { method: site.method, path: site.path, cause: err };
  if (code !== undefined && TIMEOUT_CODES.has(code)) {
    return new CoopError('timeout', `${where}: Co-op did not answer within ${timeoutMs} ms`, details);
  }
  if (code === 'UND_ERR_DESTROYED' || code === 'UND_ERR_CLOSED') {
    return new CoopError('network', `${where}: this Co-op client was closed`, details);
  }
  if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') {
    return new CoopError('bad_response', `${where}: the answer was too large`, details);
  }
  const reason = scrub(err instanceof Error ? err.message : String(err), site.secrets);
  return new CoopError('network', `${where}: could not reach Co-op (${code ?? reason})`, details);
}
