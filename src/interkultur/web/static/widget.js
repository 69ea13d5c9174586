/* interkultur month widget: progressive enhancement.
   Without this script the widget still works (links, :target panels, list).
   With it: grid keyboard navigation (arrows, Home/End, PageUp/PageDown),
   day selection without reload, month navigation by fetch, and height
   messages to the embedding page (embed.js). No inline script anywhere. */
(function () {
  "use strict";

  var inFrame = window.parent !== window;
  var staticSite = document.documentElement.hasAttribute("data-ik-static");

  function postHeight() {
    if (!inFrame) return;
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    window.parent.postMessage({ type: "interkultur:resize", height: height }, "*");
  }

  function cells(widget) {
    return Array.prototype.slice.call(widget.querySelectorAll("td.ik-day"));
  }

  function panelFor(widget, cell) {
    var panel = document.getElementById("ik-day-" + cell.getAttribute("data-date"));
    if (panel && widget.contains(panel)) return panel;
    panel = widget.querySelector(".ik-daypanel-empty");
    var title = panel && panel.querySelector("[data-ik-empty-title]");
    if (title) title.textContent = cell.getAttribute("data-label") || cell.getAttribute("data-date");
    return panel;
  }

  function focusCell(widget, cell) {
    cells(widget).forEach(function (c) { c.tabIndex = c === cell ? 0 : -1; });
    cell.focus();
  }

  function select(widget, cell, moveFocus) {
    cells(widget).forEach(function (c) {
      c.setAttribute("aria-selected", c === cell ? "true" : "false");
      c.tabIndex = c === cell ? 0 : -1;
    });
    Array.prototype.forEach.call(widget.querySelectorAll(".ik-daypanel"), function (p) {
      p.classList.remove("is-open");
    });
    var panel = panelFor(widget, cell);
    if (panel) panel.classList.add("is-open");
    if (location.hash && location.hash.indexOf("#ik-day-") === 0 && history.replaceState) {
      history.replaceState(null, "", location.pathname + location.search);
    }
    if (moveFocus) cell.focus();
    postHeight();
  }

  /* Links in a fetched widget are relative to the page it came from (a static
     export writes relative links): make them absolute before they move here. */
  function rebase(fresh, from) {
    Array.prototype.forEach.call(fresh.querySelectorAll("[href], [action], [src]"), function (el) {
      var name = el.hasAttribute("href") ? "href" : el.hasAttribute("src") ? "src" : "action";
      var value = el.getAttribute(name);
      if (!value || value.charAt(0) === "#") return;
      try { el.setAttribute(name, new URL(value, from).href); } catch (e) { /* leave it */ }
    });
  }

  function isoDate(d) {
    return d.getFullYear() + "-" + ("0" + (d.getMonth() + 1)).slice(-2) + "-" + ("0" + d.getDate()).slice(-2);
  }

  /* A static export (interkultur export) is rendered without a today marker:
     mark the visitor's today here, in the visitor's own time zone. */
  function markToday(root) {
    if (!staticSite) return;
    var today = isoDate(new Date());
    Array.prototype.forEach.call(root.querySelectorAll("td.ik-today"), function (c) {
      c.classList.remove("ik-today");
      c.removeAttribute("aria-current");
    });
    Array.prototype.forEach.call(root.querySelectorAll('td.ik-day[data-date="' + today + '"]'), function (c) {
      c.classList.add("ik-today");
      c.setAttribute("aria-current", "date");
    });
  }

  function navigate(widget, url, rel, quiet) {
    widget.setAttribute("aria-busy", "true");
    var from = url;
    fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        from = response.url || url;
        return response.text();
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.getElementById("ik-widget");
        if (!fresh) throw new Error("no widget in response");
        fresh = document.importNode(fresh, true);
        rebase(fresh, from);
        markToday(fresh);
        widget.replaceWith(fresh);
        enhance(fresh);
        if (document.body.classList.contains("ik-frame") && history.replaceState) {
          rebase(document.head, location.href);  // the icon and styles keep their files under the new URL
          history.replaceState(null, "", from);
          document.title = doc.title;
        }
        if (!quiet) {
          var again = rel && fresh.querySelector('a[rel="' + rel + '"]');
          (again || fresh.querySelector(".ik-title")).focus();
        }
        postHeight();
      })
      .catch(function () { if (!quiet) window.location.replace(url); else widget.removeAttribute("aria-busy"); });
  }

  /* Static export: a page that shows "the current month" was written on export
     day; open the visitor's current month instead when the export has it. */
  function followToday() {
    var root = document.documentElement;
    var pattern = root.getAttribute("data-ik-month-pattern");
    var widget = document.querySelector(".ik-widget");
    if (!staticSite || !root.hasAttribute("data-ik-follow-today") || !pattern || !widget) return;
    var span = (root.getAttribute("data-ik-static") || "").split(" ");
    var now = isoDate(new Date()).slice(0, 7);
    if (span.length !== 2 || now < span[0] || now > span[1]) return;
    var shown = widget.getAttribute("data-year") + "-" + ("0" + widget.getAttribute("data-month")).slice(-2);
    if (shown === now) return;
    var url = new URL(pattern.replace("YYYY", now.slice(0, 4)).replace("MM", now.slice(5, 7)), location.href).href;
    navigate(widget, url, null, true);
  }

  function onKey(widget, event) {
    var cell = event.target.closest && event.target.closest("td.ik-day");
    if (!cell) return;
    var all = cells(widget);
    var index = all.indexOf(cell);
    var row = cell.parentNode;
    var target = null;
    var rtl = getComputedStyle(widget).direction === "rtl";
    switch (event.key) {
      case "ArrowRight": target = all[index + (rtl ? -1 : 1)]; break;
      case "ArrowLeft": target = all[index + (rtl ? 1 : -1)]; break;
      case "ArrowDown": target = all[index + 7]; break;
      case "ArrowUp": target = all[index - 7]; break;
      case "Home": target = row.querySelector("td.ik-day"); break;
      case "End": var days = row.querySelectorAll("td.ik-day"); target = days[days.length - 1]; break;
      case "PageDown": var next = widget.querySelector('a[rel="next"]'); if (next) navigate(widget, next.href, "next"); event.preventDefault(); return;
      case "PageUp": var prev = widget.querySelector('a[rel="prev"]'); if (prev) navigate(widget, prev.href, "prev"); event.preventDefault(); return;
      case "Enter": case " ": select(widget, cell, true); event.preventDefault(); return;
      default: return;
    }
    event.preventDefault();
    if (target) focusCell(widget, target);
  }

  function enhance(widget) {
    var grid = widget.querySelector("[data-ik-grid]");
    if (!grid || widget.getAttribute("data-ik-ready")) return;
    widget.setAttribute("data-ik-ready", "1");
    grid.setAttribute("role", "grid");
    Array.prototype.forEach.call(grid.querySelectorAll("td"), function (td) {
      td.setAttribute("role", "gridcell");
    });
    var all = cells(widget);
    all.forEach(function (c) {
      c.tabIndex = -1;
      c.setAttribute("aria-selected", "false");
      var link = c.querySelector("a");
      if (link) link.tabIndex = -1;
    });
    var start = widget.querySelector("td.ik-today") || widget.querySelector("td.ik-holiday") || all[0];
    var hash = location.hash.replace("#ik-day-", "");
    if (hash && /^\d{4}-\d{2}-\d{2}$/.test(hash)) {
      var chosen = widget.querySelector('td[data-date="' + hash + '"]');
      if (chosen) { select(widget, chosen, false); start = chosen; }
    }
    if (start) start.tabIndex = 0;

    widget.addEventListener("click", function (event) {
      var nav = event.target.closest("[data-ik-nav]");
      if (nav) {
        event.preventDefault();
        navigate(widget, nav.href, nav.getAttribute("rel"));
        return;
      }
      var cell = event.target.closest("td.ik-day");
      if (cell && widget.contains(cell)) {
        event.preventDefault();
        select(widget, cell, true);
      }
    });
    grid.addEventListener("keydown", function (event) { onKey(widget, event); });
    /* the holiday selector: the same request a plain form submission makes, with the ticked
       categories as one comma list, loaded in place like month navigation (no history entry) */
    var choose = widget.querySelector("form[data-ik-choose]");
    if (choose) {
      choose.addEventListener("submit", function (event) {
        event.preventDefault();
        var url = new URL(choose.getAttribute("action"), location.href);
        var ticked = [];
        Array.prototype.forEach.call(choose.elements, function (el) {
          if (!el.name || el.disabled) return;
          if (el.type === "checkbox") { if (el.checked) ticked.push(el.value); return; }
          if (el.type !== "submit") url.searchParams.set(el.name, el.value);
        });
        url.searchParams.delete("category");
        if (ticked.length) url.searchParams.set("category", ticked.join(","));
        navigate(widget, url.href, null);
      });
    }
  }

  function init() {
    markToday(document);
    Array.prototype.forEach.call(document.querySelectorAll(".ik-widget"), enhance);
    followToday();
    Array.prototype.forEach.call(document.querySelectorAll("[data-ik-print]"), function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
    if (inFrame) {
      if (window.ResizeObserver) new ResizeObserver(postHeight).observe(document.documentElement);
      window.addEventListener("load", postHeight);
      postHeight();
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
