/* interkultur embed script, for the live service and for a static export.
   <script src="https://HOST/embed.js" data-lang="de"></script>  (GET /embed builds it)
   inserts an iframe with the month widget right after itself (or into the
   element named by data-target) and resizes it to its content, which the
   widget reports with postMessage. Attributes: data-lang, data-tradition,
   data-islamic, data-jewish, data-dual ("hijri,hebrew"), data-state ("NW": that
   Land's public and school holidays), data-category ("major,fast"), data-accent
   ("004b87": the colour of marked days and controls), data-theme ("light", "dark",
   "auto") and data-bg ("ffffff" or "transparent"), data-month
   ("2018-10"), data-title, data-target (a CSS selector). The same names work
   as query parameters of this script's URL; attributes win.

   A static export (interkultur export DIR) writes this file as DIR/embed.js
   with STATIC set to true: <script src="https://HOST/PATH/embed.js" data-lang="de">
   then opens the exported widget pages next to it. Only data-lang (one of the
   exported languages), data-month ("2025-03"; default: the visitor's current
   month), data-title and data-target apply there: a static site has one file
   per page, so traditions, profiles and Länder cannot be chosen; embed the
   live service's /embed.js for those. */
(function () {
  "use strict";
  var STATIC = false;
  var script = document.currentScript;
  if (!script || !script.src) return;
  var month = /^(\d{4})-(\d{1,2})$/.exec(script.getAttribute("data-month") || "");
  var origin, src, lang;
  if (STATIC) {
    var base = new URL(".", script.src);
    origin = base.origin;
    lang = (script.getAttribute("data-lang") || "de").trim();
    if (!/^[a-z]{2,3}$/.test(lang)) lang = "de";
    var page = month ? month[1] + "/" + ("0" + parseInt(month[2], 10)).slice(-2) + ".html" : "index.html";
    src = new URL(lang + "/widget/" + page, base).href;
  } else {
    var source = new URL(script.src, window.location.href);
    origin = source.origin;
    var params = new URLSearchParams(source.search);
    params.delete("v");
    ["lang", "tradition", "category", "islamic", "jewish", "dual", "state", "accent", "theme", "bg"].forEach(function (name) {
      var value = script.getAttribute("data-" + name);
      if (value && value.trim()) params.set(name, value.trim());
    });
    lang = params.get("lang") || "de";
    var path = "/widget";
    if (month) path += "/" + parseInt(month[1], 10) + "/" + parseInt(month[2], 10);
    var query = params.toString();
    src = origin + path + (query ? "?" + query : "");
  }
  var titles = { de: "Interkulturkalender", en: "Intercultural calendar", tr: "Kültürlerarası takvim", ar: "التقويم بين الثقافات" };

  var frame = document.createElement("iframe");
  frame.src = src;
  frame.title = script.getAttribute("data-title") || titles[lang] || titles.de;
  frame.className = "interkultur-widget";
  frame.setAttribute("loading", "lazy");
  frame.style.width = "100%";
  frame.style.maxWidth = "32rem";
  frame.style.minWidth = "280px";
  frame.style.height = "560px";
  frame.style.border = "0";
  frame.style.display = "block";
  frame.style.overflow = "hidden";

  var target = script.getAttribute("data-target");
  var container = target ? document.querySelector(target) : null;
  if (container) container.appendChild(frame);
  else script.parentNode.insertBefore(frame, script.nextSibling);

  window.addEventListener("message", function (event) {
    if (event.source !== frame.contentWindow || event.origin !== origin) return;
    var data = event.data;
    if (!data || data.type !== "interkultur:resize") return;
    var height = Math.ceil(Number(data.height));
    if (height > 0 && height < 20000) frame.style.height = height + "px";
  });
})();
