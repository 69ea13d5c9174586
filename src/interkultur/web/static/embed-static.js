/* interkultur embed script for a static export (interkultur export DIR).
   <script src="https://HOST/PATH/embed.js" data-lang="de"></script>
   inserts an iframe with the exported month widget right after itself (or
   into the element named by data-target) and resizes it to its content,
   which the widget reports with postMessage. Attributes: data-lang (one of
   the exported languages), data-month ("2025-03"; default: the visitor's
   current month), data-title, data-target (a CSS selector). A static site has
   one file per page, so traditions, profiles and Länder cannot be chosen
   here: embed the live service's /embed.js for those. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var base = new URL(".", script.src);
  var origin = base.origin;
  var lang = (script.getAttribute("data-lang") || "de").trim();
  if (!/^[a-z]{2,3}$/.test(lang)) lang = "de";
  var path = lang + "/widget/index.html";
  var month = /^(\d{4})-(\d{1,2})$/.exec(script.getAttribute("data-month") || "");
  if (month) path = lang + "/widget/" + month[1] + "/" + ("0" + parseInt(month[2], 10)).slice(-2) + ".html";
  var titles = { de: "Interkulturkalender", en: "Intercultural calendar", tr: "Kültürlerarası takvim", ar: "التقويم بين الثقافات" };

  var frame = document.createElement("iframe");
  frame.src = new URL(path, base).href;
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
