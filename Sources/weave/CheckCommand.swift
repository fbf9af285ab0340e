import ArgumentParser
import Foundation
import SiteBuilder

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Run the examples of the docs without building the site.",
    discussion: "The last line printed is always `N passed, N failed` (`, N skipped` when any were skipped).")

  @OptionGroup var docsOptions: DocsOptions

  @Option(name: .long, help: ArgumentHelp("Also write the results as JUnit XML to this file.", valueName: "file"))
  var junit: String?

  func run() throws {
    let generator = SiteGenerator(configuration: docsOptions.configuration(),
                                  runner: RuntimeBridge.exampleRunner())
    let result = generator.check()
    Console.report(result)
    if let junit {
      do {
        try Data(Reporting.junitXML(result).utf8).write(to: URL(fileURLWithPath: junit), options: .atomic)
      } catch {
        Console.error("\(junit): cannot write the JUnit report: \(error.localizedDescription)")
        Console.out(Reporting.countsLine(result))
        throw ExitCode.failure
      }
    }
    Console.out(Reporting.countsLine(result))
    if !result.succeeded { throw ExitCode.failure }
  }
}
