// Builds the page with DOM nodes only. Every text, including run inputs, outputs and error messages, becomes a text
// node, never markup: a payload that holds HTML or a script is shown as the characters it is made of.

/** An element with attributes and children; strings and numbers become text nodes, null and false are skipped. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) {
      throw new Error('event handlers are added with addEventListener, not as attributes');
    }
    node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of the element with id {@code id}. */
export function fill(id, ...children) {
  const node = document.getElementById(id);
  node.replaceChildren();
  append(node, children);
  return node;
}

/** A JSON value as indented text; "—" when absent. */
export function json(value) {
  return value === undefined || value === null ? '—' : JSON.stringify(value, null, 2);
}

/** An instant as the browser's local date and time; "—" when absent. */
export function when(instant) {
  return instant ? new Date(instant).toLocaleString() : '—';
}

/** A duration in milliseconds as "850 ms", "12.4 s", "3 min 5 s" or "2 h 10 min". */
export function duration(millis) {
  if (millis === null || millis === undefined || Number.isNaN(millis)) return '—';
  if (millis < 1000) return `${Math.max(0, Math.round(millis))} ms`;
  const seconds = millis / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** A status as a badge whose class colours it. */
export function badge(status) {
  return el('span', { class: `status status-${status}`, 'data-status': status }, status);
}

/** A link to one run's page; the id travels in the query string, which holds nothing secret. */
export function runLink(runId, text = runId) {
  return el('a', { href: `run.html?id=${encodeURIComponent(runId)}`, class: 'run-link' }, text);
}

/**
 * Parses the text of a JSON field. On failure shows {@code code} and the parser's message next to the field (the
 * element {@code errorId}) and returns {ok: false}; nothing is sent then.
 */
export function parseField(text, code, what, errorId) {
  const shown = document.getElementById(errorId);
  shown.replaceChildren();
  try {
    return { ok: true, value: text.trim() === '' ? null : JSON.parse(text) };
  } catch (e) {
    showError(errorId, { code, message: `${what} is not valid JSON: ${e.message}` });
    return { ok: false };
  }
}

/** Shows an error body {code, message, issues} in the element {@code id}. */
export function showError(id, error) {
  const issues = Array.isArray(error.issues) && error.issues.length > 0
    ? el('ul', {}, error.issues.map((issue) => el('li', {}, issue))) : null;
  fill(id, el('span', { class: 'error-code' }, error.code), ' ', el('span', { class: 'error-message' },
    error.message), issues);
}
