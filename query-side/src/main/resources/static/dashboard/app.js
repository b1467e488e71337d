/*
 * Attain dashboard: a page over the read API, nothing fetched from anywhere but this server.
 * The token lives in sessionStorage (this tab only); every request carries it; what a user may see is decided by the
 * API's role rules (a 403 is shown as "not permitted", never worked around here). Views are addressed by the URL
 * hash, so every view can be bookmarked and shared:
 *   #/leaderboards/<period>?metric=&team=&region=     #/funnel/<period>?team=&region=&channel=&productLine=
 *   #/attainment/<period>?team=&asOf=                 #/deals?owner=&team=&stage=&period=&page=
 *   #/deals/<dealId>                                  #/reps/<repId>/<period>
 * Live views read the API's server-sent-event streams with fetch (EventSource cannot send the token).
 */
(function () {
  'use strict';

  const TOKEN_KEY = 'attain.token';
  const CHANNELS = [['', 'All channels'], ['DIRECT', 'Direct'], ['DISTRIBUTOR', 'Distributor'], ['AGENT', 'Agent'],
                    ['ECOMMERCE', 'E-commerce'], ['SOCIAL', 'Social']];
  const state = { me: null, stream: null, board: null };

  // ------------------------------------------------------------------------------------------- DOM helpers

  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k.startsWith('on')) el.addEventListener(k.substring(2), v);
      else el.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) {
      if (c == null || c === false) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }

  const svgNs = 'http://www.w3.org/2000/svg';
  function s(tag, attrs, ...children) {
    const el = document.createElementNS(svgNs, tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v != null) el.setAttribute(k, v);
    for (const c of children.flat()) if (c != null) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return el;
  }

  const $ = (id) => document.getElementById(id);

  function num(v, digits) {
    if (v == null || v === '') return '—';
    const n = Number(v);
    return Number.isFinite(n) ? n.toLocaleString('en', { maximumFractionDigits: digits == null ? 2 : digits }) : String(v);
  }
  function pct(v) { return v == null ? '—' : (Number(v) * 100).toLocaleString('en', { maximumFractionDigits: 1 }) + ' %'; }
  function money(amount, currency) { return amount == null ? '—' : num(amount, 2) + (currency ? ' ' + currency : ''); }
  function amounts(list) { return !list || list.length === 0 ? '0' : list.map((a) => money(a.amount, a.currency)).join(' · '); }

  // ------------------------------------------------------------------------------------------------ the API

  class ApiError extends Error {
    constructor(status, problem) {
      super(problem && (problem.detail || problem.title) || ('HTTP ' + status));
      this.status = status; this.problem = problem;
    }
  }

  function token() { return sessionStorage.getItem(TOKEN_KEY); }

  async function api(path, options) {
    const res = await fetch(path, Object.assign({
      headers: { Authorization: 'Bearer ' + token(), Accept: 'application/json' }
    }, options || {}));
    if (res.status === 401 && state.me) { signOut('Your session has ended: sign in again.'); }
    if (!res.ok) {
      let problem = null;
      try { problem = await res.json(); } catch (e) { /* no body */ }
      throw new ApiError(res.status, problem);
    }
    return res.json();
  }

  /** Reads a server-sent-event stream; calls onData with each event's JSON; reconnects until the view changes. */
  function live(path, onData) {
    stopLive();
    const controller = new AbortController();
    state.stream = controller;
    const status = $('live-status');
    (async function run() {
      while (!controller.signal.aborted) {
        try {
          const res = await fetch(path, {
            headers: { Authorization: 'Bearer ' + token(), Accept: 'text/event-stream' },
            signal: controller.signal, cache: 'no-store'
          });
          if (!res.ok) { status.textContent = 'Live updates unavailable (HTTP ' + res.status + ')'; return; }
          status.textContent = 'Live';
          const reader = res.body.getReader();
          const decoder = new TextDecoder();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, '\n');
            let cut;
            while ((cut = buffer.indexOf('\n\n')) >= 0) {
              const frame = buffer.substring(0, cut);
              buffer = buffer.substring(cut + 2);
              const data = frame.split('\n').filter((l) => l.startsWith('data:'))
                .map((l) => l.substring(5).replace(/^ /, '')).join('\n');
              if (data) {
                try { onData(JSON.parse(data)); } catch (e) { console.error(e); }
              }
            }
          }
        } catch (e) {
          if (controller.signal.aborted) return;
        }
        status.textContent = 'Reconnecting…';
        await new Promise((r) => setTimeout(r, 2000));
      }
    })();
  }

  function stopLive() {
    if (state.stream) state.stream.abort();
    state.stream = null;
    $('live-status').textContent = '';
  }

  // ---------------------------------------------------------------------------------------------- routing

  function route() {
    const hash = location.hash.replace(/^#/, '') || '/';
    const [path, query] = hash.split('?');
    return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query || '') };
  }

  function link(parts, params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) if (v != null && v !== '') q.set(k, v);
    const qs = q.toString();
    return '#/' + parts.map(encodeURIComponent).join('/') + (qs ? '?' + qs : '');
  }

  function defaultPeriod() { return String(new Date().getUTCFullYear()); }

  function render() {
    stopLive();
    if (!state.me) { showSignIn(); return; }
    const { parts, params } = route();
    const view = parts[0] || 'leaderboards';
    for (const a of document.querySelectorAll('#nav a')) {
      if (a.dataset.view === view || (view === 'reps' && a.id === 'nav-me' && parts[1] === state.me.repId)) {
        a.setAttribute('aria-current', 'page');
      } else {
        a.removeAttribute('aria-current');
      }
    }
    const root = $('view');
    root.replaceChildren();
    const views = { leaderboards: leaderboardView, funnel: funnelView, attainment: attainmentView, deals: dealsView,
                    reps: repView };
    (views[view] || leaderboardView)(root, parts, params).catch((e) => showError(root, e));
  }

  function showError(root, e) {
    const text = e instanceof ApiError && e.status === 403 ? 'Not permitted: your role may not see this.'
      : e instanceof ApiError && e.status === 404 ? 'Nothing here yet.'
      : e instanceof ApiError && e.status === 405 ? 'This list is not available on this server yet.'
      : (e.message || String(e));
    root.append(h('p', { class: 'error', role: 'alert' }, text));
  }

  function periodFilter(period, onPeriod) {
    const input = h('input', { id: 'period', name: 'period', value: period, size: 9, pattern: '\\d{4}(-Q[1-4]|-\\d{2})?',
                               'aria-describedby': 'period-help' });
    return h('div', {}, h('label', { for: 'period' }, 'Period'), input,
             h('span', { id: 'period-help', class: 'muted' }, '2017, 2017-Q2 or 2017-05'));
  }

  /** A filter form: fields, then Apply navigates to the URL built from the values. */
  function filterForm(fields, onApply) {
    const form = h('form', { class: 'filters', 'aria-label': 'Filters' }, fields,
                   h('div', {}, h('button', { type: 'submit' }, 'Apply')));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const values = {};
      for (const el of form.elements) if (el.name) values[el.name] = el.value.trim();
      onApply(values);
    });
    return form;
  }

  function field(name, label, value, options) {
    const id = 'f-' + name;
    const input = options
      ? h('select', { id, name }, options.map(([v, text]) => h('option', { value: v, selected: v === (value || '') }, text)))
      : h('input', { id, name, value: value || '', size: 14 });
    return h('div', {}, h('label', { for: id }, label), input);
  }

  /** Teams and regions for the cut selectors (empty lists when the organisation lists are not readable). */
  async function organisation() {
    if (state.org) return state.org;
    const get = async (path) => {
      try { const r = await api(path + '?size=200'); return r.items || []; } catch (e) { return []; }
    };
    const [teams, regions] = await Promise.all([get('/api/v1/teams'), get('/api/v1/regions')]);
    state.org = { teams, regions };
    return state.org;
  }

  function cutOptions(list, idKey, all) {
    return [['', all]].concat(list.map((t) => [t[idKey], t.name || t[idKey]]));
  }

  // ------------------------------------------------------------------------------------------- leaderboard

  async function leaderboardView(root, parts, params) {
    const period = parts[1] || defaultPeriod();
    const metric = params.get('metric') || 'REVENUE';
    // a manager starts on their own team's board (the company's is one choice away)
    // (team=* in the link: the whole company)
    const team = params.get('team') === '*' ? '' : params.get('team') || (isOnly('MANAGER') && state.me.teamId) || '';
    const region = params.get('region') || '';
    const org = await organisation();
    root.append(h('h1', {}, 'Leaderboard ', h('span', { class: 'muted' }, period)));
    root.append(filterForm([
      periodFilter(period),
      field('metric', 'Metric', metric, [['REVENUE', 'Revenue'], ['DEALS_WON', 'Deals won'], ['NEW_CUSTOMERS', 'New customers'],
                                         ['VISITS', 'Visits'], ['PROPOSALS', 'Proposals'], ['ATTAINMENT', 'Attainment']]),
      org.teams.length ? field('team', 'Team', team, cutOptions(org.teams, 'teamId', 'All teams')) : field('team', 'Team', team),
      org.regions.length ? field('region', 'Region', region, cutOptions(org.regions, 'regionId', 'All regions'))
        : field('region', 'Region', region)
    ], (v) => {
      location.hash = link(['leaderboards', v.period || period],
                           { metric: v.metric, team: v.team || (isOnly('MANAGER') ? '*' : ''), region: v.region });
    }));

    const q = new URLSearchParams({ metric });
    if (team) q.set('team', team);
    if (region) q.set('region', region);
    const table = h('table', { id: 'leaderboard', 'aria-describedby': 'board-caption' });
    const wrap = h('div', { class: 'table-wrap' }, table);
    root.append(wrap);
    const targets = new Map();
    state.board = { ranks: null, values: null };
    const show = (board) => drawBoard(table, board, period, targets);
    const first = await api('/api/v1/leaderboards/' + encodeURIComponent(period) + '?' + q);
    show(first);
    loadTargets(first, period, metric, targets).then(() => show(state.board.last));
    live('/api/v1/leaderboards/' + encodeURIComponent(period) + '/stream?' + q, show);
  }

  /** Targets in force for the period (from the attainment read model, for the reps on the board). */
  async function loadTargets(board, period, metric, targets) {
    if (!['REVENUE', 'DEALS_WON', 'NEW_CUSTOMERS', 'VISITS', 'PROPOSALS'].includes(metric)) return;
    const reps = board.entries.slice(0, 100).map((e) => e.repId);
    await pool(reps, 6, async (repId) => {
      try {
        const a = await api('/api/v1/attainment/' + encodeURIComponent(period) + '?repId=' + encodeURIComponent(repId)
                            + '&metric=' + encodeURIComponent(metric));
        targets.set(repId, a);
      } catch (e) { /* not permitted or no target: shown as — */ }
    });
  }

  async function pool(items, width, work) {
    const queue = items.slice();
    await Promise.all(Array.from({ length: Math.min(width, queue.length) }, async () => {
      while (queue.length) await work(queue.shift());
    }));
  }

  function drawBoard(table, board, period, targets) {
    const previous = state.board;
    const ranks = new Map(board.entries.map((e) => [e.repId, e.rank]));
    const values = new Map(board.entries.map((e) => [e.repId, String(e.value)]));
    const cur = board.currency ? ' (' + board.currency + ')' : '';
    const rows = board.entries.map((e) => {
      const before = previous.ranks ? previous.ranks.get(e.repId) : undefined;
      const changed = previous.values != null && previous.values.get(e.repId) !== String(e.value);
      let move = h('span', { class: 'muted' }, '–');
      if (previous.ranks && before === undefined) move = h('span', { class: 'new' }, 'new');
      else if (before !== undefined && before > e.rank) move = h('span', { class: 'up', title: 'up ' + (before - e.rank) }, '▲ ' + (before - e.rank));
      else if (before !== undefined && before < e.rank) move = h('span', { class: 'down', title: 'down ' + (e.rank - before) }, '▼ ' + (e.rank - before));
      const t = targets.get(e.repId);
      const target = t && t.target != null ? Number(t.target) : null;
      const att = target ? Number(e.value) / target : null;
      const classes = [changed || (previous.ranks && before === undefined) ? 'changed' : null,
                       state.me.repId === e.repId ? 'mine' : null].filter(Boolean).join(' ');
      return h('tr', { 'data-rep': e.repId, class: classes || null, 'aria-current': state.me.repId === e.repId ? 'true' : null },
               h('td', { class: 'num' }, e.rank),
               h('td', { class: 'rep' }, h('a', { href: link(['reps', e.repId, period]) }, e.repName)),
               h('td', { class: 'num value' }, num(e.value)),
               h('td', { class: 'num' }, target == null ? '—' : num(target)),
               h('td', { class: 'num' }, att == null ? '—' : pct(att), t && t.atRisk ? h('span', { class: 'risk', title: 'at risk' }, ' !') : null),
               h('td', {}, move));
    });
    table.replaceChildren(
      h('caption', { id: 'board-caption' }, board.metric + cur + ' · ' + (board.cut || 'company') + ' · '
        + board.entries.length + ' reps'),
      h('thead', {}, h('tr', {}, h('th', { class: 'num', scope: 'col' }, 'Rank'), h('th', { scope: 'col' }, 'Rep'),
                       h('th', { class: 'num', scope: 'col' }, 'Value'), h('th', { class: 'num', scope: 'col' }, 'Target'),
                       h('th', { class: 'num', scope: 'col' }, 'Attainment'), h('th', { scope: 'col' }, 'Movement'))),
      h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: 6, class: 'muted' }, 'No results in this period yet.'))));
    state.board = { ranks, values, last: board };
  }

  // ------------------------------------------------------------------------------------------------ funnel

  async function funnelView(root, parts, params) {
    const period = parts[1] || defaultPeriod();
    const cuts = {};
    for (const k of ['team', 'region', 'channel', 'productLine']) if (params.get(k)) cuts[k] = params.get(k);
    const org = await organisation();
    root.append(h('h1', {}, 'Funnel ', h('span', { class: 'muted' }, period)));
    root.append(filterForm([
      periodFilter(period),
      org.teams.length ? field('team', 'Team', cuts.team, cutOptions(org.teams, 'teamId', 'All teams')) : field('team', 'Team', cuts.team),
      org.regions.length ? field('region', 'Region', cuts.region, cutOptions(org.regions, 'regionId', 'All regions'))
        : field('region', 'Region', cuts.region),
      field('channel', 'Channel', cuts.channel, CHANNELS),
      field('productLine', 'Product line', cuts.productLine)
    ], (v) => { location.hash = link(['funnel', v.period || period], { team: v.team, region: v.region, channel: v.channel, productLine: v.productLine }); }));
    const body = h('div', { id: 'funnel' });
    root.append(body);
    const q = new URLSearchParams(cuts);
    const path = '/api/v1/funnel/' + encodeURIComponent(period);
    drawFunnel(body, await api(path + '?' + q));
    live(path + '/stream?' + q, (f) => drawFunnel(body, f));
  }

  function drawFunnel(body, f) {
    const max = Math.max(1, ...f.stages.map((st) => st.entered));
    const rowH = 34, labelW = 130, chartW = 560;
    const svg = s('svg', { viewBox: '0 0 ' + (labelW + chartW + 170) + ' ' + (f.stages.length * rowH + 10), role: 'img',
                           'aria-labelledby': 'funnel-chart-title', width: '100%', class: 'funnel-chart' },
      s('title', { id: 'funnel-chart-title' }, 'Deals entering each stage in ' + f.period),
      f.stages.map((st, i) => {
        const w = Math.max(2, (st.entered / max) * chartW);
        const y = i * rowH + 5;
        return s('g', { class: 'stage', 'data-stage': st.stage },
          s('text', { x: 0, y: y + 18 }, st.stage),
          s('rect', { x: labelW + (chartW - w) / 2, y, width: w, height: rowH - 8, rx: 3, fill: st.stage === 'WON' ? '#1a7f37' : st.stage === 'LOST' ? '#b42318' : '#0b5cad' }),
          s('text', { x: labelW + chartW + 8, y: y + 18 }, st.entered + (st.conversionToNext != null ? '  → ' + pct(st.conversionToNext) : '')));
      }));
    const card = (k, v) => h('div', { class: 'card' }, h('div', { class: 'k' }, k), h('div', { class: 'v' }, v));
    body.replaceChildren(
      h('div', { class: 'cards' },
        card('Won', f.won), card('Lost', f.lost), card('Win rate', pct(f.winRate)),
        card('Avg days to close', num(f.avgDaysToClose)), card('Won value', amounts(f.wonValue)),
        card('Open pipeline', amounts(f.openPipeline)), card('Weighted pipeline', amounts(f.weightedPipeline))),
      h('div', { class: 'card' }, svg),
      h('h2', {}, 'Stages'),
      h('div', { class: 'table-wrap' }, h('table', { id: 'funnel-stages' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Stage'), h('th', { class: 'num', scope: 'col' }, 'Entered'),
                         h('th', { class: 'num', scope: 'col' }, 'Conversion to next'), h('th', { class: 'num', scope: 'col' }, 'Avg days in stage'))),
        h('tbody', {}, f.stages.map((st) => h('tr', {}, h('td', {}, st.stage), h('td', { class: 'num' }, st.entered),
                                            h('td', { class: 'num' }, pct(st.conversionToNext)), h('td', { class: 'num' }, num(st.avgDaysInStage))))))),
      h('h2', {}, 'Lost reasons'),
      f.lostReasons && f.lostReasons.length
        ? h('div', { class: 'table-wrap' }, h('table', {}, h('tbody', {}, f.lostReasons.map((r) =>
            h('tr', {}, h('td', {}, r.reason), h('td', { class: 'num' }, r.count))))))
        : h('p', { class: 'muted' }, 'No deals lost in this period.'));
  }

  // -------------------------------------------------------------------------------------------- attainment

  async function attainmentView(root, parts, params) {
    const period = parts[1] || defaultPeriod();
    const team = params.get('team') || (isOnly('MANAGER') ? state.me.teamId : '') || '';
    const asOf = params.get('asOf') || '';
    const org = await organisation();
    root.append(h('h1', {}, 'Quota attainment ', h('span', { class: 'muted' }, period)));
    root.append(filterForm([
      periodFilter(period),
      org.teams.length ? field('team', 'Team', team, cutOptions(org.teams, 'teamId', 'All teams')) : field('team', 'Team', team),
      field('asOf', 'As of (business day)', asOf)
    ], (v) => { location.hash = link(['attainment', v.period || period], { team: v.team, asOf: v.asOf }); }));
    root.append(h('p', { class: 'muted' }, 'Actual against target, and against where the rep should be on this business day '
      + '(target × elapsed share of the period). Reps trailing their pace are flagged at risk.'));
    let reps;
    if (isOnly('REP')) {
      reps = [{ repId: state.me.repId, repName: state.me.repId }];
    } else {
      // every rep (of the team), also those with nothing won yet: they are the ones at risk
      try {
        const q = new URLSearchParams({ size: '200' });
        if (team) q.set('team', team);
        const list = await api('/api/v1/reps?' + q);
        reps = list.items.filter((r) => !team || r.teamId === team).map((r) => ({ repId: r.repId, repName: r.name }));
        if (list.total > list.items.length) {
          root.append(h('p', { class: 'muted' }, 'The first ' + list.items.length + ' of ' + list.total + ' reps; choose a team.'));
        }
      } catch (e) {
        const q = new URLSearchParams({ metric: 'REVENUE' });
        if (team) q.set('team', team);
        reps = (await api('/api/v1/leaderboards/' + encodeURIComponent(period) + '?' + q)).entries;
      }
    }
    const rows = [];
    const tbody = h('tbody', {});
    const table = h('table', { id: 'attainment' },
      h('thead', {}, h('tr', {}, ['Rep', 'Target', 'Actual', 'Expected by now', 'Attainment', 'Pace', 'Status'].map((c, i) =>
        h('th', { scope: 'col', class: i > 0 && i < 6 ? 'num' : null }, c)))), tbody);
    root.append(h('div', { class: 'table-wrap' }, table));
    if (team) {
      try {
        const t = await api(attainmentPath(period, 'teamId', team, asOf));
        root.prepend(h('div', { class: 'cards' }, h('div', { class: 'card' }, h('div', { class: 'k' }, 'Team ' + team),
                                                  h('div', { class: 'v' }, pct(t.attainment)),
                                                  h('div', { class: t.atRisk ? 'risk' : 'ok' }, t.atRisk ? 'at risk' : 'on pace'))));
      } catch (e) { /* no team target */ }
    }
    await pool(reps, 6, async (r) => {
      let a = null;
      try { a = await api(attainmentPath(period, 'repId', r.repId, asOf)); } catch (e) { /* no target or not permitted */ }
      rows.push({ r, a });
    });
    rows.sort((x, y) => (y.a && y.a.attainment != null ? Number(y.a.attainment) : -1) - (x.a && x.a.attainment != null ? Number(x.a.attainment) : -1));
    for (const { r, a } of rows) {
      const target = a && a.target != null ? Number(a.target) : null;
      const share = target ? Math.min(1, Number(a.actual) / target) : 0;
      const expected = target ? Math.min(1, Number(a.expectedByNow) / target) : null;
      tbody.append(h('tr', { 'data-rep': r.repId, class: a && a.atRisk ? 'at-risk' : null },
        h('td', {}, h('a', { href: link(['reps', r.repId, period]) }, r.repName || r.repId)),
        h('td', { class: 'num' }, a ? num(a.target) : '—'),
        h('td', { class: 'num' }, a ? num(a.actual) : '—'),
        h('td', { class: 'num' }, a ? num(a.expectedByNow) : '—'),
        h('td', { class: 'num' }, a ? pct(a.attainment) : '—'),
        h('td', {}, h('div', { class: 'bar', role: 'img', 'aria-label': a ? 'attainment ' + pct(a.attainment) + ', expected ' + pct(expected) : 'no target' },
          h('div', { class: 'fill' + (a && a.atRisk ? ' risk' : ''), style: 'width:' + (share * 100).toFixed(1) + '%' }),
          expected == null ? null : h('div', { class: 'mark', style: 'left:' + (expected * 100).toFixed(1) + '%' }))),
        h('td', {}, !a ? h('span', { class: 'muted' }, 'no target') : a.atRisk ? h('span', { class: 'risk' }, 'at risk') : h('span', { class: 'ok' }, 'on pace'))));
    }
  }

  function attainmentPath(period, key, id, asOf) {
    const q = new URLSearchParams({ [key]: id });
    if (asOf) q.set('asOf', asOf);
    return '/api/v1/attainment/' + encodeURIComponent(period) + '?' + q;
  }

  function isOnly(role) {
    const strong = ['ADMIN', 'FINANCE', 'AUDITOR'];
    return state.me.roles.includes(role) && !state.me.roles.some((r) => strong.includes(r));
  }

  // ------------------------------------------------------------------------------------------------- deals

  async function dealsView(root, parts, params) {
    if (parts[1]) return dealView(root, parts[1]);
    const f = {};
    for (const k of ['owner', 'team', 'stage', 'channel', 'period']) f[k] = params.get(k) || '';
    const page = Math.max(0, parseInt(params.get('page') || '0', 10) || 0);
    const org = await organisation();
    root.append(h('h1', {}, 'Deals'));
    root.append(filterForm([
      field('owner', 'Owner (rep id)', f.owner),
      org.teams.length ? field('team', 'Team', f.team, cutOptions(org.teams, 'teamId', 'All teams')) : field('team', 'Team', f.team),
      field('stage', 'Stage', f.stage, [['', 'Any stage'], ['LEAD', 'Lead'], ['QUALIFIED', 'Qualified'], ['PROPOSAL', 'Proposal'],
                                       ['NEGOTIATION', 'Negotiation'], ['WON', 'Won'], ['LOST', 'Lost']]),
      field('channel', 'Channel', f.channel, CHANNELS),
      field('period', 'Period', f.period)
    ], (v) => { location.hash = link(['deals'], v); }));
    const q = new URLSearchParams({ page: String(page), size: '50' });
    for (const [k, v] of Object.entries(f)) if (v) q.set(k, v);
    const result = await api('/api/v1/deals?' + q);
    root.append(dealTable(result.items));
    const pages = Math.max(1, Math.ceil(result.total / result.size));
    const go = (p) => { location.hash = link(['deals'], Object.assign({}, f, { page: p })); };
    root.append(h('div', { class: 'pager' },
      h('button', { type: 'button', class: 'secondary', disabled: page === 0, onclick: () => go(page - 1) }, '‹ Previous'),
      h('span', {}, 'Page ' + (page + 1) + ' of ' + pages + ' · ' + result.total + ' deals'),
      h('button', { type: 'button', class: 'secondary', disabled: page + 1 >= pages, onclick: () => go(page + 1) }, 'Next ›')));
  }

  function dealTable(items) {
    return h('div', { class: 'table-wrap' }, h('table', { id: 'deals' },
      h('thead', {}, h('tr', {}, ['Deal', 'Customer', 'Owner', 'Stage', 'Amount', 'Expected close', 'Closed'].map((c) =>
        h('th', { scope: 'col', class: c === 'Amount' ? 'num' : null }, c)))),
      h('tbody', {}, items.length ? items.map((d) => h('tr', { 'data-deal': d.dealId },
        h('td', {}, h('a', { href: link(['deals', d.dealId]) }, d.dealId)),
        h('td', {}, d.customer || d.account || '—'),
        h('td', {}, d.ownerId ? h('a', { href: link(['reps', d.ownerId, defaultPeriod()]) }, d.ownerName || d.ownerId) : '—'),
        h('td', {}, h('span', { class: 'badge' }, d.stage)),
        h('td', { class: 'num' }, money(d.amount, d.currency)),
        h('td', {}, d.expectedCloseDate || d.expectedClose || '—'),
        h('td', {}, d.closedAt ? String(d.closedAt).substring(0, 10) : '—')))
        : h('tr', {}, h('td', { colspan: 7, class: 'muted' }, 'No deals match.')))));
  }

  async function dealView(root, dealId) {
    root.append(h('h1', {}, 'Deal ', h('span', { class: 'muted' }, dealId)));
    const t = await api('/api/v1/deals/' + encodeURIComponent(dealId) + '/timeline');
    root.append(h('div', { class: 'table-wrap' }, h('table', { id: 'timeline' },
      h('caption', {}, 'Timeline (business time, and when it was recorded)'),
      h('thead', {}, h('tr', {}, ['#', 'Event', 'Business time', 'Recorded', 'Details'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, t.events.map((e) => h('tr', {}, h('td', {}, e.seq), h('td', {}, e.type), h('td', {}, e.occurredAt),
        h('td', {}, e.recordedAt), h('td', { style: 'white-space:normal' }, Object.entries(e.summary || {})
          .map(([k, v]) => k + ': ' + (typeof v === 'object' ? JSON.stringify(v) : v)).join(' · '))))))));
  }

  // -------------------------------------------------------------------------------------------------- reps

  async function repView(root, parts) {
    const repId = parts[1] || state.me.repId;
    const period = parts[2] || defaultPeriod();
    if (!repId) { root.append(h('p', { class: 'muted' }, 'Choose a rep on a leaderboard.')); return; }
    const title = h('span', {}, repId);
    root.append(h('h1', {}, 'Rep ', title, ' ', h('span', { class: 'muted' }, period)));
    root.append(filterForm([periodFilter(period)], (v) => { location.hash = link(['reps', repId, v.period || period]); }));
    const section = (id, heading) => { const el = h('section', { id, 'aria-labelledby': id + '-h' }, h('h2', { id: id + '-h' }, heading)); root.append(el); return el; };
    const score = section('scorecard', 'Scorecard');
    const att = section('rep-attainment', 'Attainment');
    const statement = section('statement', 'Commission statement');
    const deals = section('rep-deals', 'Deals');
    const activities = section('rep-activities', 'Visits, calls and proposals');
    const card = (k, v) => h('div', { class: 'card' }, h('div', { class: 'k' }, k), h('div', { class: 'v' }, v));
    const guard = async (el, work) => { try { await work(); } catch (e) { showError(el, e); } };
    await Promise.all([
      guard(score, async () => {
        const sc = await api('/api/v1/scorecards/' + encodeURIComponent(period) + '?repId=' + encodeURIComponent(repId));
        title.textContent = sc.repName || repId;
        score.append(h('div', { class: 'cards' }, card('Revenue', amounts(sc.revenue)), card('Deals won', sc.dealsWon),
          card('New customers', sc.newCustomers), card('Visits', sc.visits), card('Calls', sc.calls), card('Proposals', sc.proposals)));
      }),
      guard(att, async () => {
        const a = await api(attainmentPath(period, 'repId', repId, ''));
        att.append(h('div', { class: 'cards' }, card('Target', num(a.target)), card('Actual', num(a.actual)),
          card('Expected by now', num(a.expectedByNow)), card('Attainment', pct(a.attainment)),
          card('Status', a.atRisk ? 'at risk' : 'on pace')));
      }),
      guard(statement, async () => {
        const st = await api('/api/v1/statements/' + encodeURIComponent(repId) + '/' + encodeURIComponent(period));
        statement.append(h('p', {}, 'Status ', h('span', { class: 'badge' }, st.status), ' · ' + (st.lines || []).length + ' lines'));
        statement.append(h('div', { class: 'table-wrap' }, h('table', { id: 'statement-totals' },
          h('thead', {}, h('tr', {}, ['Currency', 'Earned', 'Clawed back', 'Adjusted', 'Net', 'Paid', 'Outstanding'].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, (st.totals || []).map((t) => h('tr', {}, h('td', {}, t.currency),
            ['earned', 'clawedBack', 'adjusted', 'net', 'paid', 'outstanding'].map((k) => h('td', { class: 'num' }, num(t[k])))))))));
      }),
      guard(activities, async () => {
        const r = await api('/api/v1/reps/' + encodeURIComponent(repId) + '/activities?period=' + encodeURIComponent(period) + '&size=20');
        activities.append(h('p', {}, r.counts.VISIT + ' visits · ' + r.counts.CALL + ' calls · ' + r.counts.PROPOSAL + ' proposals'
          + (r.total > r.items.length ? ' (the latest ' + r.items.length + ' shown)' : '')));
        activities.append(h('div', { class: 'table-wrap' }, h('table', { id: 'activities' },
          h('thead', {}, h('tr', {}, ['When', 'Kind', 'Customer', 'Purpose / product', 'Outcome / deal'].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, r.items.length ? r.items.map((a) => h('tr', {}, h('td', {}, String(a.occurredAt).substring(0, 16).replace('T', ' ')),
            h('td', {}, h('span', { class: 'badge' }, a.kind)), h('td', {}, a.customer || '—'),
            h('td', {}, a.purpose || a.productLine || '—'),
            h('td', {}, a.dealId ? h('a', { href: link(['deals', a.dealId]) }, a.dealId) : (a.outcome || '—'))))
            : h('tr', {}, h('td', { colspan: 5, class: 'muted' }, 'No activities in this period.'))))));
      }),
      guard(deals, async () => {
        const r = await api('/api/v1/deals?owner=' + encodeURIComponent(repId) + '&size=20');
        deals.append(dealTable(r.items), h('p', {}, h('a', { href: link(['deals'], { owner: repId }) }, 'All ' + r.total + ' deals')));
      })
    ]);
  }

  // ----------------------------------------------------------------------------------------- sign in / out

  function showSignIn(message) {
    $('nav').hidden = true; $('who').hidden = true; $('view').hidden = true;
    $('signin-view').hidden = false;
    $('signin-error').textContent = message || '';
    $('token').focus();
  }

  async function signIn(value) {
    sessionStorage.setItem(TOKEN_KEY, value);
    try {
      state.me = await api('/api/v1/me');
    } catch (e) {
      sessionStorage.removeItem(TOKEN_KEY);
      state.me = null;
      showSignIn(e instanceof ApiError && e.status === 401 ? 'This token is not valid.' : 'Sign-in failed: ' + e.message);
      return;
    }
    $('signin-view').hidden = true;
    $('nav').hidden = false; $('who').hidden = false; $('view').hidden = false;
    $('who-name').textContent = state.me.id + ' · ' + state.me.roles.join(', ');
    const mine = $('nav-me');
    mine.hidden = !state.me.repId;
    if (state.me.repId) mine.href = link(['reps', state.me.repId, defaultPeriod()]);
    if (!location.hash || location.hash === '#' || location.hash === '#/') {
      location.hash = link(['leaderboards', defaultPeriod()]);
    } else {
      render();
    }
  }

  function signOut(message) {
    stopLive();
    sessionStorage.removeItem(TOKEN_KEY);
    state.me = null; state.org = null;
    $('view').replaceChildren();
    showSignIn(message);
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('signin').addEventListener('submit', (ev) => {
      ev.preventDefault();
      const value = $('token').value.trim();
      $('token').value = '';
      if (value) signIn(value);
    });
    $('signout').addEventListener('click', () => signOut('Signed out.'));
    window.addEventListener('hashchange', () => { if (state.me) render(); });
    // navigation links keep the period of the current view
    $('nav').addEventListener('click', (ev) => {
      const a = ev.target.closest('a');
      if (!a || a.id === 'nav-me') return;
      ev.preventDefault();
      const { parts } = route();
      const period = parts[0] === 'reps' ? parts[2] : parts[1];
      const view = a.dataset.view;
      location.hash = view === 'deals' ? link(['deals']) : link([view, /^\d{4}/.test(period || '') ? period : defaultPeriod()]);
    });
    const saved = token();
    if (saved) signIn(saved); else showSignIn();
  });
})();
