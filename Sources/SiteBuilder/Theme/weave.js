// weave default theme: theme toggle, navigation drawer, copy buttons, search,
// and the "on this page" highlight. No libraries, nothing fetched from the
// network; works from file:// (the search index is a script, not JSON, and
// is loaded the first time the search box is used).
(function () {
  "use strict";
  var doc = document.documentElement;
  var root = doc.getAttribute("data-root") || "";

  // Light/dark: follow the system unless the reader chose, and remember the choice.
  var systemDark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  function currentTheme() {
    return doc.dataset.theme || (systemDark && systemDark.matches ? "dark" : "light");
  }
  var toggle = document.querySelector(".theme-toggle");
  function labelToggle() {
    if (!toggle) return;
    var label = currentTheme() === "dark" ? "Switch to light theme" : "Switch to dark theme";
    toggle.setAttribute("aria-label", label);
    toggle.setAttribute("title", label);
  }
  if (toggle) {
    labelToggle();
    toggle.addEventListener("click", function () {
      var next = currentTheme() === "dark" ? "light" : "dark";
      doc.dataset.theme = next;
      try { localStorage.setItem("weave-theme", next); } catch (e) { /* storage disabled */ }
      labelToggle();
    });
    if (systemDark && systemDark.addEventListener) systemDark.addEventListener("change", labelToggle);
  }
  // Another tab changed the theme.
  window.addEventListener("storage", function (event) {
    if (event.key === "weave-theme" && (event.newValue === "light" || event.newValue === "dark")) {
      doc.dataset.theme = event.newValue;
      labelToggle();
    }
  });

  // Navigation drawer on narrow screens.
  var menu = document.querySelector(".menu-button");
  var sidebar = document.getElementById("weave-sidebar");
  var backdrop = null;
  function setDrawer(open, fromKeyboard) {
    sidebar.classList.toggle("open", open);
    menu.setAttribute("aria-expanded", open ? "true" : "false");
    menu.setAttribute("aria-label", open ? "Hide navigation" : "Show navigation");
    if (open) {
      backdrop = document.createElement("div");
      backdrop.className = "backdrop";
      backdrop.addEventListener("click", function () { setDrawer(false); });
      document.body.appendChild(backdrop);
      var target = sidebar.querySelector(".current") || sidebar.querySelector("a");
      if (target && fromKeyboard) target.focus({ preventScroll: true });
    } else if (backdrop) {
      backdrop.remove();
      backdrop = null;
    }
  }
  if (menu && sidebar) {
    // detail is 0 for a click made with the keyboard: then focus moves into the drawer.
    menu.addEventListener("click", function (event) { setDrawer(!sidebar.classList.contains("open"), event.detail === 0); });
    sidebar.addEventListener("click", function (event) {
      if (event.target.closest("a") && sidebar.classList.contains("open")) setDrawer(false);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && sidebar.classList.contains("open")) { setDrawer(false); menu.focus(); }
    });
  }
  // Keep the current page visible in a long sidebar without moving the page itself.
  if (sidebar) {
    var current = sidebar.querySelector(".current");
    if (current && sidebar.scrollHeight > sidebar.clientHeight) {
      var top = current.getBoundingClientRect().top - sidebar.getBoundingClientRect().top;
      if (top > sidebar.clientHeight * 0.8) sidebar.scrollTop = top - sidebar.clientHeight / 3;
    }
  }

  // Copy buttons: copy only the code. Sessions and shell transcripts carry
  // their prompt-free, output-free text in data-copy.
  var status = document.createElement("div");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  document.body.appendChild(status);
  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.top = "0";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
    document.body.removeChild(area);
    return copied;
  }
  function copyText(text, done) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(fallbackCopy(text)); });
    } else {
      done(fallbackCopy(text));
    }
  }
  var copyIcon = '<svg class="icon-copy" viewBox="0 0 16 16" width="15" height="15" aria-hidden="true"><path fill="currentColor" d="M0 6.75C0 5.78.78 5 1.75 5h1.5a.75.75 0 0 1 0 1.5h-1.5a.25.25 0 0 0-.25.25v7.5c0 .14.11.25.25.25h7.5a.25.25 0 0 0 .25-.25v-1.5a.75.75 0 0 1 1.5 0v1.5A1.75 1.75 0 0 1 9.25 16h-7.5A1.75 1.75 0 0 1 0 14.25Z"/><path fill="currentColor" d="M5 1.75C5 .78 5.78 0 6.75 0h7.5C15.22 0 16 .78 16 1.75v7.5A1.75 1.75 0 0 1 14.25 11h-7.5A1.75 1.75 0 0 1 5 9.25Zm1.75-.25a.25.25 0 0 0-.25.25v7.5c0 .14.11.25.25.25h7.5a.25.25 0 0 0 .25-.25v-7.5a.25.25 0 0 0-.25-.25Z"/></svg>' +
    '<svg class="icon-check" viewBox="0 0 16 16" width="15" height="15" aria-hidden="true"><path fill="currentColor" d="M13.78 4.22a.75.75 0 0 1 0 1.06l-7.25 7.25a.75.75 0 0 1-1.06 0L2.22 9.28a.75.75 0 0 1 1.06-1.06L6 10.94l6.72-6.72a.75.75 0 0 1 1.06 0Z"/></svg>';
  Array.prototype.forEach.call(document.querySelectorAll(".code-block pre"), function (pre) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.innerHTML = copyIcon;
    button.setAttribute("aria-label", "Copy code");
    button.setAttribute("title", "Copy code");
    var timer = null;
    button.addEventListener("click", function () {
      var text = pre.hasAttribute("data-copy") ? pre.getAttribute("data-copy") : pre.textContent;
      copyText(text, function (ok) {
        status.textContent = ok ? "Copied to the clipboard" : "Could not copy";
        if (!ok) return;
        button.classList.add("copied");
        button.setAttribute("title", "Copied");
        clearTimeout(timer);
        timer = setTimeout(function () { button.classList.remove("copied"); button.setAttribute("title", "Copy code"); }, 1500);
      });
    });
    pre.parentNode.appendChild(button);
  });

  // "On this page": mark the section being read.
  var tocLinks = Array.prototype.slice.call(document.querySelectorAll(".toc a[href^='#']"));
  if (tocLinks.length) {
    var sections = tocLinks.map(function (link) {
      return document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
    });
    var active = null, pending = false;
    var updateToc = function () {
      pending = false;
      var limit = window.innerHeight * 0.25 + 60, index = -1;
      for (var i = 0; i < sections.length; i++) {
        if (sections[i] && sections[i].getBoundingClientRect().top <= limit) index = i;
      }
      // At the bottom of the page the last sections cannot reach the top.
      if (window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2) index = sections.length - 1;
      var link = index >= 0 ? tocLinks[index] : null;
      if (link === active) return;
      if (active) { active.classList.remove("active"); active.removeAttribute("aria-current"); }
      if (link) { link.classList.add("active"); link.setAttribute("aria-current", "location"); }
      active = link;
    };
    window.addEventListener("scroll", function () {
      if (!pending) { pending = true; window.requestAnimationFrame(updateToc); }
    }, { passive: true });
    updateToc();
  }

  // Search over window.weaveSearchIndex (search-index.js, loaded on first use).
  var input = document.getElementById("weave-search");
  var list = document.getElementById("weave-search-results");
  if (!input || !list) return;
  var indexState = window.weaveSearchIndex ? "loaded" : "none", waiting = [];
  function withIndex(callback) {
    if (window.weaveSearchIndex) { indexState = "loaded"; callback(); return; }
    waiting.push(callback);
    if (indexState !== "none") return;
    indexState = "loading";
    var script = document.createElement("script");
    script.src = root + "search-index.js";
    script.onload = function () { indexState = "loaded"; var w = waiting; waiting = []; w.forEach(function (f) { f(); }); };
    script.onerror = function () { indexState = "failed"; waiting = []; showMessage("The search index could not be loaded."); };
    document.head.appendChild(script);
  }
  function escapeHTML(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }
  function highlight(text, terms) {
    if (!terms.length) return escapeHTML(text);
    var pattern = new RegExp("(" + terms.map(escapeRegExp).join("|") + ")", "gi");
    return text.split(pattern).map(function (part, i) {
      return i % 2 ? "<mark>" + escapeHTML(part) + "</mark>" : escapeHTML(part);
    }).join("");
  }
  function snippet(text, terms) {
    var lower = text.toLowerCase(), at = -1;
    for (var i = 0; i < terms.length && at < 0; i++) at = lower.indexOf(terms[i]);
    var start = Math.max(0, at - 50);
    if (start > 0) { var space = text.indexOf(" ", start); if (space > 0 && space < at) start = space + 1; }
    return (start > 0 ? "…" : "") + text.slice(start, start + 150) + (start + 150 < text.length ? "…" : "");
  }
  function wordStart(haystack, term) {
    var at = haystack.indexOf(term);
    while (at >= 0) {
      if (at === 0 || !/[a-z0-9_]/.test(haystack.charAt(at - 1))) return true;
      at = haystack.indexOf(term, at + 1);
    }
    return false;
  }
  function score(entry, terms) {
    var total = 0;
    var section = entry.section.toLowerCase(), page = entry.page.toLowerCase(), text = entry.text.toLowerCase();
    for (var i = 0; i < terms.length; i++) {
      var term = terms[i], points = 0;
      if (section.indexOf(term) >= 0) points += wordStart(section, term) ? 12 : 6;
      if (page.indexOf(term) >= 0) points += wordStart(page, term) ? 5 : 2;
      if (text.indexOf(term) >= 0) points += wordStart(text, term) ? 2 : 1;
      if (!points) return 0;
      total += points;
    }
    return total;
  }
  var selected = -1;
  function setOpen(open) {
    list.hidden = !open;
    input.setAttribute("aria-expanded", open ? "true" : "false");
    if (!open) { selected = -1; input.removeAttribute("aria-activedescendant"); }
  }
  function showMessage(text) {
    list.innerHTML = '<li class="empty" role="presentation">' + escapeHTML(text) + "</li>";
    setOpen(true);
  }
  function render() {
    var query = input.value.trim();
    var terms = query.toLowerCase().split(/\s+/).filter(Boolean);
    selected = -1;
    input.removeAttribute("aria-activedescendant");
    if (!terms.length) { list.innerHTML = ""; setOpen(false); return; }
    withIndex(function () {
      if (input.value.trim() !== query) return;  // typed on meanwhile
      var results = (window.weaveSearchIndex || []).map(function (entry) { return { entry: entry, score: score(entry, terms) }; })
        .filter(function (r) { return r.score > 0; })
        .sort(function (a, b) { return b.score - a.score; })
        .slice(0, 15);
      if (!results.length) { showMessage("No results for “" + query + "”"); status.textContent = "No results"; return; }
      status.textContent = results.length === 1 ? "1 result" : results.length + " results";
      list.innerHTML = results.map(function (r, i) {
        var e = r.entry, title = e.section || e.page;
        return '<li role="presentation"><a id="weave-result-' + i + '" role="option" aria-selected="false" tabindex="-1" href="' +
          escapeHTML(root + e.url) + '"><span class="result-title">' + highlight(title, terms) + "</span>" +
          (e.section ? ' <span class="result-page">— ' + escapeHTML(e.page) + "</span>" : "") +
          '<span class="result-text">' + highlight(snippet(e.text, terms), terms) + "</span></a></li>";
      }).join("");
      setOpen(true);
    });
  }
  function move(step) {
    var links = list.querySelectorAll("a");
    if (!links.length) return;
    if (selected >= 0 && links[selected]) { links[selected].classList.remove("active"); links[selected].setAttribute("aria-selected", "false"); }
    selected = (selected + step + links.length) % links.length;
    var link = links[selected];
    link.classList.add("active");
    link.setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", link.id);
    link.scrollIntoView({ block: "nearest" });
  }
  input.addEventListener("focus", function () { withIndex(function () {}); if (input.value.trim()) render(); });
  input.addEventListener("input", render);
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") { move(1); event.preventDefault(); }
    else if (event.key === "ArrowUp") { move(-1); event.preventDefault(); }
    else if (event.key === "Enter") {
      var links = list.querySelectorAll("a");
      var target = links[selected >= 0 ? selected : 0];
      if (target) { event.preventDefault(); setOpen(false); target.click(); }
    } else if (event.key === "Escape") {
      if (input.value) { input.value = ""; render(); } else { input.blur(); }
      event.preventDefault();
    }
  });
  list.addEventListener("click", function (event) {
    if (event.target.closest("a")) { setOpen(false); input.blur(); }
  });
  document.addEventListener("keydown", function (event) {
    var active = document.activeElement;
    if (event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && active !== input &&
        !(active && (/^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName) || active.isContentEditable))) {
      input.focus();
      input.select();
      event.preventDefault();
    }
  });
  document.addEventListener("click", function (event) {
    if (!list.hidden && !list.contains(event.target) && event.target !== input) setOpen(false);
  });
})();
