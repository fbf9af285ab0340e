// weave default theme: theme toggle, navigation drawer, copy buttons, search.
// No libraries; works from file:// (the search index is a script, not JSON).
(function () {
  "use strict";
  var root = document.documentElement.getAttribute("data-root") || "";

  // Light/dark: follow the system unless the reader chose, and remember the choice.
  var toggle = document.querySelector(".theme-toggle");
  if (toggle) {
    toggle.addEventListener("click", function () {
      var current = document.documentElement.dataset.theme ||
        (window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
      var next = current === "dark" ? "light" : "dark";
      document.documentElement.dataset.theme = next;
      try { localStorage.setItem("weave-theme", next); } catch (e) { /* private mode */ }
    });
  }

  // Navigation drawer on narrow screens.
  var menu = document.querySelector(".menu-button");
  var sidebar = document.getElementById("weave-sidebar");
  if (menu && sidebar) {
    menu.addEventListener("click", function () {
      var open = sidebar.classList.toggle("open");
      menu.setAttribute("aria-expanded", open ? "true" : "false");
    });
    sidebar.addEventListener("click", function (event) {
      if (event.target.closest("a") && sidebar.classList.contains("open")) menu.click();
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && sidebar.classList.contains("open")) { menu.click(); menu.focus(); }
    });
    // Keep the current page visible in a long sidebar without moving the page itself.
    var current = sidebar.querySelector(".current");
    if (current && sidebar.scrollHeight > sidebar.clientHeight) {
      sidebar.scrollTop = Math.max(0, current.offsetTop - sidebar.clientHeight / 3);
    }
  }

  // Copy buttons: copy only the code (pycon blocks carry their prompt-free text in data-copy).
  function copyText(text, done) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text, done); });
    } else {
      fallbackCopy(text, done);
    }
  }
  function fallbackCopy(text, done) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); done(); } catch (e) { /* nothing to do */ }
    document.body.removeChild(area);
  }
  Array.prototype.forEach.call(document.querySelectorAll(".code-block pre"), function (pre) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy code to clipboard");
    button.addEventListener("click", function () {
      var text = pre.hasAttribute("data-copy") ? pre.getAttribute("data-copy") : pre.textContent;
      copyText(text, function () {
        button.textContent = "Copied";
        setTimeout(function () { button.textContent = "Copy"; }, 1500);
      });
    });
    pre.parentNode.appendChild(button);
  });

  // Search over window.weaveSearchIndex (search-index.js).
  var input = document.getElementById("weave-search");
  var list = document.getElementById("weave-search-results");
  if (!input || !list) return;
  function escapeHTML(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function highlight(text, terms) {
    var html = escapeHTML(text);
    terms.forEach(function (term) {
      var pattern = new RegExp("(" + escapeHTML(term).replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + ")", "gi");
      html = html.replace(pattern, "<mark>$1</mark>");
    });
    return html;
  }
  function snippet(text, terms) {
    var lower = text.toLowerCase();
    var at = terms.length ? lower.indexOf(terms[0]) : -1;
    var start = Math.max(0, at - 40);
    return (start > 0 ? "…" : "") + text.slice(start, start + 140) + (start + 140 < text.length ? "…" : "");
  }
  function score(entry, terms) {
    var total = 0;
    var section = entry.section.toLowerCase(), page = entry.page.toLowerCase(), text = entry.text.toLowerCase();
    for (var i = 0; i < terms.length; i++) {
      var term = terms[i], points = 0;
      if (section.indexOf(term) >= 0) points += 10;
      if (page.indexOf(term) >= 0) points += 5;
      if (text.indexOf(term) >= 0) points += 1;
      if (!points) return 0;
      total += points;
    }
    return total;
  }
  var selected = -1;
  function render() {
    var terms = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    selected = -1;
    if (!terms.length) { list.hidden = true; list.innerHTML = ""; return; }
    var index = window.weaveSearchIndex || [];
    var results = index.map(function (entry) { return { entry: entry, score: score(entry, terms) }; })
      .filter(function (r) { return r.score > 0; })
      .sort(function (a, b) { return b.score - a.score; })
      .slice(0, 12);
    if (!results.length) {
      list.innerHTML = '<li class="empty">No results</li>';
    } else {
      list.innerHTML = results.map(function (r) {
        var e = r.entry;
        var title = e.section || e.page;
        return '<li><a href="' + escapeHTML(root + e.url) + '"><span class="result-title">' + highlight(title, terms) +
          '</span>' + (e.section ? ' <span class="result-page">— ' + escapeHTML(e.page) + '</span>' : '') +
          '<span class="result-text">' + highlight(snippet(e.text, terms), terms) + '</span></a></li>';
      }).join("");
    }
    list.hidden = false;
  }
  function move(step) {
    var links = list.querySelectorAll("a");
    if (!links.length) return;
    if (selected >= 0) links[selected].classList.remove("active");
    selected = (selected + step + links.length) % links.length;
    links[selected].classList.add("active");
    links[selected].scrollIntoView({ block: "nearest" });
  }
  input.addEventListener("input", render);
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") { move(1); event.preventDefault(); }
    else if (event.key === "ArrowUp") { move(-1); event.preventDefault(); }
    else if (event.key === "Enter") {
      var links = list.querySelectorAll("a");
      var target = links[selected >= 0 ? selected : 0];
      if (target) window.location.href = target.href;
    } else if (event.key === "Escape") { input.value = ""; render(); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "/" && document.activeElement !== input &&
        !/^(INPUT|TEXTAREA)$/.test(document.activeElement.tagName)) {
      input.focus();
      event.preventDefault();
    }
  });
  document.addEventListener("click", function (event) {
    if (!list.contains(event.target) && event.target !== input) list.hidden = true;
  });
})();
