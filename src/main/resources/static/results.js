/*
 * The results page: a print button (window.print needs script, so the button stays hidden
 * without it), and every folded section (the categories' indicators and each indicator's
 * 判定依据) unfolded while printing.
 */
(function () {
  'use strict';

  var button = document.getElementById('print');
  if (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      window.print();
    });
  }

  // Deleting cannot be undone: ask first (the form names the unit in data-confirm).
  var deleteForm = document.getElementById('delete-form');
  if (deleteForm) {
    deleteForm.addEventListener('submit', function (event) {
      if (!window.confirm(deleteForm.getAttribute('data-confirm'))) {
        event.preventDefault();
      }
    });
  }

  var reopened = [];
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details.category-detail:not([open]), details.trace:not([open])').forEach(function (d) {
      d.open = true;
      reopened.push(d);
    });
  });
  window.addEventListener('afterprint', function () {
    reopened.forEach(function (d) {
      d.open = false;
    });
    reopened = [];
  });
})();
