import { el, fill } from './dom.js';

/** Shows who is signed in, and hides every element marked data-acts when the caller may only look. */
export function showCaller(me) {
  fill('caller', me.user ? el('span', {}, 'Signed in as ', el('strong', {}, me.user),
    me.canAct ? '' : el('span', { class: 'read-only', id: 'read-only' }, ' read-only')) : '');
  for (const node of document.querySelectorAll('[data-acts]')) {
    node.hidden = !me.canAct;
  }
}

/** Calls {@code refresh} now and every {@code seconds} while the page is visible. */
export function keepFresh(refresh, seconds = 5) {
  refresh();
  window.setInterval(() => {
    if (document.visibilityState === 'visible') refresh();
  }, seconds * 1000);
}
