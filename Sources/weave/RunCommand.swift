import ArgumentParser
import Foundation
import PythonRuntime

struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run a Python program on the bundled runtime, like `python3 FILE`.",
    discussion: "Arguments after FILE become sys.argv[1:]. The exit status is the program's.")

  @Argument(help: "The program to run, or - to read it from standard input.")
  var file: String

  @Argument(parsing: .captureForPassthrough, help: "Arguments for the program (sys.argv[1:]).")
  var arguments: [String] = []

  func run() throws {
    let source: String
    let filename: String
    if file == "-" {
      source = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
      filename = "<stdin>"
    } else {
      // Like CPython since 3.9: tracebacks and `__file__` name the script by
      // its absolute path; sys.argv[0] stays as typed.
      let path = URL(fileURLWithPath: file).standardizedFileURL.path
      guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("weave run: can't open file '\(path)': [Errno 2] No such file or directory\n".utf8))
        throw ExitCode(2)
      }
      guard let text = String(data: data, encoding: .utf8) else {
        FileHandle.standardError.write(Data("weave run: '\(file)' is not valid UTF-8\n".utf8))
        throw ExitCode(1)
      }
      source = text
      filename = path
    }
    let status = PythonProgram.run(source: source, filename: filename, argv: [file] + arguments)
    if status != 0 { throw ExitCode(status) }
  }
}
