import ArgumentParser

/// `weave`: a literate documentation site generator whose Python examples run
/// on the bundled runtime. Argument parsing only; the work is in SiteBuilder.
@main
struct Weave: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "weave",
    abstract: "Build documentation sites from Markdown and check every Python example in them.",
    discussion: """
      Exit status: 0 on success, 1 when an example, a link or a page fails (or the \
      docs folder is missing), 64 when the command line itself is wrong.
      """,
    subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, RunCommand.self]
  )
}
