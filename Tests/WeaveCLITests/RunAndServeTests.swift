import Foundation
import XCTest
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// End-to-end tests of `weave run` and `weave serve`.
final class RunAndServeTests: XCTestCase {
  func testRunPassesArgumentsAndExitStatus() throws {
    let project = Project()
    project.write("prog.py", "import sys\nprint('args:', sys.argv[1:])\nprint(sum(range(5)))\nsys.exit(3)\n")
    let result = try project.weave("run", "prog.py", "one", "--two")
    XCTAssertEqual(result.stdout, "args: ['one', '--two']\n10\n")
    XCTAssertEqual(result.status, 3)
  }

  func testRunReadsTheProgramFromStandardInput() throws {
    let result = try Project().weave("run", "-", stdin: "def f(n):\n    return n * n\nprint(f(12))\n")
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(result.stdout, "144\n")
  }

  func testRunReportsAnUncaughtExceptionLikePython() throws {
    let project = Project()
    project.write("bad.py", "print('start')\nraise ValueError('nope')\n")
    let result = try project.weave("run", "bad.py")
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(result.stdout, "start\n")
    XCTAssertTrue(result.stderr.contains("ValueError: nope"), result.stderr)
  }

  func testRunOfAMissingFile() throws {
    let result = try Project().weave("run", "nope.py")
    XCTAssertEqual(result.status, 2)
    XCTAssertTrue(result.stderr.contains("nope.py"), result.stderr)
  }

  /// Starts `weave serve --port 0`, edits a page, and checks that only that
  /// page's examples re-run, the reload is announced, and a failure keeps the
  /// last good page served.
  func testServeRebuildsOnlyTheChangedPage() throws {
    let project = Project()
    Fixtures.passing(project)
    let (process, out, _) = try WeaveProcess.start(["serve", "--port", "0"], in: project.url)
    defer {
      if process.isRunning { process.terminate() }
      process.waitUntilExit()
    }
    let log = LineReader(out.fileHandleForReading)
    let serving = try XCTUnwrap(log.waitForLine(containing: "Serving Doc at http://127.0.0.1:", timeout: 60))
    let base = try XCTUnwrap(serving.range(of: "http://127.0.0.1:").map { serving[$0.lowerBound...].split(separator: "/").prefix(2).joined(separator: "/") })
    let page = try fetch("\(base)/guide/usage.html".replacingOccurrences(of: "http:/", with: "http://"))
    XCTAssertTrue(page.contains("/__weave/live.js"), "served pages get the live-reload script")
    XCTAssertTrue(page.contains("Usage"))

    Thread.sleep(forTimeInterval: 1.1)  // a later modification time than the first build saw
    project.write("Doc/guide/usage.md", Fixtures.passingGuide.replacingOccurrences(of: "# Usage", with: "# Usage, edited")
      .replacingOccurrences(of: "x = 1", with: "x = 2"))
    let rebuilt = try XCTUnwrap(log.waitForLine(containing: "reload sent", timeout: 60))
    XCTAssertTrue(rebuilt.contains("ran the examples of Doc/guide/usage.md)"), rebuilt)
    XCTAssertFalse(rebuilt.contains("Doc/index.md"), rebuilt)
    let edited = try fetch("\(base)/guide/usage.html".replacingOccurrences(of: "http:/", with: "http://"))
    XCTAssertTrue(edited.contains("Usage, edited"))

    project.write("Doc/guide/usage.md", "# Usage\n\n```pycon\n>>> 1 + 1\n3\n```\n")
    let failed = try XCTUnwrap(log.waitForLine(containing: "Build failed", timeout: 60))
    XCTAssertTrue(failed.contains("still serving the last good site"), failed)
    let failure = try XCTUnwrap(log.waitForLine(containing: "Doc/guide/usage.md:4: output differs", timeout: 10))
    XCTAssertFalse(failure.isEmpty)
    let stillGood = try fetch("\(base)/guide/usage.html".replacingOccurrences(of: "http:/", with: "http://"))
    XCTAssertTrue(stillGood.contains("Usage, edited"), "the last good site is still served")
  }

  func fetch(_ address: String) throws -> String {
    let semaphore = DispatchSemaphore(value: 0)
    let body = Box<String?>(nil)
    URLSession.shared.dataTask(with: URL(string: address)!) { data, _, _ in
      body.value = data.map { String(decoding: $0, as: UTF8.self) }
      semaphore.signal()
    }.resume()
    _ = semaphore.wait(timeout: .now() + 10)
    return try XCTUnwrap(body.value, "no answer from \(address)")
  }
}

/// Reads a child's output line by line with a deadline.
final class LineReader {
  private let handle: FileHandle
  private var buffer = ""
  private var lines: [String] = []
  private let lock = NSLock()
  private let available = DispatchSemaphore(value: 0)

  init(_ handle: FileHandle) {
    self.handle = handle
    DispatchQueue.global().async { [weak self] in
      while true {
        let data = handle.availableData
        guard let self, !data.isEmpty else { return }
        self.lock.lock()
        self.buffer += String(decoding: data, as: UTF8.self)
        while let newline = self.buffer.firstIndex(of: "\n") {
          self.lines.append(String(self.buffer[..<newline]))
          self.buffer = String(self.buffer[self.buffer.index(after: newline)...])
        }
        self.lock.unlock()
        self.available.signal()
      }
    }
  }

  /// Consumes lines until one contains `text`; nil on time-out.
  func waitForLine(containing text: String, timeout: Double) -> String? {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      lock.lock()
      while !lines.isEmpty {
        let line = lines.removeFirst()
        if line.contains(text) {
          lock.unlock()
          return line
        }
      }
      lock.unlock()
      if Date() > deadline { return nil }
      _ = available.wait(timeout: .now() + 0.2)
    }
  }
}
