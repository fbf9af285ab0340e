import Foundation
import XCTest
@testable import PythonRuntime

/// Runs every `Programs/**/NAME.py` and compares its stdout with `NAME.out`
/// (the exact output of CPython). One failure is reported per program, with
/// a line-by-line comparison.
final class ProgramTests: XCTestCase {
  func testPrograms() throws {
    let fm = FileManager.default
    guard let walker = fm.enumerator(at: programsDirectory, includingPropertiesForKeys: nil) else {
      return XCTFail("no Programs folder at \(programsDirectory.path)")
    }
    var count = 0
    for case let url as URL in walker where url.pathExtension == "py" {
      let expectedURL = url.deletingPathExtension().appendingPathExtension("out")
      guard let expected = try? String(contentsOf: expectedURL, encoding: .utf8) else { continue }
      let source = try String(contentsOf: url, encoding: .utf8)
      let session = PythonSession(filename: url.lastPathComponent)
      let result = session.run(source, mode: .exec, firstLine: 1, timeout: 60)
      session.close()
      count += 1
      let name = url.path.replacingOccurrences(of: programsDirectory.path + "/", with: "")
      if case .exception(let e) = result.outcome {
        XCTFail("\(name): uncaught exception\n\(e.traceback)\nstdout so far:\n\(result.output.stdout)")
        continue
      }
      if case .syntaxError(let e) = result.outcome {
        XCTFail("\(name): \(e.formatted)")
        continue
      }
      if result.output.stdout != expected {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = result.output.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        var report = ""
        for i in 0..<max(a.count, b.count) {
          let x = i < a.count ? String(a[i]) : "<missing>"
          let y = i < b.count ? String(b[i]) : "<missing>"
          if x != y { report += "  line \(i + 1):\n    expected: \(x)\n    actual:   \(y)\n" }
        }
        XCTFail("\(name): output differs\n\(report)")
      }
    }
    XCTAssertGreaterThan(count, 0, "no programs found")
  }
}
