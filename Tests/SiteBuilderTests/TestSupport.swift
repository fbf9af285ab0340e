import Foundation
import XCTest
@testable import SiteBuilder

/// A scripted stand-in for the Python runtime: answers each run from a
/// table keyed by source, and records every call.
final class FakeRunner: ExampleRunner, @unchecked Sendable {
  struct Call: Equatable {
    var source: String
    var mode: ExampleRunMode
    var firstLine: Int
    var timeout: Double?
    var session: Int
  }

  private let lock = NSLock()
  private var _calls: [Call] = []
  private var sessionsMade = 0
  /// Source → result; a missing source completes and prints nothing.
  var responses: [String: ExampleRunResult]
  /// Sources after which the session reports it is no longer usable.
  var poisoning: Set<String> = []

  init(_ responses: [String: ExampleRunResult] = [:]) { self.responses = responses }

  var identity: String { "fake" }
  var calls: [Call] { lock.withLock { _calls } }
  var sessionCount: Int { lock.withLock { sessionsMade } }

  func makeSession(filename: String) -> any ExampleSession {
    let number = lock.withLock { () -> Int in
      sessionsMade += 1
      return sessionsMade
    }
    return FakeSession(runner: self, number: number)
  }

  fileprivate func record(_ call: Call) -> ExampleRunResult {
    lock.withLock { _calls.append(call) }
    return responses[call.source] ?? ExampleRunResult(outcome: .completed)
  }
}

private final class FakeSession: ExampleSession {
  let runner: FakeRunner
  let number: Int
  var isUsable = true
  init(runner: FakeRunner, number: Int) {
    self.runner = runner
    self.number = number
  }
  func run(_ source: String, mode: ExampleRunMode, firstLine: Int, timeout: Double?) -> ExampleRunResult {
    if runner.poisoning.contains(source) { isUsable = false }
    return runner.record(.init(source: source, mode: mode, firstLine: firstLine, timeout: timeout, session: number))
  }
  func close() {}
}

func printed(_ stdout: String) -> ExampleRunResult { ExampleRunResult(outcome: .completed, stdout: stdout) }

func raised(_ lastLine: String, line: Int? = nil, stdout: String = "") -> ExampleRunResult {
  let type = String(lastLine.split(separator: ":").first ?? "")
  return ExampleRunResult(
    outcome: .exception(typeName: type, lastLine: lastLine,
                        traceback: "Traceback (most recent call last):\n  File \"page.md\", line \(line ?? 0), in <module>\n\(lastLine)\n",
                        line: line),
    stdout: stdout)
}

/// Parses Markdown and extracts its examples.
func extract(_ markdown: String) -> ExampleExtractor.Extraction {
  ExampleExtractor.extract(from: CMarkParser.parse(markdown).document)
}

/// A temporary folder with files, removed at the end of the test.
final class TemporaryFolder {
  let url: URL
  init() {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("weave-tests-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }
  deinit { try? FileManager.default.removeItem(at: url) }

  @discardableResult
  func write(_ path: String, _ text: String) -> URL { write(path, Data(text.utf8)) }

  @discardableResult
  func write(_ path: String, _ data: Data) -> URL {
    let file = url.appendingPathComponent(path)
    try! FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try! data.write(to: file)
    return file
  }

  func read(_ path: String) -> String? {
    FileManager.default.contents(atPath: url.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
  }
}
