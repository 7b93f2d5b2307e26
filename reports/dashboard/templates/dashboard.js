/* Shared helpers of the dashboard pages. Data arrives as JSON and only ever reaches the page as text
   (textContent, canvas labels, rich-text tooltips), never as markup. */
var CA = (function () {
  'use strict';
  var payload = JSON.parse(document.getElementById('dashboard-data').textContent);
  var main = document.getElementById('page');
  var palette = ['#2a6fdb', '#f59e0b', '#10b981', '#ef4444', '#8b5cf6', '#0ea5e9', '#64748b', '#d946ef'];
  var charts = [];

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function decimals(section) {
    var dot = section.indexOf('.');
    if (dot < 0) return 0;
    var n = 0;
    for (var i = dot + 1; i < section.length && section[i] === '0'; i++) n++;
    return n;
  }

  /* Formats a number with a Power BI format string of the catalog (0.0%, \$#,0, #,0.0, +#,0.0;-#,0.0;0.0). */
  function format(value, fmt) {
    if (value === null || value === undefined || typeof value !== 'number' || !isFinite(value)) return '\u2013';
    fmt = fmt || '#,0.0';
    var section = fmt.split(';')[0];
    var places = decimals(section);
    var percent = section.indexOf('%') >= 0;
    var currency = section.indexOf('$') >= 0;
    var v = percent ? value * 100 : value;
    var text = Math.abs(v).toLocaleString('en-US', { minimumFractionDigits: places, maximumFractionDigits: places });
    var sign = v < 0 ? '-' : (section.charAt(0) === '+' && v > 0 ? '+' : '');
    return sign + (currency ? '$' : '') + text + (percent ? '%' : '');
  }

  /* Hours with their unit: 12.5 h. */
  function hours(value) { return format(value, '#,0.0') === '\u2013' ? '\u2013' : format(value, '#,0.0') + ' h'; }

  /* Short axis labels: 1.2M, 350k, 45%. */
  function compact(value, fmt) {
    if (typeof value !== 'number') return '';
    if (fmt && fmt.indexOf('%') >= 0) return Math.round(value * 100) + '%';
    var prefix = fmt && fmt.indexOf('$') >= 0 ? '$' : '';
    var a = Math.abs(value);
    if (a >= 1e6) return prefix + (value / 1e6).toFixed(1) + 'M';
    if (a >= 1e4) return prefix + Math.round(value / 1e3) + 'k';
    return prefix + (Math.round(value * 100) / 100);
  }

  function measureFormat(name) {
    var m = payload.measures[name];
    return m ? m.format : '#,0.0';
  }

  function measureDescription(name) {
    var m = payload.measures[name];
    return m ? m.description : '';
  }

  function kpis(rows, parent) {
    var box = el('section', 'kpis');
    box.setAttribute('aria-label', 'Headline figures');
    rows.forEach(function (k) {
      var card = el('div', 'kpi');
      card.title = measureDescription(k.measure);
      card.setAttribute('data-measure', k.measure);
      if (typeof k.value === 'number') card.setAttribute('data-value', String(k.value));
      card.appendChild(el('div', 'label', k.measure));
      card.appendChild(el('div', 'value', format(k.value, measureFormat(k.measure))));
      card.appendChild(el('div', 'note', k.note));
      box.appendChild(card);
    });
    (parent || main).appendChild(box);
  }

  function heading(title, parent) {
    (parent || main).appendChild(el('h2', null, title));
  }

  function section(title, parent) {
    if (title) heading(title, parent);
    var grid = el('section', 'grid');
    (parent || main).appendChild(grid);
    return grid;
  }

  /* Filter state kept in the URL's hash (#team=..&csm=..), so a view can be shared. */
  function readState() {
    var state = {};
    location.hash.replace(/^#/, '').split('&').forEach(function (part) {
      if (!part) return;
      var eq = part.indexOf('=');
      if (eq > 0) state[decodeURIComponent(part.slice(0, eq))] = decodeURIComponent(part.slice(eq + 1));
    });
    return state;
  }

  function writeState(state) {
    var parts = Object.keys(state).sort().filter(function (k) { return state[k]; })
      .map(function (k) { return encodeURIComponent(k) + '=' + encodeURIComponent(state[k]); });
    history.replaceState(null, '', parts.length ? '#' + parts.join('&') : location.pathname + location.search);
  }

  /* The filter bar every page shows: one select per filter ([key, label, [[value, text], ...], current]), and a clear
     button when asked for. onChange(key, value) is called when a select changes. */
  function filters(selects, onChange, onClear) {
    var bar = el('form', 'filters');
    bar.setAttribute('aria-label', 'Filters');
    selects.forEach(function (f) {
      var wrap = el('label', null, f[1]);
      var s = el('select');
      s.setAttribute('data-filter', f[0]);
      f[2].forEach(function (o) {
        var opt = el('option', null, o[1]);
        opt.value = o[0];
        if (o[0] === f[3]) opt.selected = true;
        s.appendChild(opt);
      });
      s.addEventListener('change', function () { onChange(f[0], s.value); });
      wrap.appendChild(s);
      bar.appendChild(wrap);
    });
    if (onClear) {
      var reset = el('button', null, 'Clear filters');
      reset.type = 'button';
      reset.addEventListener('click', onClear);
      bar.appendChild(reset);
    }
    main.appendChild(bar);
  }

  /* A page whose filters live in the URL's hash: render(view) draws it from view.state; view.set(key, value) and
     view.reset() change the filters, keep them in the URL and draw the page again, as going back in history does. */
  function filtered(render) {
    var view = { state: readState() };
    function draw() { clear(); render(view); }
    view.set = function (key, value) { view.state[key] = value; writeState(view.state); draw(); };
    view.reset = function () { view.state = {}; writeState(view.state); draw(); };
    window.addEventListener('hashchange', function () { view.state = readState(); draw(); });
    draw();
    return view;
  }

  function clear() {
    charts.forEach(function (c) { c.dispose(); });
    charts.length = 0;
    while (main.firstChild) main.removeChild(main.firstChild);
  }

  function card(parent, spec) {
    var box = el('article', 'card' + (spec.wide ? ' wide' : ''));
    box.appendChild(el('h3', null, spec.title));
    if (spec.sub) box.appendChild(el('p', 'sub', spec.sub));
    parent.appendChild(box);
    return box;
  }

  /* A chart card. spec: parent, id, title, sub, points (data points drawn), option (ECharts), small, wide. */
  function chart(spec) {
    var box = card(spec.parent, spec);
    var node = el('div', 'chart' + (spec.small ? ' small' : ''));
    node.setAttribute('data-chart', spec.id);
    node.setAttribute('data-points', String(spec.points || 0));
    box.appendChild(node);
    if (!spec.points) {
      node.className = 'empty';
      node.textContent = spec.emptyText || 'No data yet for this chart.';
      node.setAttribute('data-rendered', 'empty');
      return null;
    }
    var option = spec.option;
    option.animation = false;
    option.color = option.color || palette;
    option.textStyle = { fontFamily: 'Segoe UI, system-ui, sans-serif' };
    option.tooltip = Object.assign({ trigger: 'axis', renderMode: 'richText', confine: true }, option.tooltip || {});
    // ECharts 6: the grid's outer bounds are the box given here, and axis labels are kept inside it.
    option.grid = Object.assign({ left: 16, right: 28, top: 40, bottom: 12, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' }, option.grid || {});
    (option.series || []).forEach(function (s) { if (s.type === 'bar' && s.barMaxWidth === undefined) s.barMaxWidth = 44; });
    if (spec.height) node.style.height = spec.height + 'px';
    var instance = echarts.init(node, null, { renderer: 'canvas' });
    instance.on('finished', function () { node.setAttribute('data-rendered', 'true'); });
    instance.setOption(option);
    charts.push(instance);
    return instance;
  }

  /* A cell's text: a catalog format string, a function, or the value as text. */
  function cellText(c, row) {
    var v = row[c.key];
    if (typeof c.format === 'function') return c.format(v, row);
    if (c.format) return format(v, c.format);
    return v === null || v === undefined ? '' : String(v);
  }

  function csvField(text) {
    text = String(text);
    return /[",\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  /* A table card, sortable by any column (click the header) and downloadable as CSV.
     columns: [{key, label, format?}] ; format is a catalog format string or a function. onRow(row) makes rows clickable. */
  function table(parent, spec) {
    var box = card(parent, spec);
    box.setAttribute('data-table', spec.id);
    box.setAttribute('data-rows', String(spec.rows.length));
    if (!spec.rows.length) {
      box.appendChild(el('div', 'empty', spec.emptyText || 'No rows yet.'));
      return box;
    }
    var rows = spec.rows.slice();
    var sortKey = null;
    var sortDir = 1;
    var download = el('button', 'csv', 'Download CSV');
    download.type = 'button';
    download.setAttribute('data-csv', spec.id);
    download.addEventListener('click', function () {
      var lines = [spec.columns.map(function (c) { return csvField(c.label); }).join(',')];
      rows.forEach(function (r) {
        lines.push(spec.columns.map(function (c) {
          var v = r[c.key];
          return csvField(typeof v === 'number' ? String(v) : cellText(c, r));
        }).join(','));
      });
      var blob = new Blob([lines.join('\r\n') + '\r\n'], { type: 'text/csv' });
      var a = el('a');
      a.href = URL.createObjectURL(blob);
      a.download = spec.id + '.csv';
      document.body.appendChild(a);
      a.click();
      a.remove();
    });
    box.insertBefore(download, box.firstChild);
    // A long table scrolls inside its card (header kept in view), so the sections below it stay within reach.
    var wrap = el('div', spec.rows.length > 25 ? 'table-wrap tall' : 'table-wrap');
    var t = el('table');
    var head = el('tr');
    var body = el('tbody');
    function draw() {
      while (body.firstChild) body.removeChild(body.firstChild);
      rows.forEach(function (row) {
        var tr = el('tr', spec.flag && spec.flag(row) ? 'flag' : null);
        if (spec.onRow) {
          tr.className += ' link';
          tr.tabIndex = 0;
          tr.addEventListener('click', function () { spec.onRow(row); });
          tr.addEventListener('keydown', function (e) { if (e.key === 'Enter') spec.onRow(row); });
        }
        spec.columns.forEach(function (c) {
          var td = el('td', c.format ? 'num' : null, cellText(c, row));
          if (typeof row[c.key] === 'number') td.setAttribute('data-value', String(row[c.key]));
          tr.appendChild(td);
        });
        body.appendChild(tr);
      });
    }
    spec.columns.forEach(function (c) {
      var th = el('th', c.format ? 'num' : null, c.label);
      th.setAttribute('data-key', c.key);
      th.setAttribute('aria-sort', 'none');
      th.title = 'Sort by ' + c.label;
      th.addEventListener('click', function () {
        sortDir = sortKey === c.key ? -sortDir : (c.format ? -1 : 1);
        sortKey = c.key;
        rows.sort(function (a, b) {
          var x = a[c.key];
          var y = b[c.key];
          if (x === null || x === undefined) return 1;
          if (y === null || y === undefined) return -1;
          if (typeof x === 'number' && typeof y === 'number') return sortDir * (x - y);
          return sortDir * String(x).localeCompare(String(y));
        });
        head.querySelectorAll('th').forEach(function (h) { h.setAttribute('aria-sort', 'none'); });
        th.setAttribute('aria-sort', sortDir > 0 ? 'ascending' : 'descending');
        draw();
      });
      head.appendChild(th);
    });
    t.appendChild(el('thead')).appendChild(head);
    draw();
    t.appendChild(body);
    wrap.appendChild(t);
    box.appendChild(wrap);
    return box;
  }

  /* Horizontal ranges (low..high whiskers) with a point estimate: rows [{label, low, high, value, planned?}]. */
  function rangeOption(rows, fmt, valueName, referenceLine) {
    var labels = rows.map(function (r) { return r.label; });
    var series = [
      {
        name: 'Range', type: 'custom',
        renderItem: function (params, api) {
          var y = api.value(0);
          var lo = api.coord([api.value(1), y]);
          var hi = api.coord([api.value(2), y]);
          var h = api.size([0, 1])[1] * 0.25;
          var style = { stroke: '#334e68', lineWidth: 1.5 };
          return { type: 'group', children: [
            { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style: style },
            { type: 'line', shape: { x1: lo[0], y1: lo[1] - h, x2: lo[0], y2: lo[1] + h }, style: style },
            { type: 'line', shape: { x1: hi[0], y1: hi[1] - h, x2: hi[0], y2: hi[1] + h }, style: style }
          ] };
        },
        itemStyle: { color: '#334e68' },
        encode: { x: [1, 2], y: 0 },
        data: rows.map(function (r, i) { return [i, r.low, r.high]; }),
        z: 1
      },
      { name: valueName, type: 'scatter', symbolSize: 11, itemStyle: { color: '#2a6fdb' }, data: rows.map(function (r, i) { return [r.value, i]; }), z: 3 }
    ];
    if (rows.some(function (r) { return typeof r.planned === 'number'; })) {
      series.push({ name: 'Planned', type: 'scatter', symbol: 'diamond', symbolSize: 10, itemStyle: { color: '#f59e0b' },
        data: rows.map(function (r, i) { return [r.planned, i]; }), z: 2 });
    }
    if (typeof referenceLine === 'number') {
      series[1].markLine = { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#9aa5b1' }, data: [{ xAxis: referenceLine }] };
    }
    return {
      legend: { top: 0 },
      tooltip: { trigger: 'item', formatter: function (p) {
        var r = rows[Array.isArray(p.value) && p.seriesType === 'custom' ? p.value[0] : p.value[1]];
        return r.label + '\n' + valueName + ': ' + format(r.value, fmt) + '\nrange: ' + format(r.low, fmt) + ' \u2013 ' + format(r.high, fmt)
          + (typeof r.planned === 'number' ? '\nplanned: ' + format(r.planned, fmt) : '');
      } },
      xAxis: { type: 'value', scale: true, axisLabel: { formatter: function (v) { return compact(v, fmt); } } },
      yAxis: { type: 'category', data: labels, inverse: true },
      series: series
    };
  }

  function valueAxis(fmt) {
    return { type: 'value', axisLabel: { formatter: function (v) { return compact(v, fmt); } } };
  }

  function pick(rows, key) { return rows.map(function (r) { return r[key]; }); }

  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });

  return {
    data: payload, main: main, el: el, filters: filters, filtered: filtered, format: format, hours: hours, compact: compact, measureFormat: measureFormat,
    kpis: kpis, heading: heading, section: section, card: card, chart: chart, table: table, rangeOption: rangeOption, valueAxis: valueAxis, pick: pick
  };
})();
