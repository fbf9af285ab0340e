#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Writes to the process's own stdout and stderr (`weave run`). Standard
/// output is buffered (flushed when large, before anything goes to stderr,
/// and at exit); a terminal gets it line by line.
final class ProcessOutput: OutputSink, @unchecked Sendable {
  private let lock = Mutex<[UInt8]>([])
  private let stdoutIsTTY = isatty(1) != 0

  func write(_ stream: StdStream, _ text: String) {
    switch stream {
    case .stdout:
      let flushNow: Bool = lock.withLock { buf in
        buf.append(contentsOf: text.utf8)
        return buf.count > 1 << 16 || (stdoutIsTTY && text.contains("\n"))
      }
      if flushNow { flush() }
    case .stderr:
      flush()
      ProcessOutput.writeAll(2, Array(text.utf8))
    }
  }

  func flush() {
    let data: [UInt8] = lock.withLock { buf in
      let d = buf
      buf.removeAll(keepingCapacity: true)
      return d
    }
    if !data.isEmpty { ProcessOutput.writeAll(1, data) }
  }

  static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
    bytes.withUnsafeBytes { raw in
      var off = 0
      while off < raw.count {
        let n = Glibc.write(fd, raw.baseAddress! + off, raw.count - off)
        if n <= 0 {
          if n < 0 && errno == EINTR { continue }
          return
        }
        off += n
      }
    }
  }
}

/// Collects output in memory (one documentation page's run).
final class CaptureOutput: OutputSink, @unchecked Sendable {
  private let state = Mutex<(out: String, err: String)>(("", ""))

  func write(_ stream: StdStream, _ text: String) {
    state.withLock { s in
      if stream == .stdout { s.out += text } else { s.err += text }
    }
  }

  func flush() {}

  /// Returns and clears what was captured.
  func take() -> CapturedOutput {
    state.withLock { s in
      let r = CapturedOutput(stdout: s.out, stderr: s.err)
      s = ("", "")
      return r
    }
  }
}

/// `sys.stdout` / `sys.stderr`: a text stream writing to the runtime's sink.
/// `sys.stdin` reads nothing (examples are hermetic).
final class PyTextStream: PyObject {
  let stream: StdStream?
  let name: String
  unowned let runtime: Runtime

  init(runtime: Runtime, stream: StdStream?, name: String) {
    self.runtime = runtime
    self.stream = stream
    self.name = name
    super.init(type: PyType.textStream, kind: .other)
  }

  func write(_ s: String) {
    if let st = stream { runtime.output.write(st, s) }
  }
}

extension PyType {
  nonisolated(unsafe) static var textStream: PyType!
}

extension ThreadState {
  /// Writes to `sys.stdout` (the runtime's sink unless a program replaced it).
  func writeStdout(_ text: String) throws(PyException) {
    try writeStream(names.stdout, text)
  }

  func writeStderr(_ text: String) throws(PyException) {
    try writeStream(names.stderr, text)
  }

  func writeStream(_ which: PyStr, _ text: String) throws(PyException) {
    let target = interp.sysModule.attributes.getStr(which) ?? .none
    if case .object(let o) = target, let s = o as? PyTextStream {
      s.write(text)
      return
    }
    if target.isNone { return }
    _ = try callMethod(target, names.write, Value(text))
  }
}
