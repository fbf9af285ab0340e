import Foundation
import XCTest
@testable import PythonRuntime

/// Runs Python source on a fresh session and returns what it printed.
func runPython(_ source: String, timeout: Double = 20) -> RunResult {
  let session = PythonSession(filename: "<test>")
  defer { session.close() }
  return session.run(source, mode: .exec, firstLine: 1, timeout: timeout)
}

/// Asserts that `source` runs without an uncaught exception and prints `expected`.
func assertPrints(_ source: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
  let r = runPython(source)
  if case .exception(let e) = r.outcome {
    XCTFail("uncaught exception:\n\(e.traceback)", file: file, line: line)
    return
  }
  if case .syntaxError(let e) = r.outcome {
    XCTFail("syntax error: \(e.formatted)", file: file, line: line)
    return
  }
  XCTAssertEqual(r.output.stdout, expected, file: file, line: line)
}

/// Asserts that `source` raises an exception whose last traceback line is `lastLine`.
func assertRaises(_ source: String, _ lastLine: String, file: StaticString = #filePath, line: UInt = #line) {
  let r = runPython(source)
  guard case .exception(let e) = r.outcome else {
    XCTFail("expected \(lastLine), got \(r.outcome)", file: file, line: line)
    return
  }
  XCTAssertEqual(e.lastLine, lastLine, file: file, line: line)
}

/// The folder of Python test programs (`NAME.py` with expected stdout in `NAME.out`).
var programsDirectory: URL {
  URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Programs")
}
