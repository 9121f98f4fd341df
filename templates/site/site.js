// acta site: on every page. The language switch leads to the same page in the other language; this keeps the place
// in it too (…/es/meetings/x.html#2.b → …/en/meetings/x.html#2.b), on load and whenever the anchor changes. Without
// script the plain link still leads to the page, at its top.
(function () {
  'use strict';
  var link = document.querySelector('header.site .lang a');
  if (!link) return;
  var base = link.getAttribute('href').split('#')[0];
  function keep() { link.setAttribute('href', base + (location.hash.length > 1 ? location.hash : '')); }
  keep();
  window.addEventListener('hashchange', keep);
})();
