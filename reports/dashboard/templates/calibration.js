/* Calibration, for analysts: the planned model against observed work, the fitted time equation and what it implies.
   A segment filter (kept in the URL) switches every figure to the same measures computed for that segment alone. */
(function () {
  'use strict';
  var all = CA.data.data;

  function render(view) {
  var segment = view.state.segment || '';
  var d = segment && all.bySegment && all.bySegment[segment] ? Object.assign({}, all, all.bySegment[segment]) : all;
  filterBar(view, segment);
  CA.kpis(d.kpis);

  var grid = CA.section('Planned vs observed');
  CA.chart({
    parent: grid, id: 'hours-by-segment', title: 'Hours per account-month by segment',
    sub: 'Planned (touchpoint catalog) vs observed; label: observed as a share of planned',
    points: d.hoursBySegment.length * 2,
    option: {
      legend: { top: 0 },
      xAxis: { type: 'category', data: CA.pick(d.hoursBySegment, 'segment') },
      yAxis: CA.valueAxis('#,0.0'),
      tooltip: { valueFormatter: function (v) { return CA.format(v, '#,0.00'); } },
      series: [
        { name: 'Planned', type: 'bar', data: CA.pick(d.hoursBySegment, 'Planned Touchpoint Hours'), itemStyle: { color: '#9fb3c8' } },
        { name: 'Observed', type: 'bar', data: CA.pick(d.hoursBySegment, 'Observed Touchpoint Hours'),
          label: { show: true, position: 'top', formatter: function (p) { return CA.format(d.hoursBySegment[p.dataIndex]['Observed vs Planned Hours'], '0%'); } } }
      ]
    }
  });
  CA.chart({
    parent: grid, id: 'hours-by-touchpoint', title: 'Hours per account-month by touchpoint type',
    sub: 'All segments together: which touchpoints the plan over- or underestimates',
    points: d.hoursByTouchpoint.length * 2,
    option: {
      legend: { top: 0 },
      xAxis: CA.valueAxis('#,0.0'),
      yAxis: { type: 'category', data: CA.pick(d.hoursByTouchpoint, 'type').map(function (t) { return String(t).replace(/_/g, ' '); }), inverse: true },
      tooltip: { valueFormatter: function (v) { return CA.format(v, '#,0.00'); } },
      series: [
        { name: 'Planned', type: 'bar', data: CA.pick(d.hoursByTouchpoint, 'Planned Touchpoint Hours'), itemStyle: { color: '#9fb3c8' } },
        { name: 'Observed', type: 'bar', data: CA.pick(d.hoursByTouchpoint, 'Observed Touchpoint Hours') }
      ]
    }
  });
  CA.table(grid, {
    id: 'touchpoints', wide: true, title: 'Touchpoints: planned vs observed', rows: d.touchpoints,
    columns: [
      { key: 'segment', label: 'Segment' }, { key: 'type', label: 'Touchpoint' },
      { key: 'planned_per_month', label: 'Planned / month', format: '#,0.00' }, { key: 'observed_per_month', label: 'Observed / month', format: '#,0.00' },
      { key: 'planned_minutes', label: 'Planned min', format: '#,0' }, { key: 'observed_minutes', label: 'Observed min', format: '#,0' },
      { key: 'planned_hours', label: 'Planned h', format: '#,0.00' }, { key: 'observed_hours', label: 'Observed h', format: '#,0.00' }
    ]
  });

  grid = CA.section('Fitted time equation');
  function ranges(rows, label) {
    return rows.map(function (r) { return { label: label(r), value: r.estimate, low: r.low, high: r.high, planned: r.planned }; });
  }
  var base = ranges(d.calibrated.filter(function (r) { return r.segment !== null; }), function (r) { return r.segment + ' \u00b7 ' + r.parameter.replace(/_/g, ' '); });
  var multipliers = ranges(d.calibrated.filter(function (r) { return r.segment === null; }), function (r) { return r.parameter.replace(/_/g, ' '); });
  CA.chart({
    parent: grid, id: 'base-hours', title: 'Base hours per account-month by segment',
    sub: 'Fitted estimate with its bootstrap range (whiskers) and the planned value (diamond)',
    points: base.length, small: base.length < 5,
    option: CA.rangeOption(base, '#,0.00', 'Estimate')
  });
  CA.chart({
    parent: grid, id: 'multipliers', title: 'Multipliers',
    sub: 'Fitted multiplier with its bootstrap range and the planned value; dashed line: no effect (1.0)',
    points: multipliers.length, small: multipliers.length < 5,
    option: CA.rangeOption(multipliers, '#,0.00', 'Estimate', 1)
  });
  CA.table(grid, {
    id: 'fit-quality', wide: true, title: 'Fit quality by segment', rows: d.fitQuality,
    columns: [
      { key: 'segment', label: 'Segment' }, { key: 'account_months', label: 'Account-months', format: '#,0' },
      { key: 'observed_mean', label: 'Observed mean h', format: '#,0.00' }, { key: 'predicted_mean', label: 'Predicted mean h', format: '#,0.00' },
      { key: 'mae', label: 'MAE', format: '#,0.00' }, { key: 'rmse', label: 'RMSE', format: '#,0.00' }, { key: 'pseudo_r2', label: 'Pseudo R\u00b2', format: '0.000' }
    ]
  });

  grid = CA.section('Ratios, headcount and scenarios');
  var plannedBySegment = {};
  d.planned.forEach(function (p) { plannedBySegment[p.segment] = p; });
  var rec = d.recommendation.map(function (r) {
    var p = plannedBySegment[r.segment];
    return { label: r.segment, value: r['Recommended Accounts per CSM'], low: r['Recommended Accounts per CSM Low'], high: r['Recommended Accounts per CSM High'],
      planned: p ? (p.accounts_per_csm_low + p.accounts_per_csm_high) / 2 : null };
  });
  CA.chart({
    parent: grid, id: 'recommended-ratio', title: 'Recommended accounts per CSM',
    sub: 'Range with overload buffer, mid point; diamond: mid of the planned range',
    points: rec.length,
    option: CA.rangeOption(rec, '#,0.0', 'Recommended')
  });
  CA.chart({
    parent: grid, id: 'headcount', title: 'Headcount now and for forward ARR',
    sub: 'CSM FTE by segment: planned model (its touchpoint hours) and calibrated model (the hours the fit finds)',
    points: d.headcount.length * 4,
    option: {
      legend: { top: 0 },
      xAxis: { type: 'category', data: CA.pick(d.headcount, 'segment') },
      yAxis: CA.valueAxis('#,0.0'),
      tooltip: { valueFormatter: function (v) { return CA.format(v, '#,0.0'); } },
      series: [
        { name: 'Now, planned', type: 'bar', data: CA.pick(d.headcount, 'Headcount Now') },
        { name: 'Now, calibrated', type: 'bar', data: CA.pick(d.headcount, 'Headcount Now (Calibrated)'), itemStyle: { color: '#1e40af' } },
        { name: 'Forward, planned', type: 'bar', data: CA.pick(d.headcount, 'Forward Headcount'), itemStyle: { color: '#10b981' } },
        { name: 'Forward, calibrated', type: 'bar', data: CA.pick(d.headcount, 'Forward Headcount (Calibrated)'), itemStyle: { color: '#047857' } }
      ]
    }
  });
  CA.chart({
    parent: grid, id: 'scenarios', title: 'Scenarios',
    sub: 'CSMs needed under each scenario (all segments); label: change vs today',
    points: d.scenarios.length,
    option: {
      grid: { right: 56 },
      xAxis: CA.valueAxis('#,0.0'),
      yAxis: { type: 'category', data: CA.pick(d.scenarios, 'scenario').map(function (s) { return String(s).replace(/_/g, ' '); }), inverse: true },
      tooltip: { valueFormatter: function (v) { return CA.format(v, '#,0.0'); } },
      series: [{ name: 'Headcount', type: 'bar', data: CA.pick(d.scenarios, 'Scenario Headcount'), itemStyle: { color: '#8b5cf6' },
        label: { show: true, position: 'right', formatter: function (p) { return CA.format(d.scenarios[p.dataIndex]['Scenario Headcount Delta'], CA.measureFormat('Scenario Headcount Delta')); } } }]
    }
  });
  CA.table(grid, {
    id: 'recommendation-table', wide: true, title: 'Recommended ratios', rows: d.recommendationRows,
    columns: [
      { key: 'segment', label: 'Segment' },
      { key: 'accounts_per_csm_low', label: 'Accounts low', format: '#,0.0' }, { key: 'accounts_per_csm_mid', label: 'mid', format: '#,0.0' },
      { key: 'accounts_per_csm_high', label: 'high', format: '#,0.0' },
      { key: 'arr_per_csm_low', label: 'ARR low', format: '$#,0' }, { key: 'arr_per_csm_mid', label: 'mid', format: '$#,0' },
      { key: 'arr_per_csm_high', label: 'high', format: '$#,0' }, { key: 'overload_share', label: 'Overload months', format: '0%' }
    ]
  });
  CA.table(grid, {
    id: 'headcount-table', wide: true, title: 'Headcount plan', rows: d.headcountRows,
    columns: [
      { key: 'segment', label: 'Segment' }, { key: 'accounts', label: 'Accounts', format: '#,0' }, { key: 'arr', label: 'ARR', format: '$#,0' },
      { key: 'hours_per_account_month', label: 'h/acct-mo planned', format: '#,0.00' },
      { key: 'hours_per_account_month_calibrated', label: 'calibrated', format: '#,0.00' },
      { key: 'headcount_now', label: 'FTE now planned', format: '#,0.0' }, { key: 'headcount_now_calibrated', label: 'calibrated', format: '#,0.0' },
      { key: 'forward_accounts', label: 'Fwd accounts', format: '#,0' }, { key: 'forward_arr', label: 'Fwd ARR', format: '$#,0' },
      { key: 'forward_headcount', label: 'Fwd FTE planned', format: '#,0.0' }, { key: 'forward_headcount_calibrated', label: 'calibrated', format: '#,0.0' }
    ]
  });
  CA.table(grid, {
    id: 'scenario-table', wide: true, title: 'Scenarios by segment', rows: d.scenarioRows,
    columns: [
      { key: 'scenario', label: 'Scenario' }, { key: 'segment', label: 'Segment' },
      { key: 'headcount', label: 'CSMs', format: '#,0.0' }, { key: 'headcount_delta', label: 'Change', format: '+#,0.0;-#,0.0;0.0' },
      { key: 'accounts_per_csm', label: 'Accounts / CSM', format: '#,0.0' }, { key: 'arr_per_csm', label: 'ARR / CSM', format: '$#,0' }
    ]
  });

  // How right the model was: each recent quarter predicted from the months before it only.
  if (d.backtestCompany.length > 0) {
    CA.heading('Model accuracy: the backtest');
    CA.kpis(d.backtestKpis);
    var acc = CA.section(null);
    CA.chart({
      parent: acc, id: 'backtest', title: 'Company hours per quarter: observed vs predicted',
      sub: 'Each quarter predicted from the months before it; band: 90% range; planned model and last quarter for comparison',
      points: d.backtestCompany.length * 2,
      option: {
        legend: { top: 0 },
        xAxis: { type: 'category', data: CA.pick(d.backtestCompany, 'quarter') },
        yAxis: CA.valueAxis('#,0'),
        tooltip: { trigger: 'axis', valueFormatter: function (v) { return CA.format(v, '#,0') + ' h'; } },
        series: [
          { name: 'Observed', type: 'bar', data: CA.pick(d.backtestCompany, 'observed_hours') },
          { name: 'Calibrated', type: 'line', data: CA.pick(d.backtestCompany, 'predicted_hours'), itemStyle: { color: '#1e40af' } },
          { name: '90% low', type: 'line', data: CA.pick(d.backtestCompany, 'low'), lineStyle: { type: 'dashed' }, itemStyle: { color: '#93c5fd' } },
          { name: '90% high', type: 'line', data: CA.pick(d.backtestCompany, 'high'), lineStyle: { type: 'dashed' }, itemStyle: { color: '#93c5fd' } },
          { name: 'Planned', type: 'line', data: CA.pick(d.backtestCompany, 'planned_hours'), itemStyle: { color: '#9fb3c8' } },
          { name: 'Last quarter', type: 'line', data: CA.pick(d.backtestCompany, 'naive_hours'), itemStyle: { color: '#f59e0b' } }
        ]
      }
    });
    var parameters = [];
    d.drift.forEach(function (r) { if (parameters.indexOf(r.parameter) < 0) parameters.push(r.parameter); });
    var quarters = [];
    d.drift.forEach(function (r) { if (quarters.indexOf(r.quarter) < 0) quarters.push(r.quarter); });
    quarters.sort();
    CA.chart({
      parent: acc, id: 'drift', title: 'Parameter drift',
      sub: 'Each parameter fitted before each quarter, as a multiple of its first fit; a dot marks a move beyond the previous range',
      points: d.drift.length,
      option: {
        legend: { top: 0, type: 'scroll' },
        xAxis: { type: 'category', data: quarters },
        yAxis: Object.assign(CA.valueAxis('0.00'), { scale: true }),
        tooltip: { trigger: 'axis', valueFormatter: function (v) { return CA.format(v, '0.00') + 'x'; } },
        series: parameters.map(function (name) {
          var rows = d.drift.filter(function (r) { return r.parameter === name; });
          var first = rows.length > 0 ? rows[0].estimate : null;
          return {
            name: name.replace('base_hours.', 'base ').replace(/_/g, ' '), type: 'line',
            data: quarters.map(function (q) {
              var r = rows.filter(function (x) { return x.quarter === q; })[0];
              if (!r || !first) return null;
              return { value: r.estimate / first, symbolSize: r.changed_beyond_range ? 10 : 4 };
            })
          };
        })
      }
    });
    CA.table(acc, {
      id: 'backtest-table', wide: true, title: 'Each CSM-quarter', rows: d.backtestRows,
      columns: [
        { key: 'quarter', label: 'Quarter' }, { key: 'key', label: 'CSM' }, { key: 'account_months', label: 'Account-months', format: '#,0' },
        { key: 'observed_hours', label: 'Observed h', format: '#,0' }, { key: 'predicted_hours', label: 'Predicted h', format: '#,0' },
        { key: 'low', label: '90% low', format: '#,0' }, { key: 'high', label: '90% high', format: '#,0' },
        { key: 'planned_hours', label: 'Planned h', format: '#,0' }, { key: 'naive_hours', label: 'Last quarter h', format: '#,0' }
      ]
    });
  }
  }

  function filterBar(view, segment) {
    CA.filters([
      ['segment', 'Segment', [['', 'All segments']].concat((all.segments || []).map(function (s) { return [s, s]; })), segment]
    ], view.set);
  }

  CA.filtered(render);
})();
