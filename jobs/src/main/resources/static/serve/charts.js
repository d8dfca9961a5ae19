// Draws the dashboard's charts with ECharts from the data-chart attribute of each .chart element
// (JSON written by the server), and submits year pickers on change. No data is fetched.
(function () {
  'use strict';

  function fmt(v) { return v == null ? '—' : (Math.round(v * 100) / 100).toString(); }

  function trend(d) {
    var band = d.low.map(function (l, i) { return l == null || d.high[i] == null ? null : d.high[i] - l; });
    var series = [
      { name: '区间下限', type: 'line', data: d.low, stack: 'ci', symbol: 'none', lineStyle: { opacity: 0 } },
      { name: '95%区间', type: 'line', data: band, stack: 'ci', symbol: 'none', lineStyle: { opacity: 0 },
        areaStyle: { color: 'rgba(123,33,81,0.15)' } },
      { name: '数值', type: 'line', data: d.values, symbolSize: 6, itemStyle: { color: '#7b2151' },
        markLine: d.target == null ? undefined : { symbol: 'none', lineStyle: { type: 'dashed', color: '#2e7d32' },
          label: { formatter: '目标 ' + d.target }, data: [{ yAxis: d.target }] } }
    ];
    return {
      tooltip: { trigger: 'axis', formatter: function (ps) {
        var i = ps[0].dataIndex;
        return d.years[i] + '年：' + fmt(d.values[i]) + (d.low[i] == null ? '' : '（' + fmt(d.low[i]) + '–' + fmt(d.high[i]) + '）');
      } },
      grid: { left: 50, right: 70, top: 20, bottom: 30 },
      xAxis: { type: 'category', data: d.years },
      yAxis: { type: 'value', scale: true },
      series: series
    };
  }

  function townships(d) {
    var points = d.values.map(function (v, i) { return [v, i]; });
    var bars = d.low.map(function (l, i) { return [l, d.high[i], i]; }).filter(function (b) { return b[0] != null && b[1] != null; });
    return {
      tooltip: { trigger: 'item', formatter: function (p) {
        var i = p.value[p.value.length - 1];
        return d.names[i] + '：' + fmt(d.values[i]) + (d.low[i] == null ? '' : '（' + fmt(d.low[i]) + '–' + fmt(d.high[i]) + '）');
      } },
      grid: { left: 110, right: 30, top: 24, bottom: 30 },
      xAxis: { type: 'value', scale: true },
      yAxis: { type: 'category', data: d.names, inverse: true },
      series: [
        { type: 'custom', name: '95%区间', data: bars, encode: { x: [0, 1], y: 2 },
          renderItem: function (params, api) {
            var a = api.coord([api.value(0), api.value(2)]);
            var b = api.coord([api.value(1), api.value(2)]);
            return { type: 'line', shape: { x1: a[0], y1: a[1], x2: b[0], y2: b[1] },
                     style: { stroke: '#b07a97', lineWidth: 2 } };
          } },
        { type: 'scatter', name: '乡镇', data: points, symbolSize: 8, itemStyle: { color: '#7b2151' },
          markLine: d.county == null ? undefined : { symbol: 'none', lineStyle: { color: '#333' },
            label: { formatter: '全县 ' + fmt(d.county) }, data: [{ xAxis: d.county }] } }
      ]
    };
  }

  function lines(d) {
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 30, bottom: 30 },
      xAxis: { type: 'category', data: d.years },
      yAxis: { type: 'value', scale: true },
      series: d.lines.map(function (l) { return { name: l.name, type: 'line', data: l.values, connectNulls: false }; })
    };
  }

  function attainment(d) {
    return {
      tooltip: { trigger: 'axis', formatter: function (ps) { return ps[0].name + '：' + (ps[0].value == null ? '无可监测指标' : ps[0].value + '%'); } },
      grid: { left: 130, right: 30, top: 10, bottom: 30 },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: d.names, inverse: true },
      series: [{ type: 'bar', data: d.rates, itemStyle: { color: '#7b2151' },
                 label: { show: true, position: 'right', formatter: function (p) { return p.value == null ? '' : p.value + '%'; } } }]
    };
  }

  var kinds = { trend: trend, townships: townships, lines: lines, attainment: attainment };

  function draw() {
    var charts = [];
    document.querySelectorAll('.chart[data-chart]').forEach(function (el) {
      var data = JSON.parse(el.getAttribute('data-chart'));
      var build = kinds[data.kind];
      if (!build || typeof echarts === 'undefined') { return; }
      var chart = echarts.init(el, null, { renderer: 'svg' });
      var option = build(data);
      option.animation = false; // figures, not a show: drawn at once, also for screenshots and print
      chart.setOption(option);
      charts.push(chart);
    });
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
    document.querySelectorAll('select.autosubmit').forEach(function (s) {
      s.addEventListener('change', function () { s.form.submit(); });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
