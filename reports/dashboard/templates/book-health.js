/* Book health, for CS operations: is each CSM's book loaded within capacity, and is proactive work holding up?
   Filters (team, segment, CSM, week range) re-aggregate the embedded per-CSM-week and per-account rows with the
   catalog's formulas: utilization = sum(customer hours) / sum(customer capacity hours), proactive share =
   sum(proactive) / sum(proactive + reactive), counts and ARR of fct_account_health. The filter lives in the URL. */
(function () {
  'use strict';
  var d = CA.data.data;
  var names = {};
  var teamOf = {};
  d.csms.forEach(function (c) { names[c.csm_id] = c.csm_name; teamOf[c.csm_id] = c.team; });
  function name(id) { return names[id] || id || '(unowned)'; }
  var csmWeeks = d.csmWeeks || [];
  var bookWeeks = d.bookWeeks || [];
  var accounts = d.accounts || [];
  var openAlerts = d.openAlerts || [];
  var allWeeks = unique(csmWeeks.map(function (r) { return r.week; })).sort();
  var WINDOW_DAYS = 28;

  function unique(values) {
    var seen = {};
    return values.filter(function (v) { if (v === null || v === undefined || seen[v]) return false; seen[v] = true; return true; });
  }
  function sum(rows, key) { return rows.reduce(function (t, r) { return t + (typeof r[key] === 'number' ? r[key] : 0); }, 0); }
  function ratio(a, b) { return b ? a / b : null; }
  function daysBefore(iso, days) {
    var t = Date.parse(iso + 'T00:00:00Z') - days * 86400000;
    return new Date(t).toISOString().slice(0, 10);
  }
  function utilization(rows) { return ratio(sum(rows, 'Customer Hours'), sum(rows, 'Customer Capacity Hours')); }
  function proactiveShare(rows) {
    var p = sum(rows, 'Proactive Hours');
    return ratio(p, p + sum(rows, 'Reactive Hours'));
  }
  function byCsm(rows) {
    var out = {};
    rows.forEach(function (r) { (out[r.csm_id] = out[r.csm_id] || []).push(r); });
    return out;
  }


  function render(view) {
    var state = view.state;
    var team = state.team || '';
    var segment = state.segment || '';
    var csm = state.csm || '';
    var from = state.from || allWeeks[0] || '';
    var to = state.to || allWeeks[allWeeks.length - 1] || '';

    // The CSMs a segment filter keeps: those whose book holds accounts of that segment.
    var segmentCsms = {};
    accounts.forEach(function (a) { if (!segment || a.segment === segment) segmentCsms[a.csm_id] = true; });
    function keepCsm(id, rowTeam) {
      return (!team || rowTeam === team) && (!csm || id === csm) && (!segment || segmentCsms[id]);
    }
    var weeks = csmWeeks.filter(function (r) { return keepCsm(r.csm_id, r.team) && r.week >= from && r.week <= to; });
    var windowFrom = daysBefore(to, WINDOW_DAYS);
    var recent = weeks.filter(function (r) { return r.week > windowFrom; });
    var books = bookWeeks.filter(function (r) { return keepCsm(r.csm_id, teamOf[r.csm_id] || '(no team)') && r.week >= from && r.week <= to; });
    var latestBookWeek = books.reduce(function (m, r) { return r.week > m ? r.week : m; }, '');
    var latestBooks = books.filter(function (r) { return r.week === latestBookWeek; });
    var accts = accounts.filter(function (a) { return (!team || a.team === team) && (!csm || a.csm_id === csm) && (!segment || a.segment === segment); });

    filterBar(view, team, segment, csm, from, to);

    CA.kpis([
      { measure: 'Book ARR', value: sum(latestBooks, 'book_arr'), note: 'owned in week ' + (latestBookWeek || '\u2013') },
      { measure: 'Customer Hours', value: sum(recent, 'Customer Hours'), note: '4 weeks to ' + to + ', hours' },
      { measure: 'Proactive Share', value: proactiveShare(recent), note: '4 weeks to ' + to },
      { measure: 'Capacity Utilization', value: utilization(recent), note: '4 weeks, of customer-facing capacity' },
      { measure: 'Customers', value: accts.length, note: 'at ' + (CA.data.asOf || 'the as-of date') },
      { measure: 'Accounts Gone Dark', value: accts.filter(function (a) { return a.gone_dark; }).length, note: 'no proactive touch' },
      { measure: 'ARR at Risk', value: accts.reduce(function (t, a) { return t + (a.at_risk ? a.arr || 0 : 0); }, 0), note: 'at the as-of date' },
      { measure: 'Renewals in 90 Days', value: accts.filter(function (a) { return a.next_renewal_date; }).length, note: 'accounts renewing' }
    ]);

    var ids = unique(weeks.map(function (r) { return r.csm_id; })).sort();
    var recentBy = byCsm(recent);
    var load = ids.map(function (id) {
      var rows = recentBy[id] || [];
      return { csm_id: id, hours: sum(rows, 'Customer Hours'), capacity: sum(rows, 'Customer Capacity Hours'), utilization: utilization(rows), proactive: proactiveShare(rows) };
    }).sort(function (a, b) { return (b.utilization || 0) - (a.utilization || 0); });

    var grid = CA.section('Load and proactive work');
    CA.chart({
      parent: grid, id: 'load-vs-capacity', title: 'Load vs capacity per CSM',
      sub: 'Customer hours vs customer-facing capacity hours, 4 weeks to ' + to + '; label: utilization',
      points: load.length * 2, height: Math.max(300, 60 + load.length * 28),
      option: {
        legend: { top: 0 },
        grid: { right: 64 },
        tooltip: { valueFormatter: CA.hours },
        xAxis: Object.assign(CA.valueAxis('#,0'), { name: 'hours', nameLocation: 'middle', nameGap: 24 }),
        yAxis: { type: 'category', data: load.map(function (r) { return name(r.csm_id); }), inverse: true, axisLabel: { interval: 0 } },
        series: [
          { name: 'Customer hours', type: 'bar', data: CA.pick(load, 'hours'),
            label: { show: true, position: 'right', formatter: function (p) { return CA.format(load[p.dataIndex].utilization, '0%'); } } },
          { name: 'Capacity hours', type: 'bar', data: CA.pick(load, 'capacity'), itemStyle: { color: '#cbd2d9' } }
        ]
      }
    });

    // Proactive share per team and week; a week with no proactive or reactive hours (all on leave) is a gap, not 0%.
    var rangeWeeks = allWeeks.filter(function (w) { return w >= from && w <= to; });
    var teamNames = unique(weeks.map(function (r) { return r.team; })).sort();
    var series = teamNames.map(function (t) {
      return { name: t, type: 'line', showSymbol: false, connectNulls: false, data: rangeWeeks.map(function (w) {
        return proactiveShare(weeks.filter(function (r) { return r.team === t && r.week === w; }));
      }) };
    });
    var overall = rangeWeeks.map(function (w) { return proactiveShare(weeks.filter(function (r) { return r.week === w; })); });
    series.push({ name: 'All selected', type: 'line', connectNulls: false, lineStyle: { width: 3, type: 'dashed' }, itemStyle: { color: '#102a43' }, data: overall });
    CA.chart({
      parent: grid, id: 'proactive-share-trend', title: 'Proactive share trend',
      sub: 'Proactive / (proactive + reactive) hours per week, by team; gaps: no customer hours that week',
      points: overall.filter(function (v) { return v !== null; }).length,
      option: {
        legend: { top: 0, type: 'scroll' },
        xAxis: { type: 'category', data: rangeWeeks, name: 'week', nameLocation: 'middle', nameGap: 26 },
        yAxis: Object.assign(CA.valueAxis('0%'), { name: 'proactive share' }),
        tooltip: { valueFormatter: function (v) { return CA.format(v, '0.0%'); } },
        series: series
      }
    });

    heatmaps(weeks, rangeWeeks);

    grid = CA.section('Accounts and renewals');
    var health = ids.map(function (id) {
      var mine = accts.filter(function (a) { return a.csm_id === id; });
      return { csm_id: id, dark: mine.filter(function (a) { return a.gone_dark; }).length, risk: mine.filter(function (a) { return a.at_risk; }).length, customers: mine.length };
    }).sort(function (a, b) { return b.dark - a.dark; });
    CA.chart({
      parent: grid, id: 'gone-dark', title: 'Accounts gone dark per CSM',
      sub: 'Customers without a proactive touch for the gone-dark window, and customers at risk (accounts)',
      points: health.length, height: Math.max(300, 60 + health.length * 28),
      option: {
        legend: { top: 0 },
        tooltip: { valueFormatter: function (v) { return CA.format(v, '#,0') + ' accounts'; } },
        xAxis: Object.assign(CA.valueAxis('#,0'), { name: 'accounts', nameLocation: 'middle', nameGap: 24 }),
        yAxis: { type: 'category', inverse: true, data: health.map(function (r) { return name(r.csm_id); }), axisLabel: { interval: 0 } },
        series: [
          { name: 'Gone dark', type: 'bar', data: CA.pick(health, 'dark'), itemStyle: { color: '#ef4444' } },
          { name: 'At risk', type: 'bar', data: CA.pick(health, 'risk'), itemStyle: { color: '#f59e0b' } },
          { name: 'Customers', type: 'bar', data: CA.pick(health, 'customers'), itemStyle: { color: '#cbd2d9' } }
        ]
      }
    });
    var renewals = {};
    accts.forEach(function (a) {
      if (!a.next_renewal_date) return;
      var m = a.next_renewal_date.slice(0, 7);
      renewals[m] = renewals[m] || { month: m, n: 0, arr: 0 };
      renewals[m].n += 1;
      renewals[m].arr += a.arr || 0;
    });
    var months = Object.keys(renewals).sort().map(function (m) { return renewals[m]; });
    CA.chart({
      parent: grid, id: 'renewals-90d', title: 'Renewals in the next 90 days',
      sub: 'Accounts and ARR renewing, by month: bunching shows where the book will be busy',
      points: months.length,
      option: {
        legend: { top: 0 },
        tooltip: { formatter: function (ps) {
          var m = months[ps[0].dataIndex];
          return m.month + '\n' + CA.format(m.n, '#,0') + ' accounts\n' + CA.format(m.arr, '$#,0') + ' ARR';
        } },
        xAxis: { type: 'category', data: CA.pick(months, 'month'), name: 'renewal month', nameLocation: 'middle', nameGap: 26 },
        yAxis: [Object.assign(CA.valueAxis('#,0'), { name: 'accounts' }), Object.assign(CA.valueAxis('$#,0'), { name: 'ARR', splitLine: { show: false } })],
        series: [
          { name: 'Accounts renewing', type: 'bar', data: CA.pick(months, 'n') },
          { name: 'ARR renewing', type: 'line', yAxisIndex: 1, data: CA.pick(months, 'arr') }
        ]
      }
    });

    grid = CA.section('Book per CSM');
    var latestBy = byCsm(latestBooks);
    var rows = ids.map(function (id) {
      var l = load.filter(function (r) { return r.csm_id === id; })[0] || {};
      var h = health.filter(function (r) { return r.csm_id === id; })[0] || {};
      var b = (latestBy[id] || [])[0] || {};
      var mine = accts.filter(function (a) { return a.csm_id === id; });
      return {
        csm_id: id, csm: name(id), team: teamOf[id] || '', accounts: b.book_accounts, arr: b.book_arr,
        utilization: l.utilization, proactive: l.proactive, dark: h.dark,
        risk: mine.reduce(function (t, a) { return t + (a.at_risk ? a.arr || 0 : 0); }, 0),
        renewals: mine.filter(function (a) { return a.next_renewal_date; }).length,
        alerts: openAlerts.filter(function (a) { return a.csm_id === id; }).length
      };
    });
    CA.table(grid, {
      id: 'book-per-csm', wide: true, title: 'Book per CSM',
      sub: 'Book in week ' + (latestBookWeek || '\u2013') + '; utilization and proactive share over 4 weeks to ' + to
        + '. Highlighted: over capacity or proactive share below 40%. Click a CSM for their accounts.',
      rows: rows,
      onRow: function (r) { view.set('csm', r.csm_id); },
      flag: function (r) { return (r.utilization || 0) > 1 || (typeof r.proactive === 'number' && r.proactive < 0.4); },
      columns: [
        { key: 'csm', label: 'CSM' }, { key: 'team', label: 'Team' },
        { key: 'accounts', label: 'Accounts', format: '#,0' },
        { key: 'arr', label: 'Book ARR', format: '$#,0' },
        { key: 'utilization', label: 'Utilization', format: '0%' },
        { key: 'proactive', label: 'Proactive share', format: '0%' },
        { key: 'dark', label: 'Gone dark', format: '#,0' },
        { key: 'risk', label: 'ARR at risk', format: '$#,0' },
        { key: 'renewals', label: 'Renewals 90d', format: '#,0' },
        { key: 'alerts', label: 'Open alerts', format: '#,0' }
      ]
    });
    if (csm) drill(csm, accts);
  }

  /* CSM-by-week heatmaps of utilization and proactive share: the pattern leaders scan for. Empty cells: no capacity. */
  function heatmaps(weeks, rangeWeeks) {
    var ids = unique(weeks.map(function (r) { return r.csm_id; })).sort();
    var grid = CA.section('Week by week');
    [['utilization-heatmap', 'Utilization by CSM and week', utilization, 1.5, ['#e0f2fe', '#60a5fa', '#fbbf24', '#dc2626']],
     ['proactive-heatmap', 'Proactive share by CSM and week', proactiveShare, 1, ['#dc2626', '#fbbf24', '#a7f3d0', '#059669']]].forEach(function (h) {
      var cells = [];
      weeks.forEach(function (r) {
        var v = h[2]([r]);
        if (v !== null) cells.push([rangeWeeks.indexOf(r.week), ids.indexOf(r.csm_id), v]);
      });
      CA.chart({
        parent: grid, id: h[0], title: h[1], wide: true,
        sub: 'One cell per CSM-week; blank: no customer-facing capacity or no customer hours that week',
        points: cells.length, height: Math.max(260, 90 + ids.length * 22),
        option: {
          grid: { top: 16, bottom: 56 },
          tooltip: { trigger: 'item', formatter: function (p) {
            return name(ids[p.value[1]]) + ', week ' + rangeWeeks[p.value[0]] + '\n' + CA.format(p.value[2], '0.0%');
          } },
          xAxis: { type: 'category', data: rangeWeeks, splitArea: { show: false }, name: 'week', nameLocation: 'middle', nameGap: 26 },
          yAxis: { type: 'category', data: ids.map(name), axisLabel: { interval: 0 } },
          visualMap: { min: 0, max: h[3], calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120,
            inRange: { color: h[4] }, formatter: function (v) { return CA.format(v, '0%'); } },
          series: [{ name: h[1], type: 'heatmap', data: cells }]
        }
      });
    });
  }

  /* The drill-down: one CSM's accounts with ARR, segment, renewal, last proactive touch, flags, and open alerts. */
  function drill(id, accts) {
    var grid = CA.section('Accounts of ' + name(id));
    var mine = accts.filter(function (a) { return a.csm_id === id; });
    var alerts = openAlerts.filter(function (a) { return a.csm_id === id; });
    var box = CA.card(grid, { title: 'Open alerts', wide: true, sub: alerts.length ? 'Raised by the early-warning rules, still open' : 'No open alerts' });
    box.classList.add('drill');
    box.setAttribute('data-drill', id);
    var chips = CA.el('div', 'chips');
    alerts.forEach(function (a) { chips.appendChild(CA.el('span', 'chip', a.family + ': ' + a.indicator)); });
    box.appendChild(chips);
    var horizon = daysBefore(CA.data.asOf || '9999-12-31', -90);
    CA.table(grid, {
      id: 'csm-accounts', wide: true, title: 'Accounts of ' + name(id),
      sub: 'Flagged: gone dark, or renewing within 90 days with no proactive touch in 60 days',
      rows: mine,
      flag: function (a) {
        var stale = !a.last_proactive_date || a.last_proactive_date < daysBefore(CA.data.asOf || '9999-12-31', 60);
        return a.gone_dark || (a.next_renewal_date && a.next_renewal_date <= horizon && stale);
      },
      columns: [
        { key: 'account_name', label: 'Account' }, { key: 'segment', label: 'Segment' },
        { key: 'arr', label: 'ARR', format: '$#,0' },
        { key: 'next_renewal_date', label: 'Renewal date' },
        { key: 'last_proactive_date', label: 'Last proactive touch' },
        { key: 'gone_dark', label: 'Gone dark', format: function (v) { return v ? 'yes' : ''; } },
        { key: 'at_risk', label: 'At risk', format: function (v) { return v ? 'yes' : ''; } }
      ]
    });
  }

  function filterBar(view, team, segment, csm, from, to) {
    var teams = unique(csmWeeks.map(function (r) { return r.team; })).sort();
    var segments = unique(accounts.map(function (a) { return a.segment; })).sort();
    var csms = d.csms.filter(function (c) { return !team || c.team === team; });
    CA.filters([
      ['team', 'Team', [['', 'All teams']].concat(teams.map(function (t) { return [t, t]; })), team],
      ['segment', 'Segment', [['', 'All segments']].concat(segments.map(function (s) { return [s, s]; })), segment],
      ['csm', 'CSM', [['', 'All CSMs']].concat(csms.map(function (c) { return [c.csm_id, c.csm_name]; })), csm],
      ['from', 'From week', allWeeks.map(function (w) { return [w, w]; }), from],
      ['to', 'To week', allWeeks.map(function (w) { return [w, w]; }), to]
    ], view.set, view.reset);
  }

  CA.filtered(render);
})();
