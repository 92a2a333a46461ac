// Polls the sync progress while a full sync runs, and reloads the page when it is done.
(function () {
  var box = document.getElementById('sync-progress');
  if (!box || box.getAttribute('data-running') !== 'true') {
    return;
  }
  function poll() {
    fetch('/directories/progress', { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.json(); })
      .then(function (progress) {
        progress.directories.forEach(function (d) {
          var bar = box.querySelector('.progress-bar[data-directory="' + d.id + '"]');
          var count = box.querySelector('.sync-count[data-directory="' + d.id + '"]');
          if (bar) {
            bar.style.width = d.percent + '%';
          }
          if (count) {
            count.textContent = d.synced + ' users synced' + (d.error ? ' (' + d.error + ')' : '');
          }
        });
        if (progress.running) {
          setTimeout(poll, 1000);
        } else {
          window.location.reload();
        }
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  poll();
})();
