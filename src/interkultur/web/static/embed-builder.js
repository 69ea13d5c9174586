/* interkultur embed builder (/embed): live preview and snippets while an editor chooses.
   Without this script the form reloads the page, which renders the same preview and snippets
   on the server; this only saves the round trip. Values are checked as the server checks them:
   an invalid colour leaves the preview as it is until the editor fixes it. */
(function () {
  "use strict";
  var form = document.querySelector("[data-ik-builder]");
  if (!form) return;
  var preview = document.querySelector("[data-ik-preview]");
  var scriptCode = document.querySelector('[data-ik-snippet="script"]');
  var iframeCode = document.querySelector('[data-ik-snippet="iframe"]');
  var embedSrc = form.getAttribute("data-embed-src");
  var widgetSrc = form.getAttribute("data-widget-src");
  var HEX = /^[0-9a-fA-F]{6}$/;

  function choice() {
    var args = [];
    var lang = form.elements.lang.value;
    args.push(["lang", lang]);
    ["tradition", "category"].forEach(function (name) {
      var ticked = Array.prototype.filter.call(form.querySelectorAll('input[name="' + name + '"]'),
        function (box) { return box.checked; }).map(function (box) { return box.value; });
      if (ticked.length) args.push([name, ticked.join(",")]);
    });
    ["islamic", "jewish", "state"].forEach(function (name) {
      var select = form.elements[name];
      // the service's own default is left out, so the snippet follows the service if it changes
      if (select && select.value && select.value !== select.getAttribute("data-default")) args.push([name, select.value]);
    });
    var accent = form.elements.accent.value.trim();
    if (accent && !HEX.test(accent)) return null;
    if (accent) args.push(["accent", accent.toLowerCase()]);
    var mode = form.querySelector('input[name="theme"]:checked');
    if (mode && mode.value !== "light") args.push(["theme", mode.value]);
    var bg = form.elements.bg.value.trim();
    if (bg && !(HEX.test(bg) || bg.toLowerCase() === "transparent")) return null;
    if (bg) args.push(["bg", bg.toLowerCase()]);
    return args;
  }

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function update() {
    var args = choice();
    form.classList.toggle("is-invalid", args === null);
    if (args === null) return;
    var query = new URLSearchParams(args).toString();
    var widgetUrl = widgetSrc + (query ? "?" + query : "");
    if (preview && preview.src !== widgetUrl) preview.src = widgetUrl;
    scriptCode.textContent = '<script src="' + embedSrc + '"' + args.map(function (pair) {
      return " data-" + pair[0] + '="' + escapeHtml(pair[1]) + '"';
    }).join("") + "></" + "script>";
    iframeCode.textContent = iframeCode.textContent.replace(/src="[^"]*"/, 'src="' + escapeHtml(widgetUrl) + '"');
    if (history.replaceState) history.replaceState(null, "", "?" + query);
  }

  form.addEventListener("change", update);
  form.addEventListener("input", function (event) {
    if (event.target && (event.target.name === "accent" || event.target.name === "bg")) update();
  });
})();
