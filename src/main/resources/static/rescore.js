// The re-scoring page: asks for the run's progress every few seconds, moves the bar, and shows the
// page again (with the impact) once every unit is done.
(function () {
  var section = document.getElementById('rescore');
  if (!section || section.dataset.finished === 'true') {
    return;
  }
  var bar = document.getElementById('rescore-bar');
  var percent = document.getElementById('rescore-percent');
  var summary = document.getElementById('rescore-summary');
  function poll() {
    fetch('/api/rescores/' + encodeURIComponent(section.dataset.run), { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (run) {
        if (!run) {
          return;
        }
        bar.max = Math.max(run.total, 1);
        bar.value = run.done;
        percent.textContent = (run.total === 0 ? 100 : Math.floor(100 * run.done / run.total)) + '%';
        summary.textContent = run.summary;
        if (run.finished) {
          window.location.reload();
        }
      })
      .catch(function () { /* the next poll tries again */ })
      .finally(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 3000);
})();
