import { caller, get, post, segment } from './api.js';
import { badge, duration, el, fill, json, parseField, runLink, showError, when } from './dom.js';
import { keepFresh, showCaller } from './common.js';

const runId = new URLSearchParams(window.location.search).get('id');
const TERMINAL = new Set(['completed', 'failed', 'canceled']);
const MAX_TREE_DEPTH = 4;

function notFound(message) {
  document.title = 'Not found · iterativeflow';
  document.getElementById('run').hidden = true;
  document.getElementById('not-found').hidden = false;
  fill('not-found-message', message);
}

function fact(name, value) {
  return [el('dt', {}, name), el('dd', {}, value)];
}

/** What the run waits for, read from its status and its latest events. */
function waitingFor(run) {
  const latest = (type) => [...run.events].reverse().find((event) => event.type === type);
  if (run.status === 'awaiting_signal') {
    const wait = latest('awaiting_signal');
    return ['Waiting for signal ', el('strong', { id: 'waiting-signal' }, wait && wait.detail ? wait.detail : '?')];
  }
  if (run.status === 'awaiting_child') {
    const wait = latest('awaiting_child');
    return ['Waiting for child ', wait && wait.detail ? runLink(wait.detail) : '?'];
  }
  if (run.status === 'sleeping' || run.status === 'retrying' || run.status === 'pending') {
    return run.availableAt ? `Next attempt due ${when(run.availableAt)}` : '';
  }
  return '';
}

function stepRow(step, index) {
  const state = step.completed ? 'completed' : step.error ? 'failed' : 'open';
  const took = step.finishedAt ? Date.parse(step.finishedAt) - Date.parse(step.createdAt) : null;
  const outcome = step.error ? el('span', { class: 'error-text' }, `${step.error.code || ''} ${step.error.message || ''}`)
    : step.result === undefined ? '' : el('code', {}, JSON.stringify(step.result));
  return el('tr', { 'data-step': step.cursorKey },
    el('td', { class: 'num' }, String(index + 1)),
    el('td', {}, step.name, el('div', { class: 'mono small' }, step.cursorKey)),
    el('td', {}, step.kind),
    el('td', {}, badge(state)),
    el('td', { class: 'num' }, String(step.attempts)),
    el('td', {}, when(step.createdAt)),
    el('td', {}, took === null ? 'running' : duration(took)),
    el('td', {}, outcome));
}

function timerRow(timer) {
  return el('tr', {}, el('td', { class: 'mono' }, timer.cursorKey), el('td', {}, timer.kind),
    el('td', {}, when(timer.dueAt)), el('td', {}, timer.firedAt ? when(timer.firedAt) : 'pending'));
}

function eventRow(event) {
  return el('tr', {}, el('td', {}, when(event.at)), el('td', {}, event.type), el('td', { class: 'num' },
    String(event.attempt)), el('td', { class: 'mono' }, event.cursorKey || ''), el('td', {}, event.detail || ''));
}

/** Child run ids, in the order the run started them (each wait for a child names it). */
function childIds(run) {
  const ids = run.events.filter((event) => event.type === 'awaiting_child' && event.detail)
    .map((event) => event.detail);
  return [...new Set(ids)];
}

async function tree(ids, depth) {
  if (ids.length === 0) return null;
  const items = await Promise.all(ids.map(async (id) => {
    const answer = await get(`runs/${segment(id)}`);
    if (!answer.ok) return el('li', {}, runLink(id), ' ', answer.error.code);
    const child = answer.data;
    const below = depth < MAX_TREE_DEPTH ? await tree(childIds(child), depth + 1) : null;
    return el('li', {}, runLink(child.runId), ` ${child.flow}@${child.version} `, badge(child.status), below);
  }));
  return el('ul', { class: 'tree' }, items);
}

async function show() {
  if (!runId) {
    notFound('No run id was given.');
    return;
  }
  const answer = await get(`runs/${segment(runId)}`);
  // the id is all this request sends: an id the engine refuses names no run either
  if (!answer.ok && (answer.status === 404 || answer.status === 400)) {
    notFound(answer.error.message || `No run with id ${runId}.`);
    return;
  }
  if (!answer.ok) {
    showError('run-error', answer.error);
    return;
  }
  fill('run-error');
  const run = answer.data;
  document.title = `Run ${run.flow} · iterativeflow`;
  document.getElementById('run').hidden = false;
  fill('run-id', run.runId);
  fill('run-status', badge(run.status));
  fill('facts',
    fact('Flow', `${run.flow}@${run.version}`),
    fact('Attempts', String(run.attempts)),
    fact('Priority', String(run.priority)),
    fact('Idempotency key', run.idempotencyKey || '—'),
    fact('Tags', (run.tags || []).join(', ') || '—'),
    fact('Created', when(run.createdAt)),
    fact('Updated', when(run.updatedAt)),
    fact('Finished', when(run.finishedAt)));
  fill('waiting', waitingFor(run));
  fill('run-input', json(run.input));
  fill('run-output', json(run.output));
  fill('run-failure', run.error ? `${run.error.code || ''}\n${run.error.message || ''}` : '—');
  fill('steps', run.steps.length > 0 ? run.steps.map(stepRow)
    : el('tr', {}, el('td', { colspan: 8, class: 'empty' }, 'No steps recorded yet.')));
  fill('timers', run.timers.length > 0 ? run.timers.map(timerRow)
    : el('tr', {}, el('td', { colspan: 4, class: 'empty' }, 'No timers.')));
  fill('events', run.events.map(eventRow));
  fill('children', (await tree(childIds(run), 1)) || el('p', { class: 'empty' }, 'No children.'));
  document.getElementById('cancel-submit').disabled = TERMINAL.has(run.status);
  document.getElementById('retry-submit').disabled = run.status !== 'failed';
}

async function cancel(event) {
  event.preventDefault();
  const reason = document.getElementById('cancel-reason').value.trim();
  const answer = await post(`runs/${segment(runId)}/cancel`, reason ? JSON.stringify({ reason }) : '');
  if (!answer.ok) {
    showError('action-result', answer.error);
  } else {
    fill('action-result', answer.data.canceled ? 'Canceled.' : `Not canceled: the run is ${answer.data.status}.`);
  }
  show();
}

async function retry(event) {
  event.preventDefault();
  const answer = await post(`runs/${segment(runId)}/retry`);
  if (!answer.ok) {
    showError('action-result', answer.error);
  } else {
    fill('action-result', answer.data.retry === 'retried' ? 'Retried.' : `Not retried: the run is ${answer.data.status}.`);
  }
  show();
}

async function signal(event) {
  event.preventDefault();
  fill('signal-result');
  const name = document.getElementById('signal-name').value.trim();
  const text = document.getElementById('signal-payload').value;
  if (!parseField(text, 'SIGNAL_PAYLOAD_INVALID', 'the payload', 'signal-payload-error').ok) return;
  const delivery = document.getElementById('signal-delivery').value.trim();
  const answer = await post(`runs/${segment(runId)}/signals/${segment(name)}`, text.trim() === '' ? 'null' : text,
    delivery ? { 'Idempotency-Key': delivery } : {});
  if (!answer.ok) {
    showError('signal-payload-error', answer.error);
  } else {
    fill('signal-result', 'Signal ', el('strong', {}, answer.data.signal), ': ',
      el('span', { id: 'signal-delivery-result', class: `delivery delivery-${answer.data.delivery}` },
        answer.data.delivery), answer.data.reason ? ` (${answer.data.reason})` : '');
  }
  show();
}

document.getElementById('cancel').addEventListener('submit', cancel);
document.getElementById('retry').addEventListener('submit', retry);
document.getElementById('signal').addEventListener('submit', signal);

caller().then(showCaller);
keepFresh(show);
