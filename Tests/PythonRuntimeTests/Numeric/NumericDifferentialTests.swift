import Foundation
import XCTest
@testable import PythonRuntime

/// Namespace of the checked-in differential tables (one generated file per
/// kind, `NumericFixtures_<kind>.swift`, written by
/// `.generator/numeric_cases.py fixtures` from CPython's own results).
enum NumericFixtures {
  /// Decodes a table: one JSON array per line, expected result last.
  static func cases(_ table: String) -> [(input: [String], expected: String)] {
    table.split(separator: "\n").map { line in
      let row = try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String]
      return (Array(row.dropLast()), row.last!)
    }
  }
}

/// Runs every checked-in case through the library and compares with what
/// CPython printed.
final class NumericDifferentialTests: XCTestCase {
  private func check(_ table: String, minimum: Int, file: StaticString = #filePath, line: UInt = #line) {
    let cases = NumericFixtures.cases(table)
    XCTAssertGreaterThanOrEqual(cases.count, minimum, "fixture table is too small", file: file, line: line)
    var failures = 0
    for (input, expected) in cases {
      let got = NumericCaseRunner.run(input)
      if got != expected {
        failures += 1
        if failures <= 20 {
          XCTFail("\(input): expected \(expected.debugDescription), got \(got.debugDescription)", file: file, line: line)
        }
      }
    }
    XCTAssertEqual(failures, 0, "\(failures) of \(cases.count) cases differ from CPython", file: file, line: line)
  }

  func testFloatRepr() { check(NumericFixtures.repr, minimum: 3000) }
  func testFormatFloat() { check(NumericFixtures.fmtf, minimum: 6000) }
  func testFormatInt() { check(NumericFixtures.fmti, minimum: 4000) }
  func testFormatString() { check(NumericFixtures.fmts, minimum: 1500) }
  func testStringRepr() { check(NumericFixtures.srepr, minimum: 1500) }
  func testBytesRepr() { check(NumericFixtures.brepr, minimum: 500) }
  func testParseInt() { check(NumericFixtures.int, minimum: 3000) }
  func testParseFloat() { check(NumericFixtures.float, minimum: 2000) }
  func testIntToString() { check(NumericFixtures.istr, minimum: 400) }
  func testRound() { check(NumericFixtures.round, minimum: 3000) }
  func testHash() { check(NumericFixtures.hash, minimum: 1900) }
  func testFloatMethods() { check(NumericFixtures.floatmethods, minimum: 2500) }
  func testIntMethods() { check(NumericFixtures.intmethods, minimum: 2500) }
  func testArithmetic() { check(NumericFixtures.arith, minimum: 4000) }
  func testPercentFormat() { check(NumericFixtures.pct, minimum: 3000) }

  /// Opt-in randomized run against the python3 on this machine:
  /// `NUMERIC_LIVE=20000 swift test --filter NumericDifferentialTests`
  /// (optional `NUMERIC_LIVE_SEED`, `NUMERIC_PYTHON`). Fresh cases each
  /// run; prints how many were checked.
  func testLiveAgainstPython() throws {
    let env = ProcessInfo.processInfo.environment
    guard let countText = env["NUMERIC_LIVE"], let count = Int(countText) else {
      throw XCTSkip("set NUMERIC_LIVE=<cases per kind> to run against python3")
    }
    let seed = env["NUMERIC_LIVE_SEED"] ?? String(Int.random(in: 0..<1 << 30))
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent(".generator/numeric_cases.py")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [env["NUMERIC_PYTHON"] ?? "python3", script.path, "dump", "all", String(count), seed]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 0)
    var total = 0
    var failures = 0
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
      let row = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String]
      let input = Array(row.dropFirst().dropLast())
      let got = NumericCaseRunner.run(input)
      total += 1
      if got != row.last! {
        failures += 1
        if failures <= 30 { XCTFail("seed \(seed) \(input): expected \(row.last!.debugDescription), got \(got.debugDescription)") }
      }
    }
    print("live differential (seed \(seed)): \(total - failures) passed, \(failures) failed")
    XCTAssertEqual(failures, 0)
  }
}
