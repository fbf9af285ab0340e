import Foundation

/// `weave serve`: builds, serves on 127.0.0.1, watches the docs and theme
/// folders, rebuilds on change and tells open tabs to reload.
///
/// Rebuilds share one `ExampleResultCache`, so a change re-runs only the
/// examples of pages whose examples changed; every page's HTML is rendered
/// again (cheap), which keeps titles, navigation and links consistent.
public final class PreviewSession {
  public let generator: SiteGenerator
  public let output: URL?
  public let server = PreviewServer()
  private let log: (String) -> Void
  private var snapshot = FolderSnapshot(stamps: [:])
  private var hasGoodSite = false
  /// How often the folders are polled when the system reports no file
  /// events (where inotify is missing).
  public var pollInterval: Double = 0.2
  /// With file events, a full poll still runs this often as a safety net.
  public var safetyPollInterval: Double = 2
  /// A burst of saves (editors write, rename, touch) is over once no event
  /// came for this long (or after `settleLimit`).
  public var settleInterval: Double = 0.015
  public var settleLimit: Double = 0.15

  public init(configuration: BuildConfiguration, runner: any ExampleRunner,
              highlighter: any CodeHighlighter, output: URL?, log: @escaping (String) -> Void) {
    self.generator = SiteGenerator(configuration: configuration, runner: runner, highlighter: highlighter,
                                   cache: ExampleResultCache(), pageCache: PageCache())
    self.output = output
    self.log = log
  }

  private var watchedFolders: [URL] {
    [generator.configuration.docs] + (generator.configuration.theme.map { [$0] } ?? [])
  }

  /// Builds once, starts the server and watches until the task is cancelled.
  public func run(port: UInt16) async throws {
    snapshot = FolderSnapshot.take(watchedFolders)
    let first = await rebuild(reason: nil, changedAt: nil)
    if !first { log("The first build failed; serving the failures until a change fixes them.") }
    let actualPort = try await server.start(port: port)
    log("Serving \(generator.configuration.docsDisplayName) at http://127.0.0.1:\(actualPort)/ — watching for changes (Ctrl-C to stop)")
    let notifier = ChangeNotifier(folders: watchedFolders)
    while !Task.isCancelled {
      let woken = await notifier.wait(timeout: notifier.isEventDriven ? safetyPollInterval : pollInterval)
      if woken { notifier.watch(watchedFolders) }  // a new folder gets its watch before files land in it
      var current = FolderSnapshot.take(watchedFolders)
      guard current != snapshot else { continue }
      // Let a burst of saves settle (editors write, rename, touch) before building.
      if notifier.isEventDriven {
        let start = Date()
        while await notifier.wait(timeout: settleInterval), Date().timeIntervalSince(start) < settleLimit {}
        notifier.watch(watchedFolders)
      } else {
        try? await Task.sleep(nanoseconds: 50_000_000)
      }
      current = FolderSnapshot.take(watchedFolders)
      let (changed, newest) = current.changes(since: snapshot)
      snapshot = current
      let names = changed.map { String($0.drop(while: { $0 != ":" }).dropFirst().drop(while: { $0 == "/" })) }
      _ = await rebuild(reason: names, changedAt: newest)
    }
    await server.stop()
  }

  /// Builds and publishes; returns whether the build succeeded.
  @discardableResult
  public func rebuild(reason changed: [String]?, changedAt: Date?) async -> Bool {
    let generator = self.generator
    let result = await Task.detached { generator.build() }.value
    let ranPages = result.pages.filter(\.ranExamples).map(\.displayPath)
    let what = changed.map { "Changed: \($0.prefix(5).joined(separator: ", "))\($0.count > 5 ? ", …" : ""). " } ?? ""
    let ran = ranPages.isEmpty ? "no examples re-run"
      : ranPages.count <= 3 ? "ran the examples of \(ranPages.joined(separator: ", "))"
      : "ran the examples of \(ranPages.count) pages"
    guard result.succeeded, let files = result.files else {
      let report = Reporting.failureReport(result)
      let serving = hasGoodSite ? "still serving the last good site" : "nothing good to serve yet"
      log(what + "Build failed (\(ran)); \(serving).\n" + report)
      server.hub.broadcastFailure(report)
      return false
    }
    if let output {
      do {
        try SiteWriter.write(files, to: output)
      } catch {
        log(error.formatted)
      }
    }
    server.publish(files)
    hasGoodSite = true
    server.hub.broadcastReload()
    let pages = result.pages.count == 1 ? "1 page" : "\(result.pages.count) pages"
    var line = what + "Built \(pages) in \(String(format: "%.0f ms", result.seconds * 1000)) (\(ran))"
    if let changedAt {
      let latency = Date().timeIntervalSince(changedAt)
      line += "; reload sent \(String(format: "%.0f ms", latency * 1000)) after the change"
    }
    log(line + ".")
    return true
  }
}
