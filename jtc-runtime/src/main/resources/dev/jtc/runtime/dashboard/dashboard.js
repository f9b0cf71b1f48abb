// The jtc dashboard page: reads /api/overview every few seconds and rebuilds the sections.
// Everything that comes from jobs (names, reasons, payloads, stack traces) is put into the page
// as text nodes, never as HTML, so a reason like "<script>" is shown, not run.
'use strict';

(() => {
  const REFRESH_MS = 3000;
  const PAGE_SIZE = 25;
  const TOKEN = document.querySelector('meta[name="jtc-token"]').content;

  // The lists of one queue's jobs the Jobs panel can show, and where their sizes are in /api/overview.
  const LISTS = [
    {name: 'queued', label: 'Queued', size: (q) => q.ready,
      empty: (queue) => `No job is waiting on ${queue}.`},
    {name: 'scheduled', label: 'Scheduled', size: (q) => q.scheduled,
      empty: (queue) => `No delayed job or retry is waiting on ${queue}.`},
    {name: 'active', label: 'Active', size: (q) => q.active,
      empty: (queue) => `No job of ${queue} is running.`},
  ];

  const state = {
    offset: 0,
    expanded: new Set(), // ids of jobs whose details are open, kept across refreshes
    jobs: {queue: null, list: 'queued', offset: 0}, // what the Jobs panel shows
    timer: null,
    loading: false,
    again: false, // a load was asked for while one was running: run it when that one ends
    data: null,
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

  const num = (value) => el('td', {class: 'num'}, Number(value).toLocaleString('en-US'));
  const code = (text) => el('code', {}, text);

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

  // --- sections ------------------------------------------------------------------------------

  function renderSummary(totals) {
    const card = (label, value, tone) =>
      el('div', {class: `card${tone ? ' ' + tone : ''}`},
        el('div', {class: 'card-value'}, Number(value).toLocaleString('en-US')),
        el('div', {class: 'card-label'}, label));
    $('summary').replaceChildren(
      card('Queued', totals.ready),
      card('Scheduled', totals.scheduled),
      card('Active', totals.active, totals.active > 0 ? 'busy' : null),
      card('Processed', totals.processed, 'good'),
      card('Failed attempts', totals.failures),
      card('Failed jobs', totals.failed, totals.failed > 0 ? 'bad' : null),
      card('Workers', totals.workers, totals.workers === 0 ? 'warn' : null));
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

  function renderQueues(queues) {
    // Each count opens that list in the Jobs panel.
    const count = (queue, list, value) => el('td', {class: 'num'},
      el('button', {type: 'button', class: 'link count', 'data-list': list, title: `Show these jobs of ${queue}`,
        onclick: () => { showJobs(queue, list); $('pending-section').scrollIntoView({block: 'start'}); }},
        Number(value).toLocaleString('en-US')));
    $('queues').replaceChildren(table(
      ['Queue', {label: 'Queued', num: true}, {label: 'Scheduled', num: true}, {label: 'Active', num: true}],
      queues.map((q) => el('tr', {'data-queue': q.queue},
        el('td', {}, code(q.queue)), count(q.queue, 'queued', q.ready), count(q.queue, 'scheduled', q.scheduled),
        count(q.queue, 'active', q.active))),
      'No jobs are waiting, scheduled or running.'));
  }

  // --- the Jobs panel: one queue's queued, scheduled or running jobs ---------------------------

  function showJobs(queue, list) {
    state.jobs = {queue, list, offset: 0};
    load();
  }

  /** Keeps the chosen queue while it exists; otherwise the first queue with jobs, or the first. */
  function chooseQueue(queues) {
    if (queues.some((q) => q.queue === state.jobs.queue)) return;
    const busy = queues.find((q) => q.ready + q.scheduled + q.active > 0) || queues[0];
    state.jobs = {queue: busy ? busy.queue : null, list: state.jobs.list, offset: 0};
  }

  function tab(selected, onclick, attrs, ...children) {
    return el('button', {type: 'button', role: 'tab', class: selected ? 'tab selected' : 'tab',
      'aria-selected': String(selected), onclick, ...attrs}, ...children);
  }

  function renderPendingTabs(queues) {
    const current = queues.find((q) => q.queue === state.jobs.queue);
    $('pending-queues').replaceChildren(...queues.map((q) =>
      tab(q.queue === state.jobs.queue, () => showJobs(q.queue, state.jobs.list), {'data-queue': q.queue}, q.queue)));
    $('pending-states').replaceChildren(...LISTS.map((list) =>
      tab(list.name === state.jobs.list, () => showJobs(state.jobs.queue, list.name), {'data-list': list.name},
        list.label, el('span', {class: 'count'}, current ? Number(list.size(current)).toLocaleString('en-US') : '0'))));
  }

  function renderPendingJobs(page) {
    if (!page) {
      $('pending').replaceChildren(el('p', {class: 'empty'}, 'No queue has had a job yet.'));
      $('pending-pager').replaceChildren();
      return;
    }
    const headers = {
      queued: ['Job', {label: 'Attempt', num: true}, 'Enqueued', ''],
      scheduled: ['Job', {label: 'Attempt', num: true}, 'Runs', 'Last error', 'Enqueued', ''],
      active: ['Job', {label: 'Attempt', num: true}, 'Worker', 'Running since', 'Enqueued'],
    }[page.state];
    const list = LISTS.find((l) => l.name === page.state);
    $('pending').replaceChildren(table(headers, page.jobs.map(pendingJob), list.empty(page.queue)));
    renderPager($('pending-pager'), page, ['‹ Previous', 'Next ›'], (offset) => { state.jobs.offset = offset; load(); });
  }

  function pendingJob(job) {
    const payload = el('details', {class: 'payload-toggle', open: state.expanded.has(job.id)},
      el('summary', {}, 'Payload'), el('pre', {class: 'payload'}, job.payload),
      job.uniqueKey ? el('div', {class: 'muted small'}, 'Unique key ', code(job.uniqueKey)) : null);
    payload.addEventListener('toggle', () => {
      if (payload.open) state.expanded.add(job.id); else state.expanded.delete(job.id);
    });
    const cells = [
      el('td', {}, el('div', {class: 'job-name'}, job.name), el('div', {class: 'job-id'}, job.id), payload),
      num(job.attempt)];
    if (job.state === 'scheduled') {
      cells.push(el('td', {}, when(job.runAt)),
        el('td', {class: 'reason'}, job.lastError ? el('div', {class: 'reason-text'}, job.lastError) : el('span', {class: 'muted'}, '—')));
    } else if (job.state === 'active') {
      cells.push(el('td', {}, code(job.worker)), el('td', {}, when(job.activeSince)));
    }
    cells.push(el('td', {}, when(job.enqueuedAt)));
    if (job.cancellable) {
      cells.push(el('td', {class: 'row-actions'},
        el('button', {type: 'button', class: 'btn btn-small btn-danger', 'data-action': 'cancel',
          onclick: (event) => change(`/api/waiting/${encodeURIComponent(job.id)}/cancel`, `Cancelled ${job.name}.`,
            `Cancel ${job.name} (${job.id})? It will not run.`, event.target)}, 'Cancel')));
    }
    return el('tr', {class: 'pending-job', 'data-job-id': job.id}, cells);
  }

  /** Loads the Jobs panel's list after the overview, with the queue sizes the overview just brought. */
  async function loadPendingJobs(queues) {
    chooseQueue(queues);
    renderPendingTabs(queues);
    const {queue, list, offset} = state.jobs;
    if (!queue) {
      renderPendingJobs(null);
      return;
    }
    const response = await fetch(`/api/queues/${encodeURIComponent(queue)}/${list}?offset=${offset}&limit=${PAGE_SIZE}`,
      {headers: {Accept: 'application/json'}, cache: 'no-store'});
    const body = await response.json();
    if (!response.ok) throw new Error(explain(body));
    if (offset > 0 && offset >= body.total) {
      // The page we were on emptied (jobs ran or were cancelled): step back to the last page.
      state.jobs.offset = Math.max(0, Math.floor((body.total - 1) / PAGE_SIZE) * PAGE_SIZE);
      return loadPendingJobs(queues);
    }
    renderPendingJobs(body);
  }

  function renderWorkers(workers) {
    $('workers').replaceChildren(table(
      ['Worker', 'Host', {label: 'PID', num: true}, 'Queues', {label: 'Concurrency', num: true}, 'Started', 'Last heartbeat'],
      workers.map((w) => el('tr', {'data-worker-id': w.id},
        el('td', {}, code(w.id)), el('td', {}, w.host), el('td', {class: 'num'}, String(w.pid)),
        el('td', {}, w.queues.map((q) => el('span', {class: 'tag'}, q))),
        num(w.concurrency), el('td', {}, when(w.startedAt)), el('td', {}, when(w.lastHeartbeat)))),
      'No worker is running. Start one with the application\'s "work" command.'));
  }

  function renderFailed(failed) {
    $('failed-count').textContent = failed.total > 0 ? String(failed.total) : '';
    $('retry-all').disabled = failed.total === 0;
    $('purge').disabled = failed.total === 0;
    const bodies = failed.jobs.map(failedJob);
    $('failed').replaceChildren(table(
      ['Job', 'Queue', 'Reason', {label: 'Attempts', num: true}, 'Failed', ''],
      bodies, 'No failed jobs.'));
    renderPager($('failed-pager'), failed, ['‹ Newer', 'Older ›'], (offset) => { state.offset = offset; load(); });
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
    const path = `/api/failed/${encodeURIComponent(job.id)}`;
    return el('tbody', {class: 'failed-job', 'data-job-id': job.id},
      el('tr', {},
        el('td', {}, el('div', {class: 'job-name'}, job.name), el('div', {class: 'job-id'}, job.id)),
        el('td', {}, code(job.queue)),
        el('td', {class: 'reason'}, el('div', {class: 'reason-text'}, job.reason || ''), toggle),
        num(job.attempts),
        el('td', {}, when(job.failedAt)),
        el('td', {class: 'row-actions'},
          el('button', {type: 'button', class: 'btn btn-small', 'data-action': 'retry',
            onclick: (event) => change(`${path}/retry`, `Retried ${job.name}: it is back on queue ${job.queue}.`, null, event.target)},
            'Retry'),
          el('button', {type: 'button', class: 'btn btn-small btn-danger', 'data-action': 'delete',
            onclick: (event) => change(`${path}/delete`, `Deleted ${job.name}.`,
              `Delete failed job ${job.name} (${job.id})? This cannot be undone.`, event.target)}, 'Delete'))),
      detail);
  }

  function failureDetails(job) {
    const facts = el('dl', {class: 'facts'},
      el('dt', {}, 'Enqueued'), el('dd', {}, job.enqueuedAt || ''),
      el('dt', {}, 'Failed'), el('dd', {}, job.failedAt || ''),
      el('dt', {}, 'Recoveries'), el('dd', {}, String(job.recoveries)),
      job.uniqueKey ? [el('dt', {}, 'Unique key'), el('dd', {}, code(job.uniqueKey))] : null,
      job.fingerprint ? [el('dt', {}, 'Fingerprint'), el('dd', {}, code(job.fingerprint))] : null);
    const history = job.history.map((f) => el('li', {},
      el('div', {class: 'attempt'}, el('strong', {}, `Attempt ${f.attempt}`), ` · ${f.at || ''} · `, f.reason || ''),
      f.stackTrace ? el('pre', {class: 'trace'}, f.stackTrace) : null));
    return el('div', {class: 'details'},
      facts,
      el('h3', {}, 'Payload'), el('pre', {class: 'payload'}, job.payload),
      el('h3', {}, 'Attempts'),
      history.length ? el('ol', {class: 'history'}, history) : el('p', {class: 'muted'}, 'No attempt ran (the job was rejected before running).'));
  }

  /** "‹ Newer  1–25 of 80  Older ›" under a paged list; goTo(offset) moves to another page. */
  function renderPager(pager, page, [backLabel, forwardLabel], goTo) {
    if (page.total <= page.limit && page.offset === 0) {
      pager.replaceChildren();
      return;
    }
    const first = page.jobs.length ? page.offset + 1 : 0;
    const last = page.offset + page.jobs.length;
    pager.replaceChildren(
      el('button', {type: 'button', class: 'btn btn-small', disabled: page.offset === 0,
        onclick: () => goTo(Math.max(0, page.offset - PAGE_SIZE))}, backLabel),
      el('span', {class: 'muted'}, `${first}–${last} of ${page.total}`),
      el('button', {type: 'button', class: 'btn btn-small', disabled: last >= page.total,
        onclick: () => goTo(page.offset + PAGE_SIZE)}, forwardLabel));
  }

  function renderSchedules(schedules) {
    $('schedules').replaceChildren(table(
      ['Task', 'Schedule', 'Zone', 'Description', 'Queue', 'Last tick', 'Next runs'],
      schedules.map((s) => el('tr', {'data-task': s.name},
        el('td', {}, el('div', {class: 'job-name'}, s.name),
          el('div', {class: 'muted small'}, [s.overlap ? null : 'no overlap', missedText(s.missed)].filter(Boolean).join(' · '))),
        el('td', {class: 'expression'}, el('span', {class: 'tag'}, s.kind === 'cron' ? 'cron' : 'every'), ' ', code(s.expression)),
        el('td', {}, s.zone),
        el('td', {}, s.description || s.summary, s.description ? el('div', {class: 'muted small'}, s.summary) : null),
        el('td', {}, code(s.queue)),
        el('td', {}, when(s.lastTick)),
        el('td', {class: 'next-runs'},
          s.nextRuns.map((r) => el('div', {title: r.at}, r.local, ' ', el('span', {class: 'muted'}, relative(r.at)))),
          s.neverAgain ? el('div', {class: 'muted'}, 'never again') : null))),
      'The application has no @Cron or @Every methods.'));
  }

  function missedText(missed) {
    return {SKIP: 'missed ticks skipped', RUN_ONCE: 'missed ticks run once', RUN_ALL: 'missed ticks all run'}[missed] || missed;
  }

  function renderJobs(jobs) {
    $('jobs').replaceChildren(table(
      ['Job', 'Queue', {label: 'Retries', num: true}, 'Timeout', 'Backoff', 'Payload'],
      jobs.map((j) => el('tr', {'data-job-type': j.name},
        el('td', {}, el('div', {class: 'job-name'}, j.name)),
        el('td', {}, code(j.queue)),
        num(j.retries),
        el('td', {}, j.timeout || el('span', {class: 'muted'}, 'none')),
        el('td', {}, `${j.backoffBase} … ${j.backoffCap}`),
        el('td', {}, j.schema ? code(j.schema) : el('span', {class: 'muted'}, 'no parameters')))),
      'The application has no @Job classes.'));
  }

  function render(data) {
    state.data = data;
    document.title = `${data.failed.total > 0 ? `(${data.failed.total}) ` : ''}${data.app} · jtc dashboard`;
    renderSummary(data.totals);
    renderBrokenKeys(data.brokenKeys);
    renderQueues(data.queues);
    renderFailed(data.failed);
    renderWorkers(data.workers);
    renderSchedules(data.schedules);
    renderJobs(data.jobs);
    $('updated').textContent = `Updated ${data.now}`;
  }

  // --- talking to the server -----------------------------------------------------------------

  async function load() {
    if (state.loading) {
      state.again = true; // e.g. a tab clicked during a refresh: show it as soon as this one ends
      return;
    }
    state.loading = true;
    state.again = false;
    clearTimeout(state.timer);
    try {
      const response = await fetch(`/api/overview?offset=${state.offset}&limit=${PAGE_SIZE}`,
        {headers: {Accept: 'application/json'}, cache: 'no-store'});
      const body = await response.json();
      if (!response.ok) throw new Error(explain(body));
      if (state.offset > 0 && state.offset >= body.failed.total) {
        // The page we were on emptied (jobs retried elsewhere): step back to the last page.
        state.offset = Math.max(0, Math.floor((body.failed.total - 1) / PAGE_SIZE) * PAGE_SIZE);
        state.again = true;
        return;
      }
      render(body);
      await loadPendingJobs(body.queues);
      hideBanner();
    } catch (error) {
      showBanner(`Could not load the dashboard's data: ${error.message}. Retrying…`);
    } finally {
      state.loading = false;
      if (state.again) load(); else scheduleRefresh();
    }
  }

  function scheduleRefresh() {
    clearTimeout(state.timer);
    if ($('auto-refresh').checked) state.timer = setTimeout(load, REFRESH_MS);
  }

  /** POSTs one change with the page's token, then reloads; asks first when confirmText is given. */
  async function change(path, doneText, confirmText, button) {
    if (confirmText && !window.confirm(confirmText)) return;
    if (button) button.disabled = true; // no second click while the first is on its way
    try {
      const response = await fetch(path, {method: 'POST', headers: {'X-Jtc-Token': TOKEN, Accept: 'application/json'}});
      const body = await response.json();
      if (!response.ok) throw new Error(explain(body));
      showToast(typeof doneText === 'function' ? doneText(body) : doneText);
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

  function showToast(text) {
    const toast = $('toast');
    toast.textContent = text;
    toast.hidden = false;
    clearTimeout(showToast.timer);
    showToast.timer = setTimeout(() => { toast.hidden = true; }, 4000);
  }

  // --- wiring --------------------------------------------------------------------------------

  $('refresh-now').addEventListener('click', load);
  $('auto-refresh').addEventListener('change', scheduleRefresh);
  $('retry-all').addEventListener('click', () => change('/api/failed/retry-all',
    (body) => `Retried ${body.retried} failed job${body.retried === 1 ? '' : 's'}.`,
    `Retry all ${state.data ? state.data.failed.total : ''} failed jobs? Each goes back to its queue with a fresh attempt count.`));
  $('purge').addEventListener('click', () => change('/api/failed/purge',
    (body) => `Deleted ${body.deleted} failed job${body.deleted === 1 ? '' : 's'}.`,
    `Delete all ${state.data ? state.data.failed.total : ''} failed jobs for good? This cannot be undone.`));
  document.addEventListener('visibilitychange', () => { if (!document.hidden) load(); });

  load();
})();
