// acta site: the search page. Loads the prebuilt MiniSearch index (window.ACTA_SEARCH, from search-index.js) and
// shows the hits as links; every text goes in through textContent, never as markup. No request leaves the page.
(function () {
  'use strict';
  var data = window.ACTA_SEARCH;
  var form = document.querySelector('form.search');
  if (!data || !window.MiniSearch || !form) return;
  var fold = function (term) { return term.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(); };
  var search = window.MiniSearch.loadJSON(data.index, {
    fields: data.fields,
    storeFields: data.storeFields,
    processTerm: fold,
    // An actor named by the query comes first: its page leads to everything it owes.
    searchOptions: { prefix: true, fuzzy: 0.1, boost: { title: 2 }, combineWith: 'AND', boostDocument: function (id, term, stored) { return stored && stored.kind === 'actor' ? 3 : 1; } }
  });
  var input = document.getElementById('q');
  var list = document.getElementById('search-results');
  var status = document.getElementById('search-status');
  document.getElementById('no-script').hidden = true;

  function show(query) {
    list.textContent = '';
    if (!query.trim()) { status.textContent = ''; return; }
    var hits = search.search(query).slice(0, 100);
    status.textContent = hits.length ? hits.length + ' ' + status.getAttribute('data-count') : status.getAttribute('data-none');
    hits.forEach(function (hit) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = hit.id;
      link.textContent = hit.title;
      var kind = document.createElement('span');
      kind.className = 'kind';
      kind.textContent = (data.kinds[hit.kind] || hit.kind) + ': ';
      var text = document.createElement('p');
      text.textContent = hit.snippet;
      item.appendChild(kind);
      item.appendChild(link);
      item.appendChild(text);
      list.appendChild(item);
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    show(input.value);
  });
  input.addEventListener('input', function () { show(input.value); });
  var initial = new URLSearchParams(window.location.search).get('q');
  if (initial) { input.value = initial; show(initial); }
})();
