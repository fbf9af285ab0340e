import ArgumentParser
import Foundation
import SiteBuilder

struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Preview the site on 127.0.0.1, rebuilding and reloading the browser on every change.",
    discussion: """
      Only the examples of pages whose examples changed are run again. A failed rebuild \
      is shown in the terminal and over the page in the browser, and the last good site \
      stays served.
      """)

  @OptionGroup var docsOptions: DocsOptions

  @Option(name: .long, help: "Port on 127.0.0.1 (0 picks a free one).")
  var port: UInt16 = 8000

  @Option(name: .long, help: ArgumentHelp("Also write each good build to this folder (default: keep it in memory).", valueName: "folder"))
  var output: String?

  @Option(name: .long, help: ArgumentHelp("A folder whose files override the default theme; it is watched too.", valueName: "folder"))
  var theme: String?

  func validate() throws {
    if let output {
      do {
        try SiteWriter.validate(output: URL(fileURLWithPath: output), docs: docsOptions.docsURL)
      } catch {
        throw ValidationError(error.message + " (\(output))")
      }
    }
  }

  func run() async throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: docsOptions.docs, isDirectory: &isDirectory), isDirectory.boolValue else {
      Console.error("\(docsOptions.docs): documentation folder not found")
      throw ExitCode.failure
    }
    let session = PreviewSession(configuration: docsOptions.configuration(theme: theme),
                                 runner: RuntimeBridge.exampleRunner(), highlighter: RuntimeBridge.highlighter(),
                                 output: output.map { URL(fileURLWithPath: $0) },
                                 log: { Console.out($0) })
    do {
      try await session.run(port: port)
    } catch {
      Console.error("Cannot serve on 127.0.0.1:\(port): \(error)")
      throw ExitCode.failure
    }
  }
}
