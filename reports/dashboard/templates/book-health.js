/* Book health, for CS operations: is each CSM's book loaded within capacity, and is proactive work holding up? */
(function () {
  'use strict';
  var d = CA.data.data;
  var names = {};
  var teams = {};
  d.csms.forEach(function (c) { names[c.csm_id] = c.csm_name; teams[c.csm_id] = c.team; });
  function name(id) { return names[id] || id || '(unowned)'; }

  CA.kpis(d.kpis);

  var grid = CA.section('Load and proactive work');
  var load = d.loadByCsm.slice().sort(function (a, b) { return (b['Capacity Utilization'] || 0) - (a['Capacity Utilization'] || 0); });
  CA.chart({
    parent: grid, id: 'load-vs-capacity', title: 'Load vs capacity per CSM',
    sub: 'Customer hours vs customer-facing capacity over the last 4 weeks, highest utilization first',
    points: load.length * 2,
    option: {
      legend: { top: 0 },
      grid: { right: 56 },
      xAxis: CA.valueAxis('#,0'),
      yAxis: { type: 'category', data: load.map(function (r) { return name(r.csm_id); }), inverse: true },
      series: [
        { name: 'Customer hours', type: 'bar', data: CA.pick(load, 'Customer Hours'),
          label: { show: true, position: 'right', formatter: function (p) { return CA.format(load[p.dataIndex]['Capacity Utilization'], '0%'); } } },
        { name: 'Capacity hours', type: 'bar', data: CA.pick(load, 'Customer Capacity Hours'), itemStyle: { color: '#cbd2d9' } }
      ]
    }
  });

  var teamNames = [];
  d.proactiveTrendByTeam.forEach(function (r) { if (teamNames.indexOf(r.team) < 0) teamNames.push(r.team); });
  var weeks = CA.pick(d.proactiveTrend, 'week');
  var teamSeries = teamNames.map(function (team) {
    return { name: team, type: 'line', showSymbol: false, data: weeks.map(function (w) {
      var row = d.proactiveTrendByTeam.filter(function (r) { return r.team === team && r.week === w; })[0];
      return row ? row['Proactive Share'] : null;
    }) };
  });
  teamSeries.push({ name: 'All CSMs', type: 'line', lineStyle: { width: 3, type: 'dashed' }, itemStyle: { color: '#102a43' }, data: CA.pick(d.proactiveTrend, 'Proactive Share') });
  CA.chart({
    parent: grid, id: 'proactive-share-trend', title: 'Proactive share trend',
    sub: 'Proactive / (proactive + reactive) hours per week, by team and overall (last 26 weeks)',
    points: d.proactiveTrend.length,
    option: {
      legend: { top: 0 },
      xAxis: { type: 'category', data: weeks },
      yAxis: CA.valueAxis('0%'),
      tooltip: { valueFormatter: function (v) { return CA.format(v, '0.0%'); } },
      series: teamSeries
    }
  });

  grid = CA.section('Accounts and renewals');
  var health = d.healthByCsm.slice().sort(function (a, b) { return (b['Accounts Gone Dark'] || 0) - (a['Accounts Gone Dark'] || 0); });
  CA.chart({
    parent: grid, id: 'gone-dark', title: 'Accounts gone dark per CSM',
    sub: 'Customers without a proactive touch for the gone-dark window, and all customers at risk',
    points: health.length,
    option: {
      legend: { top: 0 },
      xAxis: { type: 'category', data: health.map(function (r) { return name(r.csm_id); }) },
      yAxis: CA.valueAxis('#,0'),
      series: [
        { name: 'Gone dark', type: 'bar', data: CA.pick(health, 'Accounts Gone Dark'), itemStyle: { color: '#ef4444' } },
        { name: 'At risk', type: 'bar', data: CA.pick(health, 'Accounts at Risk'), itemStyle: { color: '#f59e0b' } },
        { name: 'Customers', type: 'bar', data: CA.pick(health, 'Customers'), itemStyle: { color: '#cbd2d9' } }
      ]
    }
  });
  CA.chart({
    parent: grid, id: 'renewals-90d', title: 'Renewals in the next 90 days',
    sub: 'Accounts and ARR renewing, by month: bunching shows where the book will be busy',
    points: d.renewalsByMonth.length,
    option: {
      legend: { top: 0 },
      xAxis: { type: 'category', data: CA.pick(d.renewalsByMonth, 'month') },
      yAxis: [CA.valueAxis('#,0'), Object.assign(CA.valueAxis('$#,0'), { splitLine: { show: false } })],
      series: [
        { name: 'Accounts renewing', type: 'bar', data: CA.pick(d.renewalsByMonth, 'Renewals in 90 Days') },
        { name: 'ARR renewing', type: 'line', yAxisIndex: 1, data: CA.pick(d.renewalsByMonth, 'Renewal ARR in 90 Days') }
      ]
    }
  });

  grid = CA.section('Book per CSM');
  var rows = d.bookByCsm.map(function (b) {
    var l = d.loadByCsm.filter(function (r) { return r.csm_id === b.csm_id; })[0] || {};
    var h = d.healthByCsm.filter(function (r) { return r.csm_id === b.csm_id; })[0] || {};
    return {
      csm: name(b.csm_id), team: teams[b.csm_id] || '', accounts: b['Book Accounts'], arr: b['Book ARR'],
      onboarding: b['Onboarding Accounts'], utilization: l['Capacity Utilization'], proactive: l['Proactive Share'],
      coverage: b['Coverage 30d'], dark: h['Accounts Gone Dark'], risk: h['ARR at Risk'], renewals: h['Renewals in 90 Days']
    };
  });
  CA.table(grid, {
    id: 'book-per-csm', wide: true, title: 'Book per CSM',
    sub: 'Latest week; utilization and proactive share over the last 4 weeks. Highlighted: over capacity or proactive share below 40%.',
    rows: rows,
    flag: function (r) { return (r.utilization || 0) > 1 || (r.proactive !== null && r.proactive !== undefined && r.proactive < 0.4); },
    columns: [
      { key: 'csm', label: 'CSM' }, { key: 'team', label: 'Team' },
      { key: 'accounts', label: 'Accounts', format: CA.measureFormat('Book Accounts') },
      { key: 'arr', label: 'ARR', format: CA.measureFormat('Book ARR') },
      { key: 'onboarding', label: 'Onboarding', format: CA.measureFormat('Onboarding Accounts') },
      { key: 'utilization', label: 'Capacity Utilization', format: CA.measureFormat('Capacity Utilization') },
      { key: 'proactive', label: 'Proactive share', format: CA.measureFormat('Proactive Share') },
      { key: 'coverage', label: 'Coverage 30d', format: CA.measureFormat('Coverage 30d') },
      { key: 'dark', label: 'Gone dark', format: CA.measureFormat('Accounts Gone Dark') },
      { key: 'risk', label: 'ARR at risk', format: CA.measureFormat('ARR at Risk') },
      { key: 'renewals', label: 'Renewals 90d', format: CA.measureFormat('Renewals in 90 Days') }
    ]
  });
})();
