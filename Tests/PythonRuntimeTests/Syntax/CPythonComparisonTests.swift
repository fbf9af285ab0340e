import Foundation
import XCTest
@testable import PythonRuntime

/// Parses real Python and compares `dumpAST` with the tree CPython builds,
/// printed by `cpython_dump.py` (next to this file) in the same normal form.
/// For ASCII-only files the source positions of every node are compared too
/// (CPython counts columns in UTF-8 bytes, the AST here in scalars).
///
/// By default: every file of `shared/conformance` and `shared/bench`, plus a
/// fixed sample of CPython's standard library. Set `WEAVE_PARSER_FULL_STDLIB=1`
/// to compare the whole standard library (~1800 files, ~30 MB).
/// Skipped when `python3` is not available.
final class CPythonComparisonTests: XCTestCase {
  static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

  /// Standard-library files compared by default: large, syntax-heavy ones.
  static let stdlibSample = [
    "ast.py", "dataclasses.py", "enum.py", "typing.py", "functools.py", "inspect.py", "argparse.py",
    "string.py", "textwrap.py", "fractions.py", "decimal.py", "_pydecimal.py", "asyncio/tasks.py",
    "asyncio/base_events.py", "concurrent/futures/thread.py", "json/decoder.py", "re/_parser.py",
    "test/test_grammar.py", "test/test_patma.py", "test/test_fstring.py", "test/test_unpack_ex.py",
    "test/test_coroutines.py", "test/test_named_expressions.py", "test/test_positional_only_arg.py",
    "test/test_keywordonlyarg.py", "test/test_string_literals.py", "test/test_except_star.py",
    "test/test_syntax.py", "test/test_genexps.py", "test/test_unicode_identifiers.py",
    "lib2to3/tests/data/py3_test_grammar.py", "test/test_tokenize.py", "pydoc_data/topics.py",
  ]

  func testSharedProgramsAndStdlibSampleMatchCPython() throws {
    let python = try pythonOrSkip()
    var files: [String] = []
    if let shared = Self.sharedDirectory() {
      for folder in ["conformance", "bench"] {
        files += Self.pythonFiles(under: shared.appendingPathComponent(folder))
      }
      XCTAssertFalse(files.isEmpty, "no Python files found under \(shared.path)")
    }
    if let stdlib = try Self.stdlibDirectory(python) {
      files += Self.stdlibSample.map { stdlib.appendingPathComponent($0).path }
        .filter { FileManager.default.fileExists(atPath: $0) }
    }
    let result = try compare(files, python: python)
    XCTAssertGreaterThan(result.identical, 40)
  }

  func testWholeStandardLibraryMatchesCPython() throws {
    guard ProcessInfo.processInfo.environment["WEAVE_PARSER_FULL_STDLIB"] == "1" else {
      throw XCTSkip("set WEAVE_PARSER_FULL_STDLIB=1 to compare the whole standard library")
    }
    let python = try pythonOrSkip()
    guard let stdlib = try Self.stdlibDirectory(python) else { throw XCTSkip("no stdlib found") }
    // Python lists the files: FileManager's enumerator gives up early in this tree.
    let listing = try Self.runProgram(python, ["-c", """
      import os, sys
      for root, dirs, names in os.walk(sys.argv[1]):
          dirs[:] = sorted(d for d in dirs if d != "site-packages")
          for name in sorted(names):
              if name.endswith(".py"):
                  print(os.path.join(root, name))
      """, stdlib.path], input: "")
    let files = listing.split(separator: "\n").map(String.init)
    let result = try compare(files, python: python)
    print("stdlib: \(result.identical) identical of \(files.count) files, \(result.skipped) skipped "
          + "(rejected by CPython or not UTF-8); \(result.bytes) bytes parsed in "
          + String(format: "%.2f s (%.1f MB/s)", result.seconds, Double(result.bytes) / result.seconds / 1e6))
  }

  // MARK: - Helpers

  struct Result {
    var identical = 0
    var skipped = 0
    var bytes = 0
    var seconds = 0.0
  }

  private func compare(_ files: [String], python: String) throws -> Result {
    let asciiFiles = Set(files.filter { path in
      FileManager.default.contents(atPath: path)?.allSatisfy { $0 < 0x80 } ?? false
    })
    var expected = try cpythonDumps(files.filter { !asciiFiles.contains($0) }, python: python, positions: false)
    expected.merge(try cpythonDumps(files.filter { asciiFiles.contains($0) }, python: python, positions: true)) { a, _ in a }
    var result = Result()
    for path in files {
      guard let data = FileManager.default.contents(atPath: path),
            let source = String(data: data, encoding: .utf8) else {
        result.skipped += 1
        continue
      }
      guard let theirs = expected[path] else {
        XCTFail("no CPython output for \(path)")
        continue
      }
      if theirs.hasPrefix("ERR ") {
        // CPython rejects it (bad encoding declarations, Python 2 syntax, ...).
        result.skipped += 1
        continue
      }
      let start = Date()
      let ours: String
      do {
        let tree = try parsePython(source, mode: .exec, filename: path)
        ours = "OK " + dumpAST(tree, asciiOnly: true, positions: asciiFiles.contains(path))
      } catch {
        XCTFail("\(path): \(error)")
        continue
      }
      result.seconds += Date().timeIntervalSince(start)
      result.bytes += data.count
      if ours == theirs {
        result.identical += 1
      } else {
        XCTFail("\(path): AST differs from CPython's at \(firstDifference(ours, theirs))")
      }
    }
    return result
  }

  private func firstDifference(_ a: String, _ b: String) -> String {
    let x = Array(a.utf8), y = Array(b.utf8)
    var i = 0
    while i < min(x.count, y.count) && x[i] == y[i] { i += 1 }
    let from = max(0, i - 80)
    return "offset \(i):\n ours:   \(String(decoding: x[from..<min(x.count, i + 80)], as: UTF8.self))\n"
      + " theirs: \(String(decoding: y[from..<min(y.count, i + 80)], as: UTF8.self))"
  }

  private func cpythonDumps(_ files: [String], python: String, positions: Bool) throws -> [String: String] {
    if files.isEmpty { return [:] }
    let helper = Self.testsDirectory.appendingPathComponent("cpython_dump.py").path
    let output = try Self.runProgram(python, [helper, "--ascii"] + (positions ? ["--positions"] : []) + ["-"],
                                     input: files.joined(separator: "\n"))
    var dumps: [String: String] = [:]
    var path = ""
    for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("FILE ") {
        path = String(line.dropFirst(5))
      } else if line.hasPrefix("OK ") || line.hasPrefix("ERR ") {
        dumps[path] = String(line)
      }
    }
    return dumps
  }

  private func pythonOrSkip() throws -> String {
    for candidate in Self.pathCandidates() + ["/usr/local/bin/python3", "/usr/bin/python3"]
    where FileManager.default.isExecutableFile(atPath: candidate) {
      return candidate
    }
    throw XCTSkip("python3 not found")
  }

  private static func pathCandidates() -> [String] {
    (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/python3" }
  }

  private static func stdlibDirectory(_ python: String) throws -> URL? {
    let path = try runProgram(python, ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], input: "")
      .trimmingCharacters(in: .whitespacesAndNewlines)
    return path.isEmpty ? nil : URL(fileURLWithPath: path)
  }

  /// `shared/` beside the repository (or `WEAVE_SHARED_DIR`).
  static func sharedDirectory() -> URL? {
    if let explicit = ProcessInfo.processInfo.environment["WEAVE_SHARED_DIR"] {
      return URL(fileURLWithPath: explicit)
    }
    var directory = testsDirectory
    for _ in 0..<6 {
      directory = directory.deletingLastPathComponent()
      let candidate = directory.appendingPathComponent("shared/conformance")
      if FileManager.default.fileExists(atPath: candidate.path) {
        return candidate.deletingLastPathComponent()
      }
    }
    return nil
  }

  static func pythonFiles(under directory: URL) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
    var files: [String] = []
    while let relative = enumerator.nextObject() as? String {
      if relative.hasSuffix(".py") { files.append(directory.appendingPathComponent(relative).path) }
    }
    return files.sorted()
  }

  /// Runs a program and returns its standard output.
  static func runProgram(_ executable: String, _ arguments: [String], input: String) throws -> String {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: executable)
  process.arguments = arguments
  let stdin = Pipe(), stdout = Pipe()
  process.standardInput = stdin
  process.standardOutput = stdout
  try process.run()
  let writer = Thread {
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try? stdin.fileHandleForWriting.close()
  }
  writer.start()
  let data = stdout.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return String(decoding: data, as: UTF8.self)
  }
}
