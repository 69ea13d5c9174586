/* interkultur subscribe page (/subscribe): the links follow the form as it changes.
   Without this script the form reloads the page, which renders the same links on the server;
   here the page itself is fetched for the new choice and its links section swapped in, so the
   URLs are always the server's (no URL building twice). */
(function () {
  "use strict";
  var form = document.querySelector("[data-ik-subscribe]");
  var links = document.querySelector("[data-ik-links]");
  if (!form || !links || !window.fetch || !window.DOMParser) return;
  var pending = 0;

  function update() {
    var query = new URLSearchParams(new FormData(form));
    Array.from(query.keys()).forEach(function (key) { if (!query.get(key)) query.delete(key); });
    var url = form.getAttribute("action") + "?" + query.toString();
    var ticket = ++pending;
    fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) { if (!response.ok) throw new Error(response.status); return response.text(); })
      .then(function (html) {
        if (ticket !== pending) return;
        var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-ik-links]");
        if (!fresh) return;
        links.innerHTML = fresh.innerHTML;
        if (history.replaceState) history.replaceState(null, "", url);
      })
      .catch(function () { /* the submit button still works */ });
  }

  form.addEventListener("change", update);
})();
