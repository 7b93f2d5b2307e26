/* Early warning, for CS leaders: who is sliding or overloaded, since when, how far off, what to do, what is exposed, past alerts.
   Filters (team, CSM, alerts opened from/to) keep the alerts they match; the cards and the open-alert tables are summed
   again from those alerts with the catalog's formulas (Exposed ARR and renewals: each book once, CSM level). The past
   alerts' backtest is a company-wide track record and is not filtered. The filter lives in the URL. */
(function () {
  'use strict';
  var d = CA.data.data;
  function indicatorFormat(indicator) { return /share|coverage|completion|rate/.test(indicator) ? '0.0%' : '#,0.00'; }
  function valueFormat(v, r) { return CA.format(v, r.family === 'overload' ? '0%' : indicatorFormat(r.indicator)); }
  function sum(rows, key) { return rows.reduce(function (t, r) { return t + (typeof r[key] === 'number' ? r[key] : 0); }, 0); }
  function unique(values) {
    var seen = {};
    return values.filter(function (v) { if (v === null || v === undefined || seen[v]) return false; seen[v] = true; return true; });
  }
  var csms = d.csms || [];
  var teams = unique(csms.map(function (c) { return c.team; }).concat(d.openAlerts.concat(d.history).map(function (a) { return a.team; }))).sort();
  var weeks = unique(d.openAlerts.map(function (a) { return a.opened; }).concat(d.history.map(function (a) { return a.opened; }))).sort();

  function render(view) {
    var state = view.state;
    var team = state.team || '', csm = state.csm || '', from = state.from || '', to = state.to || '';
    function keep(a) {
      return (!team || a.team === team) && (!csm || (a.level === 'csm' && a.key === csm))
        && (!from || a.opened >= from) && (!to || a.opened <= to);
    }
    var open = d.openAlerts.filter(keep);
    var closed = d.history.filter(keep);
    var openCsm = open.filter(function (a) { return a.level === 'csm'; });
    filterBar(view, team, csm, from, to);
    CA.kpis([
      { measure: 'Open Alerts', value: open.length, note: 'all levels' },
      { measure: 'Exposed ARR', value: sum(openCsm, 'counted_exposed_arr'), note: 'books behind open CSM alerts, each once' },
      { measure: 'Exposed Renewals', value: sum(openCsm, 'counted_renewals_in_horizon'), note: 'renewing in 90 days in those books' },
    ].concat(d.kpis));
    var byFamily = {};
    open.forEach(function (a) {
      var k = a.family + '|' + a.level;
      var g = byFamily[k] = byFamily[k] || { family: a.family, level: a.level, open_alerts: 0, keysSeen: {}, keys: 0 };
      g.open_alerts++;
      if (!g.keysSeen[a.key]) { g.keysSeen[a.key] = true; g.keys++; }
    });
    var byLevel = {};
    open.forEach(function (a) {
      var g = byLevel[a.level] = byLevel[a.level] || { level: a.level, keysSeen: {}, keys: 0, exposed_arr: 0, renewals_in_horizon: 0 };
      if (!g.keysSeen[a.key]) { g.keysSeen[a.key] = true; g.keys++; }
      g.exposed_arr += a.counted_exposed_arr || 0;
      g.renewals_in_horizon += a.counted_renewals_in_horizon || 0;
    });
    var keptKeys = {};
    openCsm.forEach(function (a) { keptKeys[a.key] = true; });

  var grid = CA.section('Open alerts');
  CA.table(grid, {
    id: 'open-alerts', wide: true, title: 'Open alerts', rows: open,
    sub: 'Most exposed first. decline: below the frozen pre-breach baseline, open until back in the recovery band for the recovery weeks; ' +
      'overload: over customer-facing capacity or above the book range, whatever the history. Now: rolling mean in the latest week.',
    columns: [
      { key: 'family', label: 'Family' }, { key: 'name', label: 'Who' }, { key: 'level', label: 'Level' }, { key: 'indicator', label: 'Indicator' },
      { key: 'since', label: 'Since' }, { key: 'weeks_open', label: 'Weeks open', format: '#,0' },
      { key: 'baseline_value', label: 'Baseline / limit', format: valueFormat },
      { key: 'current_value', label: 'Now', format: valueFormat },
      { key: 'exposed_arr', label: 'Book ARR', format: CA.measureFormat('Exposed ARR') },
      { key: 'renewals_in_horizon', label: 'Renewals 90d', format: '#,0' },
      { key: 'likely_cause', label: 'Likely cause' },
      { key: 'next_step', label: 'Next step' }
    ]
  });
  CA.table(grid, {
    id: 'open-by-family', title: 'Open alerts by family and level', rows: Object.keys(byFamily).sort().map(function (k) { return byFamily[k]; }),
    columns: [
      { key: 'family', label: 'Family' }, { key: 'level', label: 'Level' },
      { key: 'open_alerts', label: 'Open alerts', format: '#,0' }, { key: 'keys', label: 'Flagged', format: '#,0' }
    ]
  });
  CA.table(grid, {
    id: 'exposure-by-level', title: 'Exposure, each book once', rows: Object.keys(byLevel).sort().map(function (k) { return byLevel[k]; }),
    sub: 'ARR and renewals of the books behind open alerts, counted once however many alerts a book has',
    columns: [
      { key: 'level', label: 'Level' }, { key: 'keys', label: 'Flagged', format: '#,0' },
      { key: 'exposed_arr', label: 'Exposed ARR', format: '$#,0' },
      { key: 'renewals_in_horizon', label: 'Renewals 90d', format: '#,0' }
    ]
  });

  grid = CA.section('Alert history');
  CA.table(grid, {
    id: 'alert-history', wide: true, title: 'Closed alerts', rows: closed,
    sub: 'Latest closed first; weeks open: from opening to the week it closed',
    columns: [
      { key: 'family', label: 'Family' }, { key: 'name', label: 'Who' }, { key: 'level', label: 'Level' }, { key: 'indicator', label: 'Indicator' },
      { key: 'opened', label: 'Opened' }, { key: 'closed', label: 'Closed' }, { key: 'weeks_open', label: 'Weeks open', format: '#,0' },
      { key: 'baseline_value', label: 'Baseline / limit', format: valueFormat },
      { key: 'worst_value', label: 'Worst', format: valueFormat },
      { key: 'next_step', label: 'Next step' }
    ]
  });

  grid = CA.section('Flagged CSMs: indicator vs their own baseline');
  var trends = d.trends.filter(function (t) { return keptKeys[t.key]; });
  if (!trends.length) {
    CA.chart({ parent: grid, id: 'trend-none', title: 'No open CSM alerts', points: 0, emptyText: 'No CSM in view is below their baseline right now.' });
  }
  trends.forEach(function (t, i) {
    var fmt = indicatorFormat(t.indicator);
    CA.chart({
      parent: grid, id: 'trend-' + i, small: true, title: t.name + ' \u2013 ' + t.indicator.replace(/_/g, ' '),
      sub: 'Weekly value since 16 weeks before the alert; dashed: baseline ' + CA.format(t.baseline, fmt) + ', shaded: sliding since ' + t.since,
      points: t.points.length,
      option: {
        xAxis: { type: 'category', data: CA.pick(t.points, 'week') },
        yAxis: Object.assign(CA.valueAxis(fmt), { scale: true }),
        tooltip: { valueFormatter: function (v) { return CA.format(v, fmt); } },
        series: [{
          name: t.indicator, type: 'line', data: CA.pick(t.points, 'value'), itemStyle: { color: '#c2410c' },
          markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#334e68' }, label: { formatter: 'baseline', position: 'insideEndTop' },
            data: typeof t.baseline === 'number' ? [{ yAxis: t.baseline }] : [] },
          markArea: { silent: true, itemStyle: { color: 'rgba(239,68,68,0.08)' },
            data: [[{ xAxis: t.since }, { xAxis: t.points.length ? t.points[t.points.length - 1].week : t.since }]] }
        }]
      }
    });
  });

  grid = CA.section('Exposure and track record');
  // Each CSM's book once, however many alerts are open on it (the counted_* columns).
  var exposedBy = {};
  openCsm.forEach(function (a) {
    var r = exposedBy[a.key] = exposedBy[a.key] || { key: a.key, 'Exposed ARR': 0, 'Exposed Renewals': 0 };
    r['Exposed ARR'] += a.counted_exposed_arr || 0;
    r['Exposed Renewals'] += a.counted_renewals_in_horizon || 0;
  });
  var exposed = Object.keys(exposedBy).map(function (k) { return exposedBy[k]; }).sort(function (a, b) { return (b['Exposed ARR'] || 0) - (a['Exposed ARR'] || 0); });
  var alertName = {};
  open.forEach(function (a) { alertName[a.key] = a.name; });
  CA.chart({
    parent: grid, id: 'exposed-arr', title: 'Exposed ARR per flagged CSM',
    sub: 'Book ARR behind open CSM alerts; bar label: renewals in the next 90 days',
    points: exposed.length,
    option: {
      grid: { right: 96 },
      xAxis: CA.valueAxis('$#,0'),
      yAxis: { type: 'category', data: exposed.map(function (r) { return alertName[r.key] || r.key; }), inverse: true },
      tooltip: { valueFormatter: function (v) { return CA.format(v, '$#,0'); } },
      series: [{ name: 'Exposed ARR', type: 'bar', data: CA.pick(exposed, 'Exposed ARR'), itemStyle: { color: '#c2410c' },
        label: { show: true, position: 'right', formatter: function (p) { return CA.format(exposed[p.dataIndex]['Exposed Renewals'], '#,0') + ' renewals'; } } }]
    }
  });
  var bt = d.backtestByIndicator.concat(d.backtestAll.map(function (r) { r.indicator = 'all alerts'; return r; }))
    .filter(function (r) { return r['Backtested Alerts'] > 0; });
  CA.chart({
    parent: grid, id: 'backtest', title: 'Backtest: flagged vs unflagged books',
    sub: 'After past alerts: NRR and renewal win rate of the flagged books vs comparable unflagged books',
    points: bt.length * 4,
    option: {
      legend: { top: 0 },
      xAxis: { type: 'category', data: bt.map(function (r) { return r.indicator.replace(/_/g, ' '); }) },
      yAxis: CA.valueAxis('0%'),
      tooltip: { valueFormatter: function (v) { return CA.format(v, '0.0%'); } },
      series: [
        { name: 'Flagged NRR', type: 'bar', data: CA.pick(bt, 'Flagged NRR'), itemStyle: { color: '#c2410c' } },
        { name: 'Unflagged NRR', type: 'bar', data: CA.pick(bt, 'Unflagged NRR'), itemStyle: { color: '#9fb3c8' } },
        { name: 'Flagged renewal rate', type: 'bar', data: CA.pick(bt, 'Flagged Renewal Rate'), itemStyle: { color: '#f59e0b' } },
        { name: 'Unflagged renewal rate', type: 'bar', data: CA.pick(bt, 'Unflagged Renewal Rate'), itemStyle: { color: '#cbd2d9' } }
      ]
    }
  });
  CA.table(grid, {
    id: 'backtest-table', wide: true, title: 'Backtest by indicator', rows: bt,
    columns: [
      { key: 'indicator', label: 'Indicator' },
      { key: 'Backtested Alerts', label: 'Alerts', format: CA.measureFormat('Backtested Alerts') },
      { key: 'Flagged NRR', label: 'Flagged NRR', format: CA.measureFormat('Flagged NRR') },
      { key: 'Unflagged NRR', label: 'Unflagged NRR', format: CA.measureFormat('Unflagged NRR') },
      { key: 'Flagged Renewal Rate', label: 'Flagged renewal rate', format: CA.measureFormat('Flagged Renewal Rate') },
      { key: 'Unflagged Renewal Rate', label: 'Unflagged renewal rate', format: CA.measureFormat('Unflagged Renewal Rate') }
    ]
  });
  }

  function filterBar(view, team, csm, from, to) {
    CA.filters([
      ['team', 'Team', [['', 'All teams']].concat(teams.map(function (t) { return [t, t]; })), team],
      ['csm', 'CSM', [['', 'All CSMs']].concat(csms.filter(function (c) { return !team || c.team === team; })
        .map(function (c) { return [c.csm_id, c.csm_name]; })), csm],
      ['from', 'Opened from', [['', 'any week']].concat(weeks.map(function (w) { return [w, w]; })), from],
      ['to', 'Opened to', [['', 'any week']].concat(weeks.map(function (w) { return [w, w]; })), to]
    ], view.set, view.reset);
  }

  CA.filtered(render);
})();
