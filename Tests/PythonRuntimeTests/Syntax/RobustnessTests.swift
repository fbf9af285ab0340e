import Foundation
import XCTest
@testable import PythonRuntime

/// The parser must never crash its host: deep nesting fails cleanly, and
/// arbitrary bytes or truncated programs give a SyntaxError, not a trap.
final class RobustnessTests: XCTestCase {
  private func outcome(_ source: String) -> SyntaxErrorInfo.Kind? {
    do {
      _ = try parsePython(source, mode: .exec, filename: "<fuzz>")
      return nil
    } catch {
      return error.kind
    }
  }

  func testDeepNestingFailsWithRecursionError() {
    let n = 20_000  // far past every limit; larger inputs only cost test time
    let shapes: [String] = [
      String(repeating: "-", count: n) + "1",
      String(repeating: "not ", count: n) + "x",
      String(repeating: "lambda: ", count: n) + "1",
      String(repeating: "a if b else ", count: n) + "c",
      "1" + String(repeating: " + 1", count: n),
      "x" + String(repeating: ".a", count: n),
      "f" + String(repeating: "()", count: n),
      "x" + String(repeating: "[0]", count: n),
      String(repeating: "2 ** ", count: n) + "2",
      String(repeating: "await ", count: 2) + "x",
      // Nested brackets are capped at 200, but chains inside them still build deep trees.
      String(repeating: "(", count: 150) + "1" + String(repeating: "+1", count: 5_000) + String(repeating: ")", count: 150),
      String(repeating: "(1+", count: 150) + "1" + String(repeating: "+1)", count: 150)
        + String(repeating: "+1", count: 2_000),
    ]
    for source in shapes {
      let kind = outcome(source)
      XCTAssertTrue(kind == .recursion || kind == .syntax, "\(source.prefix(30))…: \(String(describing: kind))")
    }
    XCTAssertEqual(outcome(String(repeating: "-", count: n) + "1"), .recursion)
    // Moderate depths are fine.
    XCTAssertNil(outcome(String(repeating: "-", count: 500) + "1"))
    XCTAssertNil(outcome(String(repeating: "lambda: ", count: 500) + "1"))
    XCTAssertNil(outcome("1" + String(repeating: " + 1", count: 900)))
  }

  func testDeepNestingOnASmallThreadStack() {
    // A thread with a 512 KB stack: the stack guard must stop the parser first.
    let sources = [
      String(repeating: "(", count: 199) + String(repeating: ")", count: 199),
      String(repeating: "[", count: 199) + String(repeating: "]", count: 199),
      String(repeating: "lambda: ", count: 990) + "1",
      String(repeating: "{1: ", count: 199) + String(repeating: "}", count: 199),
      String(repeating: "f(", count: 199) + String(repeating: ")", count: 199),
    ]
    // Results cross from the worker thread through a box; the semaphore
    // orders the writes before the reads.
    final class Outcomes: @unchecked Sendable { var kinds: [SyntaxErrorInfo.Kind?] = [] }
    let box = Outcomes()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      for source in sources { box.kinds.append(self.outcome(source)) }
      done.signal()
    }
    thread.stackSize = 512 * 1024
    thread.start()
    done.wait()
    for (source, kind) in zip(sources, box.kinds) {
      XCTAssertTrue(kind == nil || kind == .recursion, "\(source.prefix(20)): \(String(describing: kind))")
    }
  }

  /// A small deterministic generator, so failures reproduce.
  struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static let corpus: [String] = {
    var sources = ParserTests.cases.map(\.source)
    if let shared = CPythonComparisonTests.sharedDirectory() {
      for path in CPythonComparisonTests.pythonFiles(under: shared.appendingPathComponent("conformance")).prefix(8) {
        if let text = try? String(contentsOfFile: path, encoding: .utf8) { sources.append(text) }
      }
    }
    return sources
  }()

  func testFuzzRandomBytesAndTruncations() {
    var rng = SplitMix64(state: 2024)
    let alphabet = Array("abcxyz_019 \t\n\\'\"#()[]{}:;,.+-*/%@=<>!&|^~`$?éλ…\u{0C}\r".unicodeScalars)
    let words = ["if", "else", "elif", "for", "in", "def", "class", "lambda", "match", "case", "try", "except",
                 "with", "as", "yield", "await", "async", "f'{", "}'", "'''", "\"", "(", ")", "[", "]", "{", "}",
                 ":", "=", ":=", "**", "*", ",", "\n", "    ", "\\\n", "x", "1", "0x", "1e", "j", "not", "is", "@"]
    var inputs: [String] = []
    for _ in 0..<200 {
      var scalars = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 1...80, using: &rng) { scalars.append(alphabet.randomElement(using: &rng)!) }
      inputs.append(String(scalars))
      inputs.append((0..<Int.random(in: 1...40, using: &rng)).map { _ in words.randomElement(using: &rng)! }
        .joined(separator: Bool.random(using: &rng) ? " " : ""))
    }
    for source in Self.corpus {
      let scalars = Array(source.unicodeScalars)
      for _ in 0..<4 where !scalars.isEmpty {
        let cut = Int.random(in: 0...scalars.count, using: &rng)
        inputs.append(String(String.UnicodeScalarView(scalars[..<cut])))
        // Also drop one random character from the middle.
        var mutated = scalars
        mutated.remove(at: Int.random(in: 0..<scalars.count, using: &rng))
        inputs.append(String(String.UnicodeScalarView(mutated)))
      }
    }
    for input in inputs {
      for mode in [ParseMode.exec, .single, .eval] {
        do {
          _ = try parsePython(input, mode: mode, filename: "<fuzz>")
        } catch {
          XCTAssertGreaterThanOrEqual(error.lineno, 0)
          XCTAssertFalse(error.msg.isEmpty)
        }
      }
      XCTAssertEqual(highlightPython(input).map(\.text).joined(), input)
    }
  }
}
