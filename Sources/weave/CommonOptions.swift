import ArgumentParser
import Foundation
import SiteBuilder

/// The docs folder and the options of every command that runs examples.
struct DocsOptions: ParsableArguments {
  @Argument(help: "The folder of Markdown pages.")
  var docs: String = "Doc"

  @Option(name: .long, help: ArgumentHelp("Default time limit per example, in seconds.", valueName: "seconds"))
  var timeout: Double = 10

  @Option(name: .long, help: ArgumentHelp("Pages whose examples run at the same time (default: number of cores).", valueName: "n"))
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  func validate() throws {
    guard timeout > 0, timeout.isFinite else { throw ValidationError("--timeout must be a positive number of seconds") }
    guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
  }

  var docsURL: URL { URL(fileURLWithPath: docs) }

  func configuration(theme: String? = nil) -> BuildConfiguration {
    BuildConfiguration(docs: docsURL, docsDisplayName: docs, timeout: timeout,
                       theme: theme.map { URL(fileURLWithPath: $0) }, jobs: jobs)
  }
}

/// Unbuffered output, so failures and summaries appear in the order written.
enum Console {
  static func out(_ text: String) {
    FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
  }

  static func error(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
  }

  /// Prints failures to stderr, and as workflow commands on GitHub Actions.
  static func report(_ result: BuildResult) {
    guard !result.diagnostics.isEmpty else { return }
    error(Reporting.failureReport(result))
    if ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true" {
      for diagnostic in result.diagnostics { out(diagnostic.githubAnnotation) }
    }
  }
}
