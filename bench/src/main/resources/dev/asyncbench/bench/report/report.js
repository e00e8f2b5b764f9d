/* asyncbench report: a little interactivity, inline; the page reads the same without it. */
(function () {
  'use strict';

  // A click on a chart's legend entry hides that series, a second click shows it again.
  document.querySelectorAll('svg.chart g.legend[data-series]').forEach(function (entry) {
    entry.addEventListener('click', function () {
      var chart = entry.closest('svg.chart');
      var name = entry.getAttribute('data-series');
      var hidden = !entry.classList.contains('off');
      entry.classList.toggle('off', hidden);
      chart.querySelectorAll('g.series').forEach(function (s) {
        if (s.getAttribute('data-series') === name) s.classList.toggle('hidden', hidden);
      });
    });
  });

  // The value of a ranking cell for sorting: its first number, in the unit it names.
  var UNITS = { B: 1, kB: 1e3, MB: 1e6, GB: 1e9, MiB: 1048576, ms: 1, s: 1000 };
  function value(cell) {
    var m = /(-?[\d,]*\.?\d+)\s*([A-Za-z]+)?/.exec(cell ? cell.textContent : '');
    if (!m) return NaN;
    return parseFloat(m[1].replace(/,/g, '')) * (UNITS[m[2]] || 1);
  }

  // A click on a ranking table's column heading sorts its models by that column (again: the other way);
  // the rank column restores the ranking. Rows without a number stay last, each note stays under its row.
  document.querySelectorAll('table.ranking').forEach(function (table) {
    var heads = table.querySelectorAll('thead th');
    heads.forEach(function (th, col) {
      th.classList.add('sortable');
      th.addEventListener('click', function () {
        var up = th.getAttribute('data-sorted') !== 'up';
        heads.forEach(function (h) { h.removeAttribute('data-sorted'); });
        th.setAttribute('data-sorted', up ? 'up' : 'down');
        var body = table.tBodies[0];
        var groups = [];
        Array.prototype.forEach.call(body.rows, function (row) {
          if (row.classList.contains('note-row')) groups[groups.length - 1].rows.push(row);
          else groups.push({ rows: [row], rank: groups.length, v: col === 1 ? NaN : value(row.cells[col]), name: row.getAttribute('data-model') });
        });
        groups.sort(function (a, b) {
          if (col === 0) return up ? a.rank - b.rank : b.rank - a.rank;
          if (col === 1) return up ? a.name.localeCompare(b.name) : b.name.localeCompare(a.name);
          var an = isNaN(a.v), bn = isNaN(b.v);
          if (an || bn) return an === bn ? a.rank - b.rank : an ? 1 : -1;
          return up ? a.v - b.v : b.v - a.v;
        });
        groups.forEach(function (g) { g.rows.forEach(function (r) { body.appendChild(r); }); });
      });
    });
  });
})();
