import Foundation

/// Example results of pages whose examples did not change, keyed by a hash of
/// everything that decides them: the runtime, the time limit, the page's name
/// and all its examples in order (they share one `__main__`, so a change to one
/// example can change the next). Line numbers are left out of the key, so
/// editing prose above an example does not re-run it. `weave serve` keeps one
/// across rebuilds, so editing one page never re-runs another page's examples.
public final class ExampleResultCache: @unchecked Sendable {
  private let lock = NSLock()
  private var results: [UInt64: [ExampleResult]] = [:]

  public init() {}

  public static func key(runner: String, timeout: Double, page: Page) -> UInt64 {
    fnv1a("\(runner)\u{0}\(timeout)\u{0}\(page.displayPath)\u{0}\(page.examplesFingerprint)")
  }

  /// Cached results, renumbered with the examples' current lines.
  public func results(for key: UInt64, examples: [Example]) -> [ExampleResult]? {
    lock.lock()
    let cached = results[key]
    lock.unlock()
    guard let cached, cached.count == examples.count else { return nil }
    return zip(examples, cached).map { ExampleResult(line: $0.line, status: $1.status, seconds: $1.seconds) }
  }

  /// Only passing pages are kept: a failure may be a flaky time-out, and the
  /// page being fixed is the one re-run anyway.
  public func store(_ pageResults: [ExampleResult], for key: UInt64) {
    guard !pageResults.contains(where: { $0.status == .failed }) else { return }
    lock.lock()
    defer { lock.unlock() }
    results[key] = pageResults
  }
}

/// FNV-1a, 64 bits: a stable hash (Swift's `Hasher` is seeded per process).
func fnv1a(_ text: String) -> UInt64 {
  var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
  return hash
}

extension ExampleFlags {
  var cacheText: String {
    "\(enabled.rawValue),\(disabled.rawValue),\(skip),\(hidden),\(timeout.map { "\($0)" } ?? "-")"
  }
}

extension Example {
  /// Everything that decides the example's result, without line numbers.
  func appendCacheText(to text: inout String) {
    text += "\u{1}" + flags.cacheText
    switch body {
    case .session(let statements):
      for statement in statements {
        text += "\u{2}" + statement.source + "\u{3}" + statement.expected + "\u{3}" + statement.flags.cacheText
      }
    case .script(let code, let expected):
      text += "\u{4}" + code
      if let expected { text += "\u{3}" + expected.text + "\u{3}" + expected.flags.cacheText }
    }
  }
}
