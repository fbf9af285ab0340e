import Foundation

/// The script `weave serve` adds to every page it serves (never to built
/// files): it listens for rebuild events, reloads the tab after a good
/// rebuild, and shows the failures of a bad one in an overlay.
enum LiveReloadScript {
  static let path = "/__weave/live.js"
  static let eventsPath = "/__weave/events"
  static let tag = "<script src=\"\(path)\"></script>"

  static let source = #"""
(function () {
  "use strict";
  var overlay = null;
  function showFailures(text) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "weave-build-failures";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:0;z-index:1000;overflow:auto;padding:2rem;" +
        "background:rgba(20,22,27,.94);color:#f3f4f6;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace";
      var title = document.createElement("h2");
      title.textContent = "weave: the last rebuild failed — showing the last good version underneath";
      title.style.cssText = "color:#ff7b72;font:600 18px system-ui,sans-serif;margin:0 0 1rem";
      var close = document.createElement("button");
      close.textContent = "Hide";
      close.style.cssText = "position:absolute;top:1rem;right:1rem;padding:.3rem .8rem";
      close.onclick = function () { overlay.style.display = "none"; };
      var pre = document.createElement("pre");
      pre.style.cssText = "white-space:pre-wrap;margin:0";
      overlay.appendChild(close);
      overlay.appendChild(title);
      overlay.appendChild(pre);
      document.body.appendChild(overlay);
    }
    overlay.querySelector("pre").textContent = text;
    overlay.style.display = "block";
  }
  function hideFailures() { if (overlay) { overlay.remove(); overlay = null; } }
  var events = new EventSource("/__weave/events");
  events.addEventListener("reload", function () { window.location.reload(); });
  events.addEventListener("failed", function (event) { showFailures(event.data); });
  events.addEventListener("ok", hideFailures);
})();
"""#

  /// Inserts the script tag before `</body>` (or at the end).
  static func inject(into html: String) -> String {
    if let range = html.range(of: "</body>", options: .backwards) {
      return html.replacingCharacters(in: range, with: tag + "\n</body>")
    }
    return html + tag
  }
}
