/* Early warning, for CS leaders: who is sliding or overloaded, since when, how far off, what to do, what is exposed, past alerts. */
(function () {
  'use strict';
  var d = CA.data.data;
  function indicatorFormat(indicator) { return /share|coverage|completion|rate/.test(indicator) ? '0.0%' : '#,0.00'; }

  CA.kpis(d.kpis);

  function valueFormat(v, r) { return CA.format(v, r.family === 'overload' ? '0%' : indicatorFormat(r.indicator)); }

  var grid = CA.section('Open alerts');
  CA.table(grid, {
    id: 'open-alerts', wide: true, title: 'Open alerts', rows: d.openAlerts,
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
    id: 'open-by-family', title: 'Open alerts by family and level', rows: d.byFamily,
    columns: [
      { key: 'family', label: 'Family' }, { key: 'level', label: 'Level' },
      { key: 'open_alerts', label: 'Open alerts', format: '#,0' }, { key: 'keys', label: 'Flagged', format: '#,0' }
    ]
  });
  CA.table(grid, {
    id: 'exposure-by-level', title: 'Exposure, each book once', rows: d.exposureByLevel,
    sub: 'ARR and renewals of the books behind open alerts, counted once however many alerts a book has',
    columns: [
      { key: 'level', label: 'Level' }, { key: 'keys', label: 'Flagged', format: '#,0' },
      { key: 'exposed_arr', label: 'Exposed ARR', format: '$#,0' },
      { key: 'renewals_in_horizon', label: 'Renewals 90d', format: '#,0' }
    ]
  });

  grid = CA.section('Alert history');
  CA.table(grid, {
    id: 'alert-history', wide: true, title: 'Closed alerts', rows: d.history,
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
  if (!d.trends.length) {
    CA.chart({ parent: grid, id: 'trend-none', title: 'No open CSM alerts', points: 0, emptyText: 'No CSM is below their baseline right now.' });
  }
  d.trends.forEach(function (t, i) {
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
  var exposed = d.exposedByCsm.slice().sort(function (a, b) { return (b['Exposed ARR'] || 0) - (a['Exposed ARR'] || 0); });
  var alertName = {};
  d.openAlerts.forEach(function (a) { alertName[a.key] = a.name; });
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
})();
