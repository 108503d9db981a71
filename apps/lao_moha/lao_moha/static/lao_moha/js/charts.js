// Draws the charts of reports and of the desk dashboard.
//
// A chart is a <canvas data-lao-chart="ID"> whose data sits in
// <script type="application/json" id="ID"> (Django's json_script), shaped
// {type, labels, datasets: [{label, data}], title}. Uses the Chart.js bundle
// loaded just before this file (lao_moha/vendor/chart.js), captured here so
// another copy loaded later on the page cannot replace it.
(function () {
  "use strict";
  var Chart = window.Chart;
  var PALETTE = ["#2563eb", "#dc2626", "#16a34a", "#d97706", "#7c3aed", "#0891b2",
    "#db2777", "#65a30d", "#ea580c", "#4f46e5", "#0d9488", "#9333ea"];

  function config(data) {
    var pie = data.type === "pie";
    var datasets = data.datasets.map(function (set, n) {
      var colour = PALETTE[n % PALETTE.length];
      return {
        label: set.label,
        data: set.data,
        backgroundColor: pie ? data.labels.map(function (_, i) { return PALETTE[i % PALETTE.length]; }) : colour,
        borderColor: colour,
        fill: false,
        tension: 0.2
      };
    });
    return {
      type: data.type,
      data: { labels: data.labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { display: pie || datasets.length > 1 },
          title: { display: Boolean(data.title), text: data.title }
        },
        scales: pie ? {} : { y: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    };
  }

  function draw() {
    if (!Chart) return;
    document.querySelectorAll("canvas[data-lao-chart]").forEach(function (canvas) {
      if (canvas.dataset.drawn) return;
      var source = document.getElementById(canvas.dataset.laoChart);
      if (!source) return;
      canvas.dataset.drawn = "1";
      new Chart(canvas, config(JSON.parse(source.textContent)));
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
