import Foundation

/// How results are shown: terminal text, GitHub Actions annotations, JUnit XML.
public enum Reporting {
  /// Every failure in page order, each as `file:line: message` plus details.
  public static func failureReport(_ result: BuildResult) -> String {
    result.diagnostics.map { $0.formatted + "\n" }.joined(separator: "\n")
  }

  /// The last line of `weave check`: `N passed, N failed[, N skipped]`.
  public static func countsLine(_ result: BuildResult) -> String {
    var line = "\(result.passed) passed, \(result.failed) failed"
    if result.skipped > 0 { line += ", \(result.skipped) skipped" }
    return line
  }

  /// The one-line summary of a successful build.
  public static func buildSummary(_ result: BuildResult, output: String) -> String {
    let pages = result.pages.count
    var line = "Built \(pages) page\(pages == 1 ? "" : "s") into \(output): \(result.passed) example\(result.passed == 1 ? "" : "s") passed"
    if result.skipped > 0 { line += ", \(result.skipped) skipped" }
    return line + " in " + String(format: "%.2f s", result.seconds)
  }

  /// JUnit XML: one `<testsuite>` per page, one `<testcase>` per example named
  /// by its line; page problems (broken links, unreadable pages) are test
  /// cases of their own so CI shows them.
  public static func junitXML(_ result: BuildResult) -> String {
    var suites = ""
    var totalTests = 0, totalFailures = 0, totalSkipped = 0
    func suite(name: String, cases: [(name: String, line: Int?, seconds: Double, failures: [Diagnostic], skipped: Bool)]) {
      let failures = cases.filter { !$0.failures.isEmpty }.count
      let skipped = cases.filter(\.skipped).count
      let seconds = cases.reduce(0) { $0 + $1.seconds }
      totalTests += cases.count
      totalFailures += failures
      totalSkipped += skipped
      suites += "  <testsuite name=\"\(xml(name))\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\" time=\"\(String(format: "%.3f", seconds))\">\n"
      for testCase in cases {
        let lineAttribute = testCase.line.map { " line=\"\($0)\"" } ?? ""
        suites += "    <testcase classname=\"\(xml(name))\" name=\"\(xml(testCase.name))\" file=\"\(xml(name))\"\(lineAttribute) time=\"\(String(format: "%.3f", testCase.seconds))\""
        if testCase.failures.isEmpty && !testCase.skipped {
          suites += "/>\n"
          continue
        }
        suites += ">\n"
        if testCase.skipped { suites += "      <skipped/>\n" }
        for failure in testCase.failures {
          suites += "      <failure message=\"\(xml(failure.headline))\">\(xml(failure.formatted))</failure>\n"
        }
        suites += "    </testcase>\n"
      }
      suites += "  </testsuite>\n"
    }
    for problem in result.siteProblems {
      suite(name: problem.file, cases: [("site", problem.line, 0, [problem], false)])
    }
    for page in result.pages {
      var cases = page.problems.map { problem in
        (name: "line \(problem.line.map(String.init) ?? "?"): \(problem.message)", line: problem.line,
         seconds: 0.0, failures: [problem], skipped: false)
      }
      cases += page.examples.map {
        (name: "line \($0.line)", line: Optional($0.line), seconds: $0.seconds, failures: $0.failures,
         skipped: $0.status == .skipped)
      }
      suite(name: page.displayPath, cases: cases)
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      + "<testsuites name=\"weave\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" errors=\"0\" skipped=\"\(totalSkipped)\" time=\"\(String(format: "%.3f", result.seconds))\">\n"
      + suites + "</testsuites>\n"
  }

  static func xml(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "\n", "\t", "\r": result.unicodeScalars.append(scalar)
      default:
        // XML 1.0 forbids most control characters even as references.
        if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
          result += "?"
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }
}
