/* interkultur embed script.
   <script src="https://HOST/embed.js" data-lang="de" data-tradition="islam,judaism"></script>
   inserts an iframe with the month widget right after itself (or into the
   element named by data-target) and resizes it to its content, which the
   widget reports with postMessage. Attributes: data-lang, data-tradition,
   data-islamic, data-jewish, data-dual ("hijri,hebrew"), data-state ("NW": that
   Land's public and school holidays), data-month
   ("2018-10"), data-title, data-target (a CSS selector). The same names work
   as query parameters of this script's URL; attributes win. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var source = new URL(script.src, window.location.href);
  var origin = source.origin;
  var params = new URLSearchParams(source.search);
  params.delete("v");
  ["lang", "tradition", "islamic", "jewish", "dual", "state"].forEach(function (name) {
    var value = script.getAttribute("data-" + name);
    if (value && value.trim()) params.set(name, value.trim());
  });
  var path = "/widget";
  var month = /^(\d{4})-(\d{1,2})$/.exec(script.getAttribute("data-month") || "");
  if (month) path += "/" + parseInt(month[1], 10) + "/" + parseInt(month[2], 10);
  var query = params.toString();
  var titles = { de: "Interkulturkalender", en: "Intercultural calendar", tr: "Kültürlerarası takvim", ar: "التقويم بين الثقافات" };

  var frame = document.createElement("iframe");
  frame.src = origin + path + (query ? "?" + query : "");
  frame.title = script.getAttribute("data-title") || titles[params.get("lang") || "de"] || titles.de;
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
