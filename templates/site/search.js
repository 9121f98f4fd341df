// acta site: the search page. search-index.js (window.ACTA_SEARCH) names the shards of the prebuilt MiniSearch index;
// they are loaded (as scripts: a page opened from file:// may not fetch()) when the first search is made, and every
// search runs over all of them, so every match is counted. The hits are shown as links; every text goes in through
// textContent, never as markup. No request leaves the site.
// The words, the filters and the page are kept in the address (?q=…&state=…&p=2): a search can be shared, and Back
// after opening a hit comes back to it. The count is every match, not the page shown.
(function () {
  'use strict';
  var data = window.ACTA_SEARCH;
  var form = document.querySelector('form.search');
  if (!data || !window.MiniSearch || !form) return;
  var PAGE = 20;
  var FILTERS = ['kind', 'state', 'body', 'actor', 'year'];
  var fold = function (term) { return term.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(); };
  var options = {
    fields: data.fields,
    storeFields: data.storeFields,
    processTerm: fold,
    // An actor named by the query comes first: its page leads to everything it owes.
    searchOptions: { prefix: true, fuzzy: 0.1, boost: { title: 2 }, combineWith: 'AND', boostDocument: function (id, term, stored) { return stored && stored.kind === 'actor' ? 3 : 1; } }
  };
  var shards = null; // one MiniSearch per shard, once loaded
  var waiting = [];

  // The shards as scripts, each setting window.ACTA_SEARCH_SHARDS[n]; then everything asked while they loaded.
  function load(then) {
    if (shards) { then(); return; }
    waiting.push(then);
    if (waiting.length > 1) return;
    var left = data.shards.length;
    var done = function () {
      var texts = window.ACTA_SEARCH_SHARDS || [];
      shards = [];
      for (var i = 0; i < texts.length; i++) if (texts[i]) shards.push(window.MiniSearch.loadJSON(texts[i], options));
      window.ACTA_SEARCH_SHARDS = [];
      var calls = waiting;
      waiting = [];
      calls.forEach(function (call) { call(); });
    };
    if (!left) { done(); return; }
    data.shards.forEach(function (src) {
      var script = document.createElement('script');
      script.src = src;
      script.onload = script.onerror = function () { if (--left === 0) done(); };
      document.body.appendChild(script);
    });
  }

  // Every shard's matches, best first (a stable sort: equal scores keep the index's order).
  function searchAll(query, filter) {
    var hits = [];
    shards.forEach(function (shard) {
      var found = shard.search(query, { filter: filter });
      for (var i = 0; i < found.length; i++) hits.push(found[i]);
    });
    hits.sort(function (a, b) { return b.score - a.score; });
    return hits;
  }
  var number = new Intl.NumberFormat(data.lang || document.documentElement.lang, { useGrouping: 'always' });
  var input = document.getElementById('q');
  var list = document.getElementById('search-results');
  var status = document.getElementById('search-status');
  var pages = document.getElementById('search-pages');
  var prev = document.getElementById('search-prev');
  var next = document.getElementById('search-next');
  var where = document.getElementById('search-page');
  document.getElementById('no-script').hidden = true;

  function read() {
    var params = new URLSearchParams(window.location.search);
    var state = { q: params.get('q') || '', p: Math.max(1, parseInt(params.get('p') || '1', 10) || 1) };
    FILTERS.forEach(function (name) { state[name] = params.get(name) || ''; });
    return state;
  }

  function fromForm(page) {
    var state = { q: input.value, p: page || 1 };
    FILTERS.forEach(function (name) { state[name] = document.getElementById('f-' + name).value; });
    return state;
  }

  function address(state) {
    var params = new URLSearchParams();
    if (state.q.trim()) params.set('q', state.q);
    FILTERS.forEach(function (name) { if (state[name]) params.set(name, state[name]); });
    if (state.p > 1) params.set('p', String(state.p));
    var text = params.toString();
    return window.location.pathname + (text ? '?' + text : '');
  }

  function matches(state) {
    return function (hit) {
      if (state.kind && hit.kind !== state.kind) return false;
      if (state.state && hit.state !== state.state) return false;
      if (state.body && hit.body !== state.body) return false;
      if (state.year && hit.year !== state.year) return false;
      if (state.actor && (' ' + (hit.who || '') + ' ').indexOf(' ' + state.actor + ' ') < 0) return false;
      return true;
    };
  }

  function hitItem(hit) {
    var item = document.createElement('li');
    var kind = document.createElement('span');
    kind.className = 'kind';
    kind.textContent = (data.kinds[hit.kind] || hit.kind) + ': ';
    var link = document.createElement('a');
    link.href = hit.id;
    link.textContent = hit.title;
    item.appendChild(kind);
    item.appendChild(link);
    var facts = [];
    if (hit.state) facts.push(data.states[hit.state] || hit.state);
    if (hit.due) facts.push(hit.due);
    if (hit.bodyLabel && hit.kind !== 'agreement') facts.push(hit.bodyLabel);
    if (facts.length || hit.ref) {
      var line = document.createElement('p');
      if (hit.state) {
        var badge = document.createElement('span');
        badge.className = 'state state-' + hit.state;
        badge.textContent = facts.shift();
        line.appendChild(badge);
        if (facts.length) line.appendChild(document.createTextNode(' · '));
      }
      line.appendChild(document.createTextNode(facts.join(' · ')));
      if (hit.ref && hit.ref !== hit.title) {
        var id = document.createElement('code');
        id.className = 'id';
        id.textContent = hit.ref;
        line.appendChild(document.createTextNode(' '));
        line.appendChild(id);
      }
      item.appendChild(line);
    }
    if (hit.snippet) {
      var text = document.createElement('p');
      text.textContent = hit.snippet;
      item.appendChild(text);
    }
    return item;
  }

  var latest = null;

  function show(state) {
    latest = state;
    list.textContent = '';
    pages.hidden = true;
    var filtered = FILTERS.some(function (name) { return state[name]; });
    if (!state.q.trim() && !filtered) { status.textContent = ''; return; }
    if (!shards) status.textContent = status.getAttribute('data-loading');
    load(function () { if (latest === state) showHits(state); });
  }

  function showHits(state) {
    var hits = searchAll(state.q.trim() ? state.q : window.MiniSearch.wildcard, matches(state));
    if (!hits.length) {
      status.textContent = status.getAttribute('data-none') + ' ' + status.getAttribute('data-help');
      return;
    }
    var last = Math.max(1, Math.ceil(hits.length / PAGE));
    var page = Math.min(state.p, last);
    var from = (page - 1) * PAGE;
    var shown = hits.slice(from, from + PAGE);
    status.textContent = number.format(hits.length) + ' ' + status.getAttribute(hits.length === 1 ? 'data-one' : 'data-count') +
      (last > 1 ? ' (' + status.getAttribute('data-showing') + ' ' + number.format(from + 1) + '–' + number.format(from + shown.length) + ')' : '');
    list.start = from + 1;
    shown.forEach(function (hit) { list.appendChild(hitItem(hit)); });
    if (last > 1) {
      pages.hidden = false;
      where.textContent = number.format(page) + ' / ' + number.format(last);
      prev.hidden = page <= 1;
      next.hidden = page >= last;
      prev.href = address(Object.assign({}, state, { p: page - 1 }));
      next.href = address(Object.assign({}, state, { p: page + 1 }));
    }
  }

  function fill(state) {
    input.value = state.q;
    FILTERS.forEach(function (name) { document.getElementById('f-' + name).value = state[name]; });
  }

  // Typing refines the search in place (the address follows without a new history entry); submitting, a filter or a
  // page adds one, so Back steps through the searches as through pages.
  function go(state, push) {
    var url = address(state);
    if (push) window.history.pushState(null, '', url); else window.history.replaceState(null, '', url);
    show(state);
  }

  form.addEventListener('submit', function (event) { event.preventDefault(); go(fromForm(1), true); });
  input.addEventListener('input', function () { go(fromForm(1), false); });
  FILTERS.forEach(function (name) { document.getElementById('f-' + name).addEventListener('change', function () { go(fromForm(1), true); }); });
  [prev, next].forEach(function (link) {
    link.addEventListener('click', function (event) {
      event.preventDefault();
      var url = new URL(link.href);
      window.history.pushState(null, '', url.pathname + url.search);
      var state = read();
      fill(state);
      show(state);
      list.scrollIntoView();
    });
  });
  window.addEventListener('popstate', function () { var state = read(); fill(state); show(state); });
  // Back from a hit: the browser may restore the page from its cache (pageshow) or load it again (the address).
  window.addEventListener('pageshow', function () { var state = read(); fill(state); show(state); });
  var initial = read();
  fill(initial);
  show(initial);
})();
