import ArgumentParser
import Foundation
import SiteBuilder

struct BuildCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Render the docs to a static HTML site, running every example.",
    discussion: """
      Every .md page under DOCS becomes an .html page (subfolders kept); other files are \
      copied. When an example, a link or a page fails, the failures are printed as \
      page.md:LINE with a diff, the exit status is 1 and the output folder is left exactly \
      as it was.
      """)

  @OptionGroup var docsOptions: DocsOptions

  @Option(name: .long, help: ArgumentHelp("Where to write the site.", valueName: "folder"))
  var output: String = "site"

  @Option(name: .long, help: ArgumentHelp("A folder whose files override the default theme (page.mustache, weave.css, weave.js).", valueName: "folder"))
  var theme: String?

  func validate() throws {
    do {
      try SiteWriter.validate(output: URL(fileURLWithPath: output), docs: docsOptions.docsURL)
    } catch {
      throw ValidationError(error.message + " (\(output))")
    }
  }

  func run() throws {
    let generator = SiteGenerator(configuration: docsOptions.configuration(theme: theme),
                                  runner: RuntimeBridge.exampleRunner(), highlighter: RuntimeBridge.highlighter())
    let result = generator.build()
    guard result.succeeded, let files = result.files else {
      Console.report(result)
      Console.error("Build failed: \(result.failed) problem\(result.failed == 1 ? "" : "s") (\(Reporting.countsLine(result))). \(output) was not changed.")
      throw ExitCode.failure
    }
    do {
      try SiteWriter.write(files, to: URL(fileURLWithPath: output))
    } catch {
      Console.error(error.formatted)
      throw ExitCode.failure
    }
    Console.out(Reporting.buildSummary(result, output: output))
  }
}
