// The jtc dashboard page. Every view has its own path (see PageRoute): the script reads the view
// from the address, loads what that view needs from the API every few seconds, and moves between
// views with the History API, so back, forward and reload work as on any site.
// Everything that comes from jobs (names, reasons, payloads, stack traces) is put into the page
// as text nodes, never as HTML, so a reason like "<script>" is shown, not run.
'use strict';

(() => {
  const REFRESH_MS = 3000;
  const PAGE_SIZE = 25;
  const STACK_EXCERPT_LINES = 6;
  const TOKEN = document.querySelector('meta[name="jtc-token"]').content;
  const QUEUE_NAME = /^[A-Za-z0-9._-]{1,200}$/;

  // The lists of one queue's jobs: the name in the page's address (?state=), the API's name, and
  // where their sizes are in /api/stats.
  const LISTS = [
    {name: 'ready', api: 'queued', label: 'Queued', size: (q) => q.ready,
      empty: (queue) => `No job is waiting on ${queue}.`},
    {name: 'scheduled', api: 'scheduled', label: 'Scheduled', size: (q) => q.scheduled,
      empty: (queue) => `No delayed job or retry is waiting on ${queue}.`},
    {name: 'active', api: 'active', label: 'Active', size: (q) => q.active,
      empty: (queue) => `No job of ${queue} is running.`},
  ];

  const state = {
    route: null, // the view the address names: {view, ...its parameters}
    expanded: new Set(), // ids of jobs whose details are open, kept across refreshes
    runs: new Map(), // task name -> id of the job its last "Run now" enqueued
    timer: null,
    seq: 0, // numbers the loads; only the newest one may render, so a slow old one cannot overwrite a new view
    data: null, // the last /api/stats answer: "now" for relative times, and the queues
  };

  const $ = (id) => document.getElementById(id);

  // --- building DOM --------------------------------------------------------------------------

  /** el('td', {class: 'num'}, 'text', childNode): attributes set one by one, children as text nodes. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'class') node.className = value;
      else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  function table(headers, rows, emptyText) {
    if (rows.length === 0) return el('p', {class: 'empty'}, emptyText);
    return el('div', {class: 'table-wrap'},
      el('table', {},
        el('thead', {}, el('tr', {}, headers.map((h) => el('th', {class: h.num ? 'num' : null}, h.label || h)))),
        rows[0] instanceof HTMLTableSectionElement ? rows : el('tbody', {}, rows)));
  }

  const count = (value) => Number(value).toLocaleString('en-US');
  const num = (value) => el('td', {class: 'num'}, count(value));
  const code = (text) => el('code', {}, text);

  // --- addresses -----------------------------------------------------------------------------

  const jobPath = (id) => `/jobs/${encodeURIComponent(id)}`;
  const queuePath = (queue, list) => `/queues/${encodeURIComponent(queue)}${list && list !== 'ready' ? `?state=${list}` : ''}`;

  /** A job's id as a link to its page. */
  const jobLink = (id) => el('a', {class: 'job-id', href: jobPath(id)}, id);

  /** The 1-based ?page= of the address as an offset into a list. */
  function offsetOf(params) {
    const page = Number.parseInt(params.get('page') || '1', 10);
    return Number.isInteger(page) && page > 1 ? (page - 1) * PAGE_SIZE : 0;
  }

  /** The view the address names; the same paths PageRoute serves the page for. */
  function routeOf(location) {
    const path = location.pathname;
    const params = new URLSearchParams(location.search);
    if (path === '/' || path === '/index.html') return {view: 'overview', history: params.get('history') === 'day' ? 'day' : 'minute'};
    if (path === '/completed') return {view: 'completed', offset: offsetOf(params)};
    if (path === '/failed') return {view: 'failed', offset: offsetOf(params)};
    if (path === '/scheduled') return {view: 'scheduled'};
    if (path === '/workers') return {view: 'workers'};
    const match = /^\/(queues|jobs)\/([^/]+)$/.exec(path);
    let name = null;
    try {
      name = match ? decodeURIComponent(match[2]) : null;
    } catch (malformed) {
      name = null;
    }
    if (match && match[1] === 'queues' && name !== null && QUEUE_NAME.test(name)) {
      const list = LISTS.find((l) => l.name === params.get('state')) || LISTS[0];
      return {view: 'queue', queue: name, list: list.name, offset: offsetOf(params)};
    }
    if (match && match[1] === 'jobs' && name !== null) return {view: 'job', id: name};
    return {view: 'notfound', path};
  }

  /** Goes to another view without reloading the page; the browser's back button comes back here. */
  function navigate(url, replace) {
    if (replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    route();
  }

  /** Shows the sections of the view the address names, empty until its data arrives, and loads it. */
  function route() {
    state.route = routeOf(window.location);
    for (const section of document.querySelectorAll('main [data-views]')) {
      section.hidden = !section.dataset.views.split(' ').includes(state.route.view);
    }
    for (const link of document.querySelectorAll('#nav a')) {
      link.classList.toggle('current', link.dataset.nav === state.route.view);
    }
    if (state.route.view === 'notfound') $('notfound-path').textContent = state.route.path;
    if (state.route.view === 'job') {
      $('job-title').textContent = 'Job';
      $('job-actions').replaceChildren();
      $('job').replaceChildren(el('p', {class: 'empty'}, 'Loading…'));
    }
    load();
  }

  // --- time ----------------------------------------------------------------------------------

  // The server writes every instant as the command line does (ISO-8601 UTC to the second,
  // 2026-01-05T09:00:00Z), so the page shows that text as it is; spans are written as the command
  // line writes them too (DisplayFormat.span): the two largest units, "45s", "5m30s", "3h5m", "2d4h".

  const UNITS = [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]];

  function span(seconds) {
    const first = UNITS.findIndex(([, size]) => seconds >= size);
    if (first < 0) return '0s';
    return UNITS.slice(first, first + 2).map(([name, size], i) => {
      const amount = i === 0 ? Math.floor(seconds / size) : Math.floor((seconds % UNITS[first][1]) / size);
      return amount > 0 ? `${amount}${name}` : '';
    }).join('');
  }

  /** "12s ago", "in 4m", "3h5m ago": relative to the server's clock, not the browser's. */
  function relative(iso) {
    if (!iso || !state.data) return '';
    const seconds = Math.round((Date.parse(iso) - Date.parse(state.data.now)) / 1000);
    if (seconds === 0) return 'now';
    const text = span(Math.abs(seconds));
    return seconds < 0 ? `${text} ago` : `in ${text}`;
  }

  const when = (iso) => iso ? el('time', {datetime: iso, title: iso}, relative(iso)) : el('span', {class: 'muted'}, '—');

  /** "2026-01-05T09:00:00Z (3s ago)" where the exact instant matters, as on the job page. */
  const instant = (iso) => iso ? [el('time', {datetime: iso}, iso), ' ', el('span', {class: 'muted'}, `(${relative(iso)})`)] : null;

  // --- what every view shows: navigation counts, broken keys, the title ------------------------

  function renderChrome(stats) {
    state.data = stats;
    const failed = stats.totals.failed;
    document.title = `${failed > 0 ? `(${failed}) ` : ''}${stats.app} · jtc dashboard`;
    $('nav-failed-count').textContent = failed > 0 ? String(failed) : '';
    $('nav-workers-count').textContent = String(stats.totals.workers);
    const queue = state.route.view === 'queue' ? state.route.queue : busiestQueue(stats.queues);
    $('nav-queues').setAttribute('href', queue ? queuePath(queue) : '/');
    renderBrokenKeys(stats.brokenKeys);
    renderUnlistened(stats.queues);
    $('updated').textContent = `Updated ${stats.now}`;
  }

  /** Queues holding ready jobs that no live worker listens to: they wait until one is started for them. */
  function renderUnlistened(queues) {
    const box = $('unlistened');
    const waiting = queues.filter((q) => q.ready > 0 && !q.listened);
    if (waiting.length === 0) {
      box.hidden = true;
      box.replaceChildren();
      return;
    }
    const names = waiting.map((q) => q.queue);
    box.replaceChildren(
      el('strong', {}, 'No live worker listens to '),
      ...names.flatMap((name, i) => [i > 0 ? ', ' : null, el('a', {href: queuePath(name), 'data-queue': name}, code(name))]),
      `, which hold${names.length === 1 ? 's' : ''} ready jobs; start one with `,
      code(`work --queues ${names.join(',')}`), '.');
    box.hidden = false;
  }

  /** The first queue with jobs, or the first queue; null before any queue was used. */
  function busiestQueue(queues) {
    const busy = queues.find((q) => q.ready + q.scheduled + q.active > 0) || queues[0];
    return busy ? busy.queue : null;
  }

  /** Keys that hold another type than jtc keeps there: the operations on them are refused until repaired. */
  function renderBrokenKeys(broken) {
    const box = $('broken-keys');
    if (!broken || broken.length === 0) {
      box.hidden = true;
      box.replaceChildren();
      return;
    }
    box.replaceChildren(
      el('strong', {}, `${broken.length} Redis key${broken.length === 1 ? '' : 's'} of the wrong type`),
      el('span', {}, ' — the operations that touch them are refused and their jobs stay where they are;'
        + ' inspect them, then run the check --repair command.'),
      el('ul', {}, ...broken.map((b) => el('li', {'data-key': b.key},
        code(b.key), ` is a ${b.found}, not a ${b.expected}`))));
    box.hidden = false;
  }

  // --- overview: totals, queues, job types -----------------------------------------------------

  function renderSummary(stats) {
    const totals = stats.totals;
    const queue = busiestQueue(stats.queues);
    const card = (label, value, tone, href) =>
      el(href ? 'a' : 'div', {class: `card${tone ? ' ' + tone : ''}`, href},
        el('div', {class: 'card-value'}, count(value)),
        el('div', {class: 'card-label'}, label));
    $('summary').replaceChildren(
      card('Queued', totals.ready, null, queue ? queuePath(queue, 'ready') : null),
      card('Scheduled', totals.scheduled, null, queue ? queuePath(queue, 'scheduled') : null),
      card('Active', totals.active, totals.active > 0 ? 'busy' : null, queue ? queuePath(queue, 'active') : null),
      card('Processed', totals.processed, 'good'),
      card('Failed attempts', totals.failures),
      card('Failed jobs', totals.failed, totals.failed > 0 ? 'bad' : null, '/failed'),
      card('Workers', totals.workers, totals.workers === 0 ? 'warn' : null, '/workers'));
  }

  function renderQueues(queues) {
    // Each count opens that list of the queue.
    const countLink = (queue, list, value) => el('td', {class: 'num'},
      el('a', {class: 'count', 'data-list': list, href: queuePath(queue, list), title: `Show these jobs of ${queue}`},
        count(value)));
    $('queues').replaceChildren(table(
      ['Queue', 'State', {label: 'Queued', num: true}, {label: 'Scheduled', num: true}, {label: 'Active', num: true},
        {label: 'Latency', num: true}, ''],
      queues.map((q) => el('tr', {'data-queue': q.queue},
        el('td', {}, el('a', {href: queuePath(q.queue)}, code(q.queue))),
        el('td', {class: 'queue-state'}, queueBadges(q).length ? queueBadges(q) : el('span', {class: 'muted'}, 'Running')),
        countLink(q.queue, 'ready', q.ready), countLink(q.queue, 'scheduled', q.scheduled),
        countLink(q.queue, 'active', q.active),
        el('td', {class: 'num latency'}, latency(q)),
        el('td', {class: 'row-actions'}, pauseButton(q)))),
      'No jobs are waiting, scheduled or running.'));
  }

  /** "Paused", and "No worker" for ready jobs nobody listens to. */
  function queueBadges(queue) {
    const badges = [];
    if (queue.paused) badges.push(el('span', {class: 'badge paused', title: 'Workers take no job from it until it is resumed'}, 'Paused'));
    if (queue.ready > 0 && !queue.listened) {
      badges.push(el('span', {class: 'badge unlistened', title: 'No live worker listens to this queue'}, 'No worker'));
    }
    return badges;
  }

  /** How long the oldest ready job has waited, as Sidekiq shows a queue's latency; over a minute stands out. */
  function latency(queue) {
    if (queue.latencySeconds === null || queue.latencySeconds === undefined) return el('span', {class: 'muted'}, '—');
    return el('span', {class: queue.latencySeconds >= 60 ? 'late' : null, title: `oldest ready since ${queue.oldestReadySince}`},
      span(queue.latencySeconds));
  }

  function pauseButton(queue) {
    const action = queue.paused ? 'resume' : 'pause';
    return el('button', {type: 'button', class: 'btn btn-small', 'data-action': action,
      title: queue.paused ? 'Let workers take its jobs again' : 'Workers finish what they run and take no more of its jobs',
      onclick: (event) => change(`/api/queues/${encodeURIComponent(queue.queue)}/${action}`, {
        done: () => queue.paused ? `Resumed ${queue.queue}: workers take its jobs again.`
          : `Paused ${queue.queue}: workers take no more of its jobs until it is resumed.`,
        button: event.target,
      })}, queue.paused ? 'Resume' : 'Pause');
  }

  function renderJobTypes(jobs) {
    $('jobs').replaceChildren(table(
      ['Job', 'Queue', {label: 'Retries', num: true}, 'Timeout', 'Backoff', 'Limits', 'Payload'],
      jobs.map((j) => el('tr', {'data-job-type': j.name},
        el('td', {}, el('div', {class: 'job-name'}, j.name)),
        el('td', {}, code(j.queue)),
        num(j.retries),
        el('td', {}, j.timeout || el('span', {class: 'muted'}, 'none')),
        el('td', {}, `${j.backoffBase} … ${j.backoffCap}`),
        el('td', {class: 'limits'}, j.limits || el('span', {class: 'muted'}, 'none')),
        el('td', {}, j.schema ? code(j.schema) : el('span', {class: 'muted'}, 'no parameters')))),
      'The application has no @Job classes.'));
  }

  // --- one queue's queued, scheduled or running jobs ------------------------------------------

  function tab(selected, href, attrs, ...children) {
    return el('a', {role: 'tab', class: selected ? 'tab selected' : 'tab', 'aria-selected': String(selected), href, ...attrs},
      ...children);
  }

  function renderPendingTabs(queues, {queue, list}) {
    const current = queues.find((q) => q.queue === queue);
    $('pending-queue').textContent = queue;
    const named = current ? queues : [...queues, {queue, ready: 0, scheduled: 0, active: 0}];
    const shown = current || {queue, ready: 0, scheduled: 0, active: 0, paused: false, listened: true, latencySeconds: null};
    $('pending-queue-state').replaceChildren(...queueBadges(shown),
      shown.latencySeconds !== null ? el('span', {class: 'muted small'}, ' latency ', latency(shown)) : '');
    $('pending-actions').replaceChildren(pauseButton(shown));
    $('pending-queues').replaceChildren(...named.map((q) =>
      tab(q.queue === queue, queuePath(q.queue, list), {'data-queue': q.queue}, q.queue)));
    $('pending-states').replaceChildren(...LISTS.map((l) =>
      tab(l.name === list, queuePath(queue, l.name), {'data-list': l.name},
        l.label, el('span', {class: 'count'}, current ? count(l.size(current)) : '0'))));
  }

  function renderPendingJobs(page, route) {
    const headers = {
      queued: ['Job', {label: 'Attempt', num: true}, 'Enqueued', ''],
      scheduled: ['Job', {label: 'Attempt', num: true}, 'Runs', 'Last error', 'Enqueued', ''],
      active: ['Job', {label: 'Attempt', num: true}, 'Worker', 'Running since', 'Enqueued'],
    }[page.state];
    const list = LISTS.find((l) => l.api === page.state);
    $('pending').replaceChildren(table(headers, page.jobs.map(pendingJob), list.empty(page.queue)));
    renderPager($('pending-pager'), page, ['‹ Previous', 'Next ›'],
      (offset) => pageUrl(queuePath(route.queue, route.list), offset));
  }

  function pendingJob(job) {
    const payload = el('details', {class: 'payload-toggle', open: state.expanded.has(job.id)},
      el('summary', {}, 'Payload'), el('pre', {class: 'payload'}, job.payload),
      job.uniqueKey ? el('div', {class: 'muted small'}, 'Unique key ', code(job.uniqueKey)) : null);
    payload.addEventListener('toggle', () => {
      if (payload.open) state.expanded.add(job.id); else state.expanded.delete(job.id);
    });
    const cells = [
      el('td', {}, el('div', {class: 'job-name'}, job.name), jobLink(job.id), payload),
      num(job.attempt)];
    if (job.state === 'scheduled') {
      cells.push(el('td', {}, when(job.runAt)),
        el('td', {class: 'reason'}, job.lastError ? el('div', {class: 'reason-text'}, job.lastError) : el('span', {class: 'muted'}, '—')));
    } else if (job.state === 'active') {
      cells.push(el('td', {}, code(job.worker)), el('td', {}, when(job.activeSince)));
    }
    cells.push(el('td', {}, when(job.enqueuedAt)));
    if (job.cancellable) {
      cells.push(el('td', {class: 'row-actions'}, cancelButton(job)));
    }
    return el('tr', {class: 'pending-job', 'data-job-id': job.id}, cells);
  }

  function cancelButton(job) {
    return el('button', {type: 'button', class: 'btn btn-small btn-danger', 'data-action': 'cancel',
      onclick: (event) => change(`/api/waiting/${encodeURIComponent(job.id)}/cancel`, {
        done: () => `Cancelled ${job.name}.`,
        confirm: `Cancel ${job.name} (${job.id})? It will not run.`,
        button: event.target,
      })}, 'Cancel');
  }

  // --- the failed set --------------------------------------------------------------------------

  function renderFailed(failed) {
    $('failed-count').textContent = failed.total > 0 ? String(failed.total) : '';
    $('retry-all').disabled = failed.total === 0;
    $('purge').disabled = failed.total === 0;
    $('retry-all').dataset.total = String(failed.total);
    const bodies = failed.jobs.map(failedJob);
    $('failed').replaceChildren(table(
      ['Job', 'Queue', 'Reason', {label: 'Attempts', num: true}, 'Failed', ''],
      bodies, 'No failed jobs.'));
    renderPager($('failed-pager'), failed, ['‹ Newer', 'Older ›'], (offset) => pageUrl('/failed', offset));
  }

  function failedJob(job) {
    const open = state.expanded.has(job.id);
    const detail = el('tr', {class: 'detail', hidden: !open},
      el('td', {colspan: 6}, failureDetails(job)));
    const toggle = el('button', {type: 'button', class: 'link', 'aria-expanded': String(open), 'data-action': 'details'},
      open ? 'Hide details' : 'Details');
    toggle.addEventListener('click', () => {
      const nowOpen = detail.hidden;
      detail.hidden = !nowOpen;
      toggle.setAttribute('aria-expanded', String(nowOpen));
      toggle.textContent = nowOpen ? 'Hide details' : 'Details';
      if (nowOpen) state.expanded.add(job.id); else state.expanded.delete(job.id);
    });
    return el('tbody', {class: 'failed-job', 'data-job-id': job.id},
      el('tr', {},
        el('td', {}, el('div', {class: 'job-name'}, job.name), jobLink(job.id)),
        el('td', {}, code(job.queue)),
        el('td', {class: 'reason'}, el('div', {class: 'reason-text'}, job.reason || ''), toggle),
        num(job.attempts),
        el('td', {}, when(job.failedAt)),
        el('td', {class: 'row-actions'}, failedButtons(job))),
      detail);
  }

  /** Retry and Delete for a job in the failed set; {afterDelete} runs once it is gone. */
  function failedButtons(job, afterDelete) {
    const path = `/api/failed/${encodeURIComponent(job.id)}`;
    return [
      el('button', {type: 'button', class: 'btn btn-small', 'data-action': 'retry',
        onclick: (event) => change(`${path}/retry`, {
          done: () => `Retried ${job.name}: it is back on queue ${job.queue}.`, button: event.target})},
        'Retry'),
      el('button', {type: 'button', class: 'btn btn-small btn-danger', 'data-action': 'delete',
        onclick: (event) => change(`${path}/delete`, {
          done: () => `Deleted ${job.name}.`,
          confirm: `Delete failed job ${job.name} (${job.id})? This cannot be undone.`,
          button: event.target, after: afterDelete})}, 'Delete')];
  }

  function failureDetails(job) {
    const facts = el('dl', {class: 'facts'},
      el('dt', {}, 'Enqueued'), el('dd', {}, job.enqueuedAt || ''),
      el('dt', {}, 'Failed'), el('dd', {}, job.failedAt || ''),
      el('dt', {}, 'Recoveries'), el('dd', {}, String(job.recoveries)),
      job.uniqueKey ? [el('dt', {}, 'Unique key'), el('dd', {}, code(job.uniqueKey))] : null,
      job.fingerprint ? [el('dt', {}, 'Fingerprint'), el('dd', {}, code(job.fingerprint))] : null);
    return el('div', {class: 'details'},
      facts,
      el('h3', {}, 'Payload'), el('pre', {class: 'payload'}, job.payload),
      el('h3', {}, 'Attempts'), attempts(job.history, false));
  }

  /** The failed attempts, oldest first; with {excerpt}, each stack trace's first lines and the rest folded away. */
  function attempts(history, excerpt) {
    if (history.length === 0) return el('p', {class: 'muted'}, 'No attempt failed.');
    return el('ol', {class: 'history'}, history.map((f) => el('li', {'data-attempt': f.attempt},
      el('div', {class: 'attempt'}, el('strong', {}, `Attempt ${f.attempt}`), ` · ${f.at || ''} · `,
        el('span', {class: 'reason-text'}, f.reason || '')),
      f.stackTrace ? stack(f.stackTrace, excerpt) : null)));
  }

  function stack(trace, excerpt) {
    const lines = trace.split('\n');
    if (!excerpt || lines.length <= STACK_EXCERPT_LINES) return el('pre', {class: 'trace'}, trace);
    return el('div', {},
      el('pre', {class: 'trace excerpt'}, `${lines.slice(0, STACK_EXCERPT_LINES).join('\n')}\n\t…`),
      el('details', {class: 'payload-toggle'}, el('summary', {}, `All ${lines.length} lines`),
        el('pre', {class: 'trace'}, trace)));
  }

  /**
   * "‹ Newer  1–25 of 80  Older ›" under a paged list; urlOf(offset) is the address of another page.
   * Without {totalKnown} the count is left out: page.total is then only past the last row if more follow.
   */
  function renderPager(pager, page, [backLabel, forwardLabel], urlOf, totalKnown = true) {
    if (page.total <= page.limit && page.offset === 0) {
      pager.replaceChildren();
      return;
    }
    const first = page.jobs.length ? page.offset + 1 : 0;
    const last = page.offset + page.jobs.length;
    const step = (label, offset, disabled) => disabled
      ? el('span', {class: 'btn btn-small', 'aria-disabled': 'true'}, label)
      : el('a', {class: 'btn btn-small', href: urlOf(offset)}, label);
    pager.replaceChildren(
      step(backLabel, Math.max(0, page.offset - PAGE_SIZE), page.offset === 0),
      el('span', {class: 'muted'}, totalKnown ? `${first}–${last} of ${page.total}` : `${first}–${last}`),
      step(forwardLabel, page.offset + PAGE_SIZE, last >= page.total));
  }

  /** {base} at the page of a list that starts at {offset}, keeping its other query parameters. */
  function pageUrl(base, offset) {
    const url = new URL(base, window.location.origin);
    if (offset > 0) url.searchParams.set('page', String(Math.floor(offset / PAGE_SIZE) + 1));
    return url.pathname + url.search;
  }

  // --- recently completed jobs -----------------------------------------------------------------

  function renderCompleted(completed) {
    $('completed-kept').textContent = `the last ${count(completed.keptPerQueue)} of each queue`;
    $('completed').replaceChildren(table(
      ['Job', 'Queue', {label: 'Attempt', num: true}, 'Enqueued', 'Completed', {label: 'Run time', num: true}],
      completed.jobs.map((job) => el('tr', {class: 'completed-job', 'data-job-id': job.id},
        el('td', {}, el('div', {class: 'job-name'}, job.name), jobLink(job.id)),
        el('td', {}, el('a', {href: queuePath(job.queue)}, code(job.queue))),
        num(job.attempt),
        el('td', {}, when(job.enqueuedAt)),
        el('td', {}, when(job.completedAt)),
        el('td', {class: 'num'}, job.runMillis === null ? el('span', {class: 'muted'}, '—') : millis(job.runMillis)))),
      'No job has completed yet.'));
    // No total: the broker keeps a bounded list per queue, so the pager only knows whether older ones follow.
    const page = {offset: completed.offset, limit: completed.limit, jobs: completed.jobs,
      total: completed.offset + completed.jobs.length + (completed.more ? 1 : 0)};
    renderPager($('completed-pager'), page, ['‹ Newer', 'Older ›'], (offset) => pageUrl('/completed', offset), false);
  }

  /** "850ms", "2.4s", then spans as elsewhere ("1m5s"). */
  function millis(ms) {
    if (ms < 1000) return `${ms}ms`;
    if (ms < 60000) return `${(ms / 1000).toFixed(1)}s`;
    return span(Math.round(ms / 1000));
  }

  // --- the throughput chart --------------------------------------------------------------------

  const SVG = 'http://www.w3.org/2000/svg';
  const CHART = {width: 1000, height: 220, left: 44, right: 8, top: 10, bottom: 24};

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, String(value));
    for (const child of children.flat()) {
      if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  /** The smallest 1, 2 or 5 times a power of ten at or above {value}, so the axis reads in round numbers. */
  function niceCeiling(value) {
    if (value <= 4) return 4;
    const power = 10 ** Math.floor(Math.log10(value));
    return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= value);
  }

  /** One stacked bar per bucket: completed attempts at the bottom, failed ones above; its title says both. */
  function renderChart(history) {
    const {width, height, left, right, top, bottom} = CHART;
    const buckets = history.buckets;
    const max = niceCeiling(Math.max(0, ...buckets.map((b) => b.processed + b.failed)));
    const plotHeight = height - top - bottom;
    const slot = (width - left - right) / buckets.length;
    const y = (value) => top + plotHeight - (value / max) * plotHeight;
    const byMinute = history.resolution === 'minute';
    const label = (start) => byMinute ? start.slice(11, 16) : start.slice(5, 10); // HH:MM or MM-DD, UTC like every time here
    const every = byMinute ? 10 : 5;
    const grid = [0, max / 2, max].map((value) => svg('g', {},
      svg('line', {class: 'grid', x1: left, x2: width - right, y1: y(value), y2: y(value)}),
      svg('text', {class: 'axis-label', x: left - 6, y: y(value) + 4, 'text-anchor': 'end'}, count(value))));
    const bars = buckets.map((b, i) => {
      const x = left + i * slot + slot * 0.1;
      const barWidth = Math.max(1, slot * 0.8);
      return svg('g', {class: 'bucket', 'data-start': b.start, 'data-processed': b.processed, 'data-failed': b.failed},
        svg('title', {}, `${b.start}: ${count(b.processed)} completed, ${count(b.failed)} failed`),
        svg('rect', {class: 'processed', x, width: barWidth, y: y(b.processed), height: y(0) - y(b.processed)}),
        svg('rect', {class: 'failed', x, width: barWidth, y: y(b.processed + b.failed), height: y(b.processed) - y(b.processed + b.failed)}));
    });
    const ticks = buckets.map((b, i) => (buckets.length - 1 - i) % every === 0
      ? svg('text', {class: 'axis-label', x: left + i * slot + slot / 2, y: height - 6, 'text-anchor': 'middle'}, label(b.start))
      : null);
    const range = byMinute ? `the last ${buckets.length} minutes` : `the last ${buckets.length} days`;
    $('chart-summary').textContent = ` ${count(history.processed)} completed · ${count(history.failed)} failed in ${range} (UTC)`;
    $('chart').replaceChildren(
      svg('svg', {viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'none', role: 'img', id: 'throughput',
        'aria-label': `Completed and failed attempts per ${history.resolution}`,
        'data-processed': history.processed, 'data-failed': history.failed}, grid, bars, ticks),
      el('div', {class: 'legend'},
        el('span', {}, el('span', {class: 'swatch processed'}), 'Completed'),
        el('span', {}, el('span', {class: 'swatch failed'}), 'Failed')));
    for (const tab of document.querySelectorAll('#history-tabs [data-history]')) {
      const selected = tab.dataset.history === history.resolution;
      tab.classList.toggle('selected', selected);
      tab.setAttribute('aria-selected', String(selected));
    }
  }

  // --- scheduled tasks -------------------------------------------------------------------------

  function renderSchedules(schedules) {
    $('schedules').replaceChildren(table(
      ['Task', 'Schedule', 'Zone', 'Description', 'Queue', 'Last tick', 'Next runs'],
      schedules.map((s) => el('tr', {'data-task': s.name},
        el('td', {}, el('div', {class: 'job-name'}, s.name),
          el('div', {class: 'muted small'}, [s.overlap ? null : 'no overlap', missedText(s.missed)].filter(Boolean).join(' · ')),
          el('div', {class: 'run-now'}, runNowButton(s.name)),
          state.runs.has(s.name) ? el('div', {class: 'muted small ran-now'}, 'ran now as ', jobLink(state.runs.get(s.name))) : null),
        el('td', {class: 'expression'}, el('span', {class: 'tag'}, s.kind === 'cron' ? 'cron' : 'every'), ' ', code(s.expression)),
        el('td', {}, s.zone),
        el('td', {}, s.description || s.summary, s.description ? el('div', {class: 'muted small'}, s.summary) : null),
        el('td', {}, el('a', {href: queuePath(s.queue)}, code(s.queue))),
        el('td', {}, when(s.lastTick)),
        el('td', {class: 'next-runs'},
          s.nextRuns.map((r) => el('div', {title: r.at}, r.local, ' ', el('span', {class: 'muted'}, relative(r.at)))),
          s.neverAgain ? el('div', {class: 'muted'}, 'never again') : null))),
      'The application has no @Cron or @Every methods.'));
  }

  /** Enqueues one run of the task at once, as a tick would; the scheduled ticks go on as before. */
  function runNowButton(task) {
    return el('button', {type: 'button', class: 'btn btn-small', 'data-action': 'run',
      title: 'Enqueue one run now; the schedule is not changed',
      onclick: (event) => change(`/api/tasks/${encodeURIComponent(task)}/run`, {
        done: (body) => {
          state.runs.set(task, body.id);
          return [`Enqueued ${task} as job `, jobLink(body.id), '.'];
        },
        button: event.target,
      })}, 'Run now');
  }

  function missedText(missed) {
    return {SKIP: 'missed ticks skipped', RUN_ONCE: 'missed ticks run once', RUN_ALL: 'missed ticks all run'}[missed] || missed;
  }

  // --- workers ---------------------------------------------------------------------------------

  function renderWorkers(workers) {
    $('workers').replaceChildren(table(
      ['Worker', 'Host', {label: 'PID', num: true}, 'Queues', 'Busy', 'Running', 'Started', 'Last heartbeat'],
      workers.map((w) => el('tr', {'data-worker-id': w.id},
        el('td', {}, code(w.id)), el('td', {}, w.host), el('td', {class: 'num'}, String(w.pid)),
        el('td', {}, w.queues.map((q) => el('a', {class: 'tag', href: queuePath(q)}, q))),
        el('td', {class: 'busy'}, busyMeter(w.busy, w.concurrency), el('span', {class: 'busy-count'}, `${w.busy} / ${w.concurrency}`)),
        el('td', {}, w.running.length === 0 ? el('span', {class: 'muted'}, 'idle')
          : el('ul', {class: 'running'}, w.running.map((job) => el('li', {'data-job-id': job.id},
            el('span', {class: 'job-name'}, job.name), ' ', jobLink(job.id),
            el('span', {class: 'muted small'}, ' on ', job.queue, ' for ', since(job.startedAt)))))),
        el('td', {}, when(w.startedAt)), el('td', {}, when(w.lastHeartbeat)))),
      'No worker is running. Start one with the application\'s "work" command.'));
  }

  /** A bar filled to the share of a worker's slots that run a job, as of its last heartbeat. */
  function busyMeter(busy, concurrency) {
    const fill = el('span', {});
    fill.style.width = `${concurrency > 0 ? Math.min(100, Math.round((busy / concurrency) * 100)) : 0}%`; // CSSOM: the policy allows no style attributes
    return el('span', {class: 'meter', role: 'img', 'aria-label': `${busy} of ${concurrency} slots busy`}, fill);
  }

  /** "12s" since {iso}, by the server's clock. */
  function since(iso) {
    return span(Math.max(0, Math.round((Date.parse(state.data.now) - Date.parse(iso)) / 1000)));
  }

  // --- one job ---------------------------------------------------------------------------------

  function renderJob(job) {
    $('job-title').replaceChildren(job.name ? `Job ${job.name} ` : 'Job ', el('span', {class: `state state-${job.state}`}, job.state));
    const actions = [];
    if (job.cancellable) actions.push(cancelButton({id: job.id, name: job.name}));
    if (job.retryable) actions.push(...failedButtons(job, () => navigate('/failed')));
    $('job-actions').replaceChildren(...actions);
    const fact = (label, ...value) => value.some((v) => v !== null && v !== undefined)
      ? [el('dt', {}, label), el('dd', {'data-fact': label.toLowerCase()}, ...value)] : null;
    const attemptsText = job.attempts === null ? null
      : `${job.attempts}${job.maxAttempts ? ` of ${job.maxAttempts}` : ''}`;
    const facts = el('dl', {class: 'facts'},
      fact('ID', code(job.id)),
      fact('State', job.state),
      fact('Name', job.name),
      fact('Queue', el('a', {href: queuePath(job.queue)}, code(job.queue))),
      fact('Attempts', attemptsText),
      job.recoveries ? fact('Recoveries', `${job.recoveries} (taken back from workers that died running it)`) : null,
      fact('Enqueued', instant(job.enqueuedAt)),
      // A delayed job's requested time; a retry's next time is its due time, below.
      job.runAt && job.runAt !== job.enqueuedAt && job.runAt !== job.dueAt ? fact('Run at', instant(job.runAt)) : null,
      fact(job.history.length && job.state === 'scheduled' ? 'Retries at' : 'Runs at', instant(job.dueAt)),
      fact('Started', instant(job.activeSince)),
      fact('Worker', job.worker ? code(job.worker) : null),
      fact('Failed at', instant(job.failedAt)),
      fact('Reason', job.reason ? el('span', {class: 'reason-text'}, job.reason) : null),
      fact('Unique key', job.uniqueKey ? code(job.uniqueKey) : null),
      fact('Fingerprint', job.fingerprint ? code(job.fingerprint) : null));
    const parts = [facts];
    if (job.stored) {
      parts.push(el('h3', {}, 'Payload'), el('pre', {class: 'payload', id: 'job-payload'}, pretty(job.payload)));
    } else {
      parts.push(el('p', {class: 'muted'}, 'The broker keeps only the state of a completed job (for JTC_COMPLETED_RETENTION,'
        + ' default 5m), not its payload or times.'));
    }
    if (job.history.length) parts.push(el('h3', {}, 'Errors'), attempts(job.history, true));
    $('job').replaceChildren(el('div', {class: 'details'}, parts));
  }

  function renderMissingJob(route, status, body) {
    $('job-title').textContent = 'Job';
    $('job-actions').replaceChildren();
    $('job').replaceChildren(el('div', {class: 'details', id: 'job-missing'},
      el('p', {}, status === 404 ? `No job with id ${route.id}.` : explain(body)),
      status === 404 ? el('p', {class: 'muted'}, body.hint) : null));
  }

  /** The payload indented for reading; as it is if it is not JSON (another producer's). */
  function pretty(payload) {
    try {
      return JSON.stringify(JSON.parse(payload), null, 2);
    } catch (notJson) {
      return payload;
    }
  }

  // --- talking to the server -----------------------------------------------------------------

  async function getJson(path) {
    const response = await fetch(path, {headers: {Accept: 'application/json'}, cache: 'no-store'});
    return {status: response.status, ok: response.ok, body: await response.json()};
  }

  async function getOk(path) {
    const answer = await getJson(path);
    if (!answer.ok) throw new Error(explain(answer.body));
    return answer.body;
  }

  /** What each view reads besides /api/stats, and how it shows it; returns false to load again at once. */
  const VIEWS = {
    overview: async (route, stats) => {
      const [types, history] = await Promise.all([getOk('/api/jobs'), getOk(`/api/history?resolution=${route.history}`)]);
      return () => {
        renderSummary(stats);
        renderChart(history.history);
        renderQueues(stats.queues);
        renderJobTypes(types.jobs);
      };
    },
    completed: async (route) => {
      const body = await getOk(`/api/completed?offset=${route.offset}&limit=${PAGE_SIZE}`);
      if (route.offset > 0 && body.completed.jobs.length === 0) return lastPage(0);
      return () => renderCompleted(body.completed);
    },
    queue: async (route, stats) => {
      const list = LISTS.find((l) => l.name === route.list);
      const page = await getOk(`/api/queues/${encodeURIComponent(route.queue)}/${list.api}`
        + `?offset=${route.offset}&limit=${PAGE_SIZE}`);
      if (route.offset > 0 && route.offset >= page.total) return lastPage(page.total);
      return () => {
        renderPendingTabs(stats.queues, route);
        renderPendingJobs(page, route);
      };
    },
    failed: async (route) => {
      const body = await getOk(`/api/failed?offset=${route.offset}&limit=${PAGE_SIZE}`);
      if (route.offset > 0 && route.offset >= body.failed.total) return lastPage(body.failed.total);
      return () => renderFailed(body.failed);
    },
    scheduled: async () => {
      const body = await getOk('/api/schedules');
      return () => renderSchedules(body.schedules);
    },
    workers: async (route, stats) => () => renderWorkers(stats.workers),
    job: async (route) => {
      const answer = await getJson(`/api/jobs/${encodeURIComponent(route.id)}`);
      if (answer.status === 404 || answer.status === 400) return () => renderMissingJob(route, answer.status, answer.body);
      if (!answer.ok) throw new Error(explain(answer.body));
      return () => renderJob(answer.body.job);
    },
    notfound: async () => () => {},
  };

  /** The page of a list we were on emptied (jobs ran, were retried or cancelled): go to its last page instead. */
  function lastPage(total) {
    const url = new URL(window.location.href);
    const page = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (page > 1) url.searchParams.set('page', String(page)); else url.searchParams.delete('page');
    history.replaceState(null, '', url.pathname + url.search);
    state.route = routeOf(window.location);
    return null;
  }

  async function load() {
    const seq = ++state.seq;
    const route = state.route;
    clearTimeout(state.timer);
    try {
      const stats = await getOk('/api/stats');
      const show = await VIEWS[route.view](route, stats);
      if (seq !== state.seq) return; // a newer load (another view, a click) took over
      if (show === null) {
        load();
        return;
      }
      renderChrome(stats);
      show();
      hideBanner();
    } catch (error) {
      if (seq !== state.seq) return;
      showBanner(`Could not load the dashboard's data: ${error.message}. Retrying…`);
    }
    scheduleRefresh();
  }

  function scheduleRefresh() {
    clearTimeout(state.timer);
    if ($('auto-refresh').checked) state.timer = setTimeout(load, REFRESH_MS);
  }

  /**
   * POSTs one change with the page's token, then reloads. {confirm}: asks first; {done(body)}: the
   * toast's text (or nodes); {button}: disabled meanwhile, against a second click; {after}: runs
   * after a success instead of the reload.
   */
  async function change(path, {done, confirm, button, after}) {
    if (confirm && !window.confirm(confirm)) return;
    if (button) button.disabled = true;
    try {
      const response = await fetch(path, {method: 'POST', headers: {'X-Jtc-Token': TOKEN, Accept: 'application/json'}});
      const body = await response.json();
      if (!response.ok) throw new Error(explain(body));
      showToast(done(body));
      if (after) {
        after();
        return;
      }
    } catch (error) {
      showBanner(error.message);
    }
    await load();
  }

  const explain = (body) => body && body.error ? `${body.error}${body.hint ? ` (${body.hint})` : ''}` : 'unexpected answer';

  function showBanner(text) {
    const banner = $('banner');
    banner.textContent = text;
    banner.hidden = false;
  }

  function hideBanner() {
    $('banner').hidden = true;
  }

  function showToast(content) {
    const toast = $('toast');
    toast.replaceChildren(...[content].flat());
    toast.hidden = false;
    clearTimeout(showToast.timer);
    showToast.timer = setTimeout(() => { toast.hidden = true; }, 6000);
  }

  // --- wiring --------------------------------------------------------------------------------

  // Links to the page's own views move without reloading; the rest (the API, a new tab) as usual.
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[href]');
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
        || event.altKey || link.target) return;
    const url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/assets/')) return;
    event.preventDefault();
    if (url.pathname + url.search !== window.location.pathname + window.location.search) navigate(url.pathname + url.search);
  });
  window.addEventListener('popstate', route);
  $('job-search').addEventListener('submit', (event) => {
    event.preventDefault(); // the page's policy allows no form submissions: it navigates itself
    const id = $('job-search-input').value.trim();
    if (id) navigate(jobPath(id));
  });
  $('refresh-now').addEventListener('click', load);
  $('auto-refresh').addEventListener('change', scheduleRefresh);
  $('retry-all').addEventListener('click', (event) => change('/api/failed/retry-all', {
    done: (body) => `Retried ${body.retried} failed job${body.retried === 1 ? '' : 's'}.`,
    confirm: `Retry all ${event.target.dataset.total} failed jobs? Each goes back to its queue with a fresh attempt count.`}));
  $('purge').addEventListener('click', () => change('/api/failed/purge', {
    done: (body) => `Deleted ${body.deleted} failed job${body.deleted === 1 ? '' : 's'}.`,
    confirm: `Delete all ${$('retry-all').dataset.total} failed jobs for good? This cannot be undone.`}));
  document.addEventListener('visibilitychange', () => { if (!document.hidden) load(); });

  route();
})();
