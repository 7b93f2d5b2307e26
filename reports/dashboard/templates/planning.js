/* Planning, for CS leaders: the proposed rebalancing of books against the load band, and the lane each account's
   value, complexity and behaviour support, with the capacity that frees or needs. A lane filter (kept in the URL)
   narrows every figure to one lane. Last, when to hire: per segment, the month its book's hours outgrow today's CSMs
   and the month a requisition must open, the recruiting-plus-ramp lead time before. */
(function () {
  'use strict';
  var all = CA.data.data;

  function render(view) {
    var lane = view.state.lane || '';
    var d = lane && all.byLane && all.byLane[lane] ? Object.assign({}, all, all.byLane[lane]) : all;
    CA.filters([
      ['lane', 'Lane', [['', 'All lanes']].concat((all.lanes || []).map(function (l) { return [l, l]; })), lane]
    ], view.set);
    CA.kpis(d.kpis);

    var grid = CA.section('Rebalancing: load per CSM against the band');
    var loads = d.loads;
    var status = loads.length ? loads[0].solve_status : null;
    CA.chart({
      parent: grid, id: 'load-before-after', wide: true, title: 'Load per CSM before and after the proposed moves',
      sub: 'Expected hours per month (calibrated time equation) as a share of customer-facing hours; shaded: the band' +
        (status ? ' \u00b7 solve: ' + String(status).replace('_', ' ') : ''),
      points: loads.length * 2,
      emptyText: 'No rebalancing yet: it needs a calibrated time equation (the calibrate stage with observed account-months).',
      option: {
        legend: { top: 0 },
        xAxis: { type: 'category', data: loads.map(function (r) { return r.csm_name ? r.csm_id + ' ' + r.csm_name : r.csm_id; }), axisLabel: { rotate: 30 } },
        yAxis: CA.valueAxis('0%'),
        tooltip: { valueFormatter: function (v) { return CA.format(v, '0.0%'); } },
        series: [
          { name: 'Before', type: 'bar', data: CA.pick(loads, 'load_before'), itemStyle: { color: '#9fb3c8' },
            markArea: loads.length ? { silent: true, itemStyle: { color: 'rgba(16,185,129,0.12)' },
              data: [[{ yAxis: loads[0].band_low_hours / loads[0].capacity_hours }, { yAxis: loads[0].band_high_hours / loads[0].capacity_hours }]] } : undefined },
          { name: 'After', type: 'bar', data: CA.pick(loads, 'load_after') }
        ]
      }
    });
    CA.table(grid, {
      id: 'load-table', wide: true, title: 'Load per CSM', rows: loads,
      columns: [
        { key: 'csm_id', label: 'CSM' }, { key: 'csm_name', label: 'Name' }, { key: 'lane', label: 'Lane' },
        { key: 'capacity_hours', label: 'Capacity h', format: '#,0.0' },
        { key: 'accounts_before', label: 'Accounts before', format: '#,0' }, { key: 'hours_before', label: 'Hours before', format: '#,0.0' },
        { key: 'load_before', label: 'Load before', format: '0.0%' }, { key: 'in_band_before', label: 'In band', format: function (v) { return v ? 'yes' : 'no'; } },
        { key: 'accounts_after', label: 'Accounts after', format: '#,0' }, { key: 'hours_after', label: 'Hours after', format: '#,0.0' },
        { key: 'load_after', label: 'Load after', format: '0.0%' }, { key: 'in_band_after', label: 'In band', format: function (v) { return v ? 'yes' : 'no'; } },
        { key: 'moves_in', label: 'In', format: '#,0' }, { key: 'moves_out', label: 'Out', format: '#,0' }
      ]
    });
    CA.table(grid, {
      id: 'moves', wide: true, title: 'Proposed moves', rows: d.moves,
      columns: [
        { key: 'account_id', label: 'Account' }, { key: 'from_csm_id', label: 'From' }, { key: 'to_csm_id', label: 'To' },
        { key: 'lane', label: 'Lane' }, { key: 'hours_moved', label: 'Hours / month', format: '#,0.00' },
        { key: 'protection', label: 'Protected' }, { key: 'reason', label: 'Reason' }
      ]
    });

    grid = CA.section('Lanes: where each account belongs');
    var summary = d.laneSummary;
    CA.chart({
      parent: grid, id: 'lane-capacity', title: 'Capacity freed or needed by lane',
      sub: 'Hours per month if every recommendation is followed; label: FTE of one CSM\u2019s customer-facing hours',
      points: summary.length,
      option: {
        grid: { right: 56 },
        xAxis: { type: 'category', data: CA.pick(summary, 'lane') },
        yAxis: CA.valueAxis('#,0'),
        tooltip: { valueFormatter: function (v) { return CA.format(v, '#,0.0'); } },
        series: [{ name: 'Hours change', type: 'bar', data: summary.map(function (r) {
            return { value: r.hours_change, itemStyle: { color: r.hours_change < 0 ? '#10b981' : '#ef4444' } };
          }),
          label: { show: true, position: 'top', formatter: function (p) { return CA.format(summary[p.dataIndex].fte_change, '+#,0.00;-#,0.00') + ' FTE'; } } }]
      }
    });
    CA.table(grid, {
      id: 'lane-summary', wide: true, title: 'Lanes now and recommended', rows: summary,
      columns: [
        { key: 'lane', label: 'Lane' }, { key: 'accounts_now', label: 'Accounts now', format: '#,0' },
        { key: 'accounts_recommended', label: 'Recommended', format: '#,0' }, { key: 'accounts_in', label: 'In', format: '#,0' },
        { key: 'accounts_out', label: 'Out', format: '#,0' }, { key: 'hours_now', label: 'Hours now', format: '#,0.0' },
        { key: 'hours_recommended', label: 'Hours recommended', format: '#,0.0' }, { key: 'hours_change', label: 'Change', format: '#,0.0' },
        { key: 'fte_change', label: 'FTE', format: '#,0.00' }
      ]
    });
    CA.table(grid, {
      id: 'lane-changes', title: 'Moves between lanes', rows: d.laneChanges,
      columns: [
        { key: 'current_lane', label: 'From lane' }, { key: 'recommended_lane', label: 'To lane' },
        { key: 'accounts', label: 'Accounts', format: '#,0' }, { key: 'hours_change', label: 'Hours change', format: '#,0.0' }
      ]
    });
    CA.table(grid, {
      id: 'lane-recommendations', wide: true, title: 'Accounts recommended another lane', rows: d.recommendations,
      columns: [
        { key: 'account_id', label: 'Account' }, { key: 'csm_id', label: 'CSM' }, { key: 'segment', label: 'Segment' },
        { key: 'arr', label: 'ARR', format: '$#,0' }, { key: 'complexity', label: 'Complexity', format: '#,0' },
        { key: 'expected_hours', label: 'Expected h', format: '#,0.00' }, { key: 'observed_hours', label: 'Observed h', format: '#,0.00' },
        { key: 'tickets_per_month', label: 'Tickets / mo', format: '#,0.0' }, { key: 'current_lane', label: 'Now' },
        { key: 'recommended_lane', label: 'Recommended' }, { key: 'reasons', label: 'Reasons' },
        { key: 'hours_change', label: 'Hours change', format: '#,0.00' }
      ]
    });

    grid = CA.section('Hiring: when capacity runs out');
    var projection = d.projection, segments = [];
    projection.forEach(function (r) { if (segments.indexOf(r.segment) < 0) segments.push(r.segment); });
    var months = [];
    projection.forEach(function (r) { if (months.indexOf(r.month) < 0) months.push(r.month); });
    months.sort();
    function series(segment, key) {
      return months.map(function (m) {
        var row = projection.filter(function (r) { return r.segment === segment && r.month === m; })[0];
        return row ? row[key] : null;
      });
    }
    CA.chart({
      parent: grid, id: 'hiring-projection', wide: true, title: 'Hours the book needs against today\u2019s capacity, by segment',
      sub: 'Solid: CSM hours per month needed as the book grows; dashed: customer-facing hours of today\u2019s CSMs',
      points: projection.length,
      emptyText: 'No hiring plan yet: it comes with the calibrate stage.',
      option: {
        legend: { top: 0, type: 'scroll' },
        xAxis: { type: 'category', data: months },
        yAxis: CA.valueAxis('#,0'),
        tooltip: { trigger: 'axis', valueFormatter: function (v) { return CA.format(v, '#,0.0'); } },
        series: segments.map(function (s) { return { name: s + ' needed', type: 'line', data: series(s, 'hours_needed') }; })
          .concat(segments.map(function (s) {
            return { name: s + ' capacity', type: 'line', lineStyle: { type: 'dashed' }, symbol: 'none', data: series(s, 'capacity_hours') };
          }))
      }
    });
    CA.table(grid, {
      id: 'hiring-plan', wide: true, title: 'When to hire, by segment', rows: d.hiring,
      columns: [
        { key: 'segment', label: 'Segment' }, { key: 'lane', label: 'Lane' }, { key: 'headcount_now', label: 'CSM FTE', format: '#,0.00' },
        { key: 'hours_needed_month', label: 'Hours needed', format: '#,0' },
        { key: 'capacity_hours_month', label: 'Hours per CSM', format: '#,0.0' }, { key: 'accounts', label: 'Accounts', format: '#,0' },
        { key: 'new_accounts_per_month', label: 'New / mo', format: '#,0.0' }, { key: 'churned_accounts_per_month', label: 'Churned / mo', format: '#,0.0' },
        { key: 'hours_per_account_month', label: 'h / account-month', format: '#,0.00' }, { key: 'hours_basis', label: 'Hours from' },
        { key: 'runs_out_month', label: 'Runs out' }, { key: 'requisition_month', label: 'Requisition' },
        { key: 'lead_time_months', label: 'Lead time', format: '#,0' }, { key: 'hires_within_horizon', label: 'Hires', format: '#,0' },
        { key: 'status', label: 'Status' }
      ]
    });
  }

  CA.filtered(render);
})();
