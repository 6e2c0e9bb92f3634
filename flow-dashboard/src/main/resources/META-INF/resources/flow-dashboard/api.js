// The dashboard's JSON, under api/ next to the pages: the browser sends the credentials it signed in with for the
// pages. Changing requests carry the X-Flow-Dashboard header, which other sites cannot make a browser send.

const base = new URL('api/', window.location.origin + window.location.pathname);

async function call(path, options) {
  let response;
  try {
    response = await fetch(new URL(path, base), { credentials: 'same-origin', cache: 'no-store', ...options });
  } catch (e) {
    return { ok: false, status: 0, error: { code: 'UNREACHABLE', message: `the server did not answer: ${e.message}` } };
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = { code: `HTTP_${response.status}`, message: response.statusText || 'the answer is not JSON' };
  }
  return response.ok ? { ok: true, status: response.status, data: body }
    : { ok: false, status: response.status, error: body };
}

/** GET {@code path} (relative to api/) with query parameters; empty values are left out. */
export function get(path, query = {}) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.append(name, value);
  }
  const suffix = params.toString() ? `?${params}` : '';
  return call(path + suffix, { method: 'GET', headers: { Accept: 'application/json' } });
}

/** POST {@code text} (JSON as the user wrote it, so no number is rounded; empty sends no body) to {@code path}. */
export function post(path, text = '', headers = {}) {
  return call(path, {
    method: 'POST',
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'X-Flow-Dashboard': '1',
      ...headers,
    },
    body: text,
  });
}

/** A path segment, encoded. */
export function segment(text) {
  return encodeURIComponent(text);
}

/** Who is signed in: {user, canAct}. */
export async function caller() {
  const answer = await get('me');
  return answer.ok ? answer.data : { user: null, canAct: false };
}
