import Foundation

/// Everything a build or a check found out about one page.
public struct PageReport: Sendable {
  public var path: String
  public var displayPath: String
  /// Problems that are not example failures: unreadable page, unterminated
  /// fence, malformed example, broken link.
  public var problems: [Diagnostic]
  public var examples: [ExampleResult]
  /// False when the results came from the cache.
  public var ranExamples: Bool

  public var failures: [Diagnostic] {
    (problems + examples.flatMap(\.failures)).sorted { ($0.line ?? 0) < ($1.line ?? 0) }
  }
}

/// The outcome of `check` or `build`.
public struct BuildResult: Sendable {
  public var pages: [PageReport]
  /// Problems that belong to no page: the docs folder, the theme, the navigation.
  public var siteProblems: [Diagnostic]
  /// The generated site, when the build rendered one (only when nothing failed).
  public var files: [String: SiteFile]?
  public var seconds: Double

  public var diagnostics: [Diagnostic] { siteProblems + pages.flatMap(\.failures) }
  public var succeeded: Bool { diagnostics.isEmpty }
  public var passed: Int { count(.passed) }
  public var skipped: Int { count(.skipped) }
  /// Failed examples plus every other problem (each one fails the build).
  public var failed: Int { count(.failed) + siteProblems.count + pages.reduce(0) { $0 + $1.problems.count } }

  private func count(_ status: ExampleResult.Status) -> Int {
    pages.reduce(0) { $0 + $1.examples.filter { $0.status == status }.count }
  }
}
