import { caller, get, post, segment } from './api.js';
import { badge, duration, el, fill, parseField, runLink, showError, when } from './dom.js';
import { keepFresh, showCaller } from './common.js';

// The page of runs being shown: the cursor it was fetched with (null for the newest) and the older pages' cursors.
const paging = { cursor: null, previous: [], next: null };

function filters() {
  return {
    name: document.getElementById('filter-flow').value.trim(),
    status: document.getElementById('filter-status').value,
    tag: document.getElementById('filter-tag').value.trim(),
  };
}

async function showQueue() {
  const answer = await get('queue');
  if (!answer.ok) {
    showError('queue-error', answer.error);
    return;
  }
  fill('queue-error');
  fill('queue-ready', String(answer.data.ready));
  fill('queue-age', answer.data.ready > 0 ? duration(answer.data.oldestReadyAgeMillis) : '—');
  fill('queue-running', String(answer.data.running));
}

function row(run) {
  return el('tr', { 'data-run-id': run.runId },
    el('td', { class: 'mono' }, runLink(run.runId)),
    el('td', {}, `${run.flow}@${run.version}`),
    el('td', {}, badge(run.status)),
    el('td', { class: 'num' }, String(run.attempts)),
    el('td', {}, (run.tags || []).join(', ')),
    el('td', {}, when(run.createdAt)),
    el('td', {}, when(run.updatedAt)),
    el('td', {}, run.errorCode || ''));
}

async function showRuns() {
  const answer = await get('runs', { ...filters(), limit: 20, cursor: paging.cursor });
  if (!answer.ok) {
    showError('runs-error', answer.error);
    return;
  }
  fill('runs-error');
  const items = answer.data.items;
  fill('runs', items.length > 0 ? items.map(row)
    : el('tr', {}, el('td', { colspan: 8, class: 'empty' }, 'No runs match.')));
  paging.next = answer.data.nextCursor || null;
  document.getElementById('next-page').disabled = paging.next === null;
  fill('refreshed', new Date().toLocaleTimeString());
}

function refresh() {
  showQueue();
  showRuns();
}

async function start(event) {
  event.preventDefault();
  fill('start-result');
  const flow = document.getElementById('start-flow').value.trim();
  const text = document.getElementById('start-input').value;
  if (!parseField(text, 'INPUT_INVALID', 'the input', 'start-input-error').ok) return;
  const key = document.getElementById('start-key').value.trim();
  const answer = await post(`flows/${segment(flow)}/runs`, text, key ? { 'Idempotency-Key': key } : {});
  if (!answer.ok) {
    showError('start-input-error', answer.error);
    return;
  }
  fill('start-result', 'Started ', runLink(answer.data.runId), ` (${answer.data.flow}@${answer.data.version}).`);
  paging.cursor = null;
  paging.previous = [];
  refresh();
}

document.getElementById('filters').addEventListener('submit', (event) => {
  event.preventDefault();
  paging.cursor = null;
  paging.previous = [];
  showRuns();
});
document.getElementById('first-page').addEventListener('click', () => {
  paging.cursor = null;
  paging.previous = [];
  showRuns();
});
document.getElementById('next-page').addEventListener('click', () => {
  if (paging.next === null) return;
  paging.previous.push(paging.cursor);
  paging.cursor = paging.next;
  showRuns();
});
document.getElementById('start').addEventListener('submit', start);

caller().then(showCaller);
keepFresh(refresh);
