import Foundation
import XCTest

/// The built site in a real browser: the `weave` binary builds a fixture
/// site, and headless Chromium opens it from disk (`file://`) inside a
/// harness page that drives the site's pages in an iframe and writes what it
/// saw into its own DOM, which `--dump-dom` prints.
///
/// Skipped when no Chromium is installed (`make browser-test` installs it);
/// with `WEAVE_REQUIRE_BROWSER=1` (CI) a missing browser is a failure instead.
final class BrowserTests: XCTestCase {
  func testTheBuiltSiteWorksInABrowserFromDisk() throws {
    let browser = try Browser.find()
    let project = Project()
    BrowserFixture.write(into: project)
    let build = try project.weave("build", "Doc", "--output", "site")
    XCTAssertEqual(build.status, 0, build.stdout + build.stderr)
    project.write("harness.html", BrowserFixture.harness)

    let dom = try browser.dumpDOM(of: project.url.appendingPathComponent("harness.html"))
    let lines = BrowserFixture.results(in: dom)
    XCTAssertFalse(lines.isEmpty, "the harness wrote nothing; the browser printed:\n\(dom.prefix(4000))")
    for line in lines where !line.hasPrefix("ok ") && line != "done" {
      XCTFail(line)
    }
    XCTAssertEqual(lines.last, "done", "the harness did not finish:\n" + lines.joined(separator: "\n"))
    for check in BrowserFixture.expectedChecks {
      XCTAssertTrue(lines.contains("ok " + check), "missing check '\(check)':\n" + lines.joined(separator: "\n"))
    }
  }
}

/// A headless Chromium (or Chrome) found on this machine.
struct Browser {
  let executable: URL

  static let candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"]

  /// The browser named by `WEAVE_CHROMIUM`, else the first candidate on PATH.
  static func find() throws -> Browser {
    let environment = ProcessInfo.processInfo.environment
    if let named = environment["WEAVE_CHROMIUM"], !named.isEmpty {
      guard FileManager.default.isExecutableFile(atPath: named) else {
        throw XCTSkip("WEAVE_CHROMIUM=\(named) is not an executable file")
      }
      return Browser(executable: URL(fileURLWithPath: named))
    }
    let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for name in candidates {
      for directory in path.split(separator: ":") {
        let candidate = String(directory) + "/" + name
        if FileManager.default.isExecutableFile(atPath: candidate) { return Browser(executable: URL(fileURLWithPath: candidate)) }
      }
    }
    let message = "Chromium not found (looked for \(candidates.joined(separator: ", ")) on PATH); `make browser-test` installs it, or set WEAVE_CHROMIUM"
    if environment["WEAVE_REQUIRE_BROWSER"] == "1" {
      XCTFail(message + " — WEAVE_REQUIRE_BROWSER=1 makes this a failure")
    }
    throw XCTSkip(message)
  }

  /// Loads a local page headless and returns the DOM after its scripts ran.
  /// Virtual time lets the page's timers run without waiting for them.
  func dumpDOM(of page: URL, virtualTimeBudget: Int = 20_000, timeout: TimeInterval = 120) throws -> String {
    let profile = FileManager.default.temporaryDirectory.appendingPathComponent("weave-chromium-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: profile) }
    let process = Process()
    process.executableURL = executable
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
      "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--mute-audio", "--hide-scrollbars",
      // Lets the harness page reach into the site's pages, which are file:// too.
      "--allow-file-access-from-files",
      "--user-data-dir=\(profile.path)", "--window-size=1280,900",
      "--virtual-time-budget=\(virtualTimeBudget)", "--dump-dom", page.absoluteString,
    ]
    var environment = ProcessInfo.processInfo.environment
    environment["HOME"] = profile.path  // keeps Chromium's caches out of the real home
    process.environment = environment
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let stdout = Box(Data()), stderr = Box(Data())
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { stdout.value = out.fileHandleForReading.readDataToEndOfFile() }
    DispatchQueue.global().async(group: group) { stderr.value = err.fileHandleForReading.readDataToEndOfFile() }
    if group.wait(timeout: .now() + timeout) == .timedOut {
      process.terminate()
      _ = group.wait(timeout: .now() + 5)
      XCTFail("Chromium did not finish within \(Int(timeout)) s")
    }
    process.waitUntilExit()
    let dom = String(decoding: stdout.value, as: UTF8.self)
    if dom.isEmpty {
      XCTFail("Chromium printed no DOM (exit status \(process.terminationStatus)):\n" +
              String(decoding: stderr.value.suffix(3000), as: UTF8.self))
    }
    return dom
  }
}

/// The fixture site and the harness that drives it.
enum BrowserFixture {
  /// Checks the harness must report as passed (so a harness that stops
  /// early, or skips a step, cannot pass).
  static let expectedChecks = [
    "scripts ran", "no external resources", "search finds the section", "search result opens page#section",
    "search from a nested page", "sidebar marks the current page", "next link", "previous link", "sidebar link",
    "theme toggle switches", "theme persists across pages", "theme toggles back",
    "copy pycon without prompts or output", "copy python block", "copy console commands", "copy fallback path",
    "toc links to headings",
  ]

  static func write(into project: Project) {
    project.write("Doc/SUMMARY.md", """
      - [Home](index.md)
      - Guide
        - [Usage](guide/usage.md)
        - [Reference](guide/reference.md)
      """)
    project.write("Doc/index.md", """
      ---
      title: Browser fixture
      description: A small site the browser test drives.
      ---
      # Browser fixture

      Start with the [usage guide](guide/usage.md#feeding).

      ## Aardvarks

      The aardvark section lives on the home page.

      > [!TIP]
      > A callout.
      """)
    project.write("Doc/guide/usage.md", """
      # Usage

      ## Setup

      Nothing to see here.

      ```console
      $ weave build Doc
      Built 3 pages
      $ weave serve
      ```

      ## Feeding

      Zebrafish eat twice a day.

      ```pycon
      >>> def feed(n):
      ...     return n * 2
      ...
      >>> feed(21)
      42
      >>> print("fed")
      fed
      ```

      ```python
      total = feed(1) + feed(2)
      print(total)
      ```

      ```output
      6
      ```

      | Fish | Meals |
      | --- | --: |
      | zebrafish | 2 |
      """)
    project.write("Doc/guide/reference.md", """
      # Reference

      ## Options {#options}

      Every option, in [the usage guide](usage.md).
      """)
  }

  /// The harness writes one line per check into `<pre id="results">`.
  static func results(in dom: String) -> [String] {
    guard let start = dom.range(of: "<pre id=\"results\">"),
      let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex) else { return [] }
    return dom[start.upperBound..<end.lowerBound]
      .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
      .split(separator: "\n").map(String.init)
  }

  static let harness = #"""
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>weave browser test</title></head>
<body>
<pre id="results"></pre>
<iframe id="frame" style="width:1200px;height:800px"></iframe>
<script>
"use strict";
var out = document.getElementById("results");
var frame = document.getElementById("frame");
function report(line) { out.textContent += line + "\n"; }
function check(name, condition, detail) { report((condition ? "ok " : "FAIL ") + name + (condition ? "" : ": " + detail)); }
function win() { return frame.contentWindow; }
function doc() { return frame.contentDocument; }
function path() { return decodeURIComponent(win().location.pathname).replace(/^.*\/site\//, ""); }

// Steps run one after another; each gets `next`. A step that throws or
// waits too long is reported and ends the run.
var steps = [], position = 0;
function step(name, body) { steps.push({ name: name, body: body }); }
function next() {
  if (position >= steps.length) { report("done"); return; }
  var current = steps[position++];
  try { current.body(next); } catch (e) { report("FAIL " + current.name + ": " + e); report("done-with-errors"); }
}
// Waits for the iframe to load a page, then for weave.js to have run.
function afterLoad(action, then) {
  frame.onload = function () {
    frame.onload = null;
    waitFor(function () { return doc() && doc().querySelector("body > [role=status]"); }, then, "the page's scripts");
  };
  action();
}
function waitFor(condition, then, what) {
  var tries = 0;
  (function poll() {
    var value = null;
    try { value = condition(); } catch (e) { value = null; }
    if (value) { then(value); return; }
    if (++tries > 200) { report("FAIL timed out waiting for " + what); report("done-with-errors"); return; }
    setTimeout(poll, 25);
  })();
}
function key(target, name) {
  target.dispatchEvent(new (win().KeyboardEvent)("keydown", { key: name, bubbles: true, cancelable: true }));
}
function search(term, then) {
  var input = doc().getElementById("weave-search");
  input.focus();
  input.value = term;
  input.dispatchEvent(new (win().Event)("input", { bubbles: true }));
  waitFor(function () { var a = doc().querySelector("#weave-search-results a"); return a && !doc().getElementById("weave-search-results").hidden && a; },
          then, "search results for " + term);
}
function background() { return win().getComputedStyle(doc().body).backgroundColor; }
function theme() { return doc().documentElement.dataset.theme || ""; }

try { localStorage.clear(); } catch (e) {}

step("open the home page", function (next) {
  afterLoad(function () { frame.src = "site/index.html"; }, function () {
    check("scripts ran", doc().title === "Browser fixture" && /Switch to (dark|light) theme/.test(doc().querySelector(".theme-toggle").getAttribute("aria-label")),
          "title: " + doc().title);
    next();
  });
});
step("search from the home page", function (next) {
  search("zebrafish", function (first) {
    check("search finds the section", /\/site\/guide\/usage\.html#feeding$/.test(first.href) &&
          first.querySelector(".result-title").textContent === "Feeding", "first result: " + first.href + " " + first.textContent);
    var input = doc().getElementById("weave-search");
    afterLoad(function () { key(input, "ArrowDown"); key(input, "Enter"); }, function () {
      var target = doc().getElementById("feeding");
      check("search result opens page#section", path() === "guide/usage.html" && win().location.hash === "#feeding" && target && target.tagName === "H2",
            "at " + path() + win().location.hash);
      next();
    });
  });
});
step("resources", function (next) {
  var external = win().performance.getEntriesByType("resource").map(function (e) { return e.name; })
    .filter(function (name) { return !/^file:/.test(name); });
  check("no external resources", external.length === 0, external.join(", "));
  var toc = doc().querySelectorAll(".toc a");
  var broken = Array.prototype.filter.call(toc, function (a) { return !doc().getElementById(decodeURIComponent(a.hash.slice(1))); });
  check("toc links to headings", toc.length === 2 && broken.length === 0, toc.length + " links, broken: " + broken.length);
  next();
});
step("search from a nested page", function (next) {
  search("aardvark", function (first) {
    check("search from a nested page", /\/site\/index\.html#aardvarks$/.test(first.href), "first result: " + first.href);
    key(doc().getElementById("weave-search"), "Escape");
    next();
  });
});
step("copy", function (next) {
  var w = win(), copied = [];
  Object.defineProperty(w.navigator, "clipboard", { configurable: true,
    value: { writeText: function (text) { copied.push(text); return w.Promise.resolve(); } } });
  var blocks = doc().querySelectorAll(".code-block");
  function button(language) {
    var code = doc().querySelector(".code-block code.language-" + language);
    return code.closest(".code-block").querySelector(".copy-button");
  }
  button("pycon").click();
  button("python").click();
  button("console").click();
  waitFor(function () { return copied.length === 3; }, function () {
    check("copy pycon without prompts or output", copied[0] === 'def feed(n):\n    return n * 2\n\nfeed(21)\nprint("fed")\n', JSON.stringify(copied[0]));
    check("copy python block", copied[1] === "total = feed(1) + feed(2)\nprint(total)\n", JSON.stringify(copied[1]));
    check("copy console commands", copied[2] === "weave build Doc\nweave serve\n", JSON.stringify(copied[2]));
    // Without the Clipboard API the button selects a hidden textarea and uses execCommand.
    Object.defineProperty(w.navigator, "clipboard", { configurable: true, value: undefined });
    var selected = null;
    w.document.execCommand = function (command) {
      if (command === "copy") selected = w.document.activeElement && w.document.activeElement.value;
      return true;
    };
    var pycon = button("pycon");
    pycon.click();
    waitFor(function () { return selected !== null; }, function () {
      check("copy fallback path", selected === 'def feed(n):\n    return n * 2\n\nfeed(21)\nprint("fed")\n' && pycon.classList.contains("copied"),
            JSON.stringify(selected) + " copied class: " + pycon.className);
      next();
    }, "the fallback copy");
  }, "three copies (got " + copied.length + ")");
});
step("navigation", function (next) {
  var current = doc().querySelector(".sidebar a.current");
  check("sidebar marks the current page", current && current.textContent === "Usage" && current.getAttribute("aria-current") === "page",
        current ? current.outerHTML : "no current link");
  afterLoad(function () { doc().querySelector("a[rel=next]").click(); }, function () {
    check("next link", path() === "guide/reference.html", "at " + path());
    afterLoad(function () { doc().querySelector("a[rel=prev]").click(); }, function () {
      check("previous link", path() === "guide/usage.html", "at " + path());
      var home = Array.prototype.filter.call(doc().querySelectorAll(".sidebar a"), function (a) { return a.textContent === "Home"; })[0];
      afterLoad(function () { home.click(); }, function () {
        check("sidebar link", path() === "index.html" && doc().querySelector(".sidebar a.current").textContent === "Home", "at " + path());
        next();
      });
    });
  });
});
step("theme", function (next) {
  var system = win().matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  var other = system === "dark" ? "light" : "dark";
  var before = background();
  doc().querySelector(".theme-toggle").click();
  var stored = win().localStorage.getItem("weave-theme");
  var after = background();
  check("theme toggle switches", theme() === other && stored === other && after !== before && doc().querySelector(".theme-toggle").title === "Switch to " + system + " theme",
        "theme " + theme() + ", stored " + stored + ", background " + before + " -> " + after);
  afterLoad(function () { frame.src = "site/guide/reference.html"; }, function () {
    check("theme persists across pages", theme() === other && background() === after, "theme " + theme() + ", background " + background());
    doc().querySelector(".theme-toggle").click();
    check("theme toggles back", theme() === system && win().localStorage.getItem("weave-theme") === system && background() === before,
          "theme " + theme() + ", background " + background());
    next();
  });
});
next();
</script>
</body></html>
"""#
}
