import Foundation
import XCTest

/// Runs the real `weave` executable built next to this test bundle.
struct WeaveProcess {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
    var lastLine: String { stdout.split(separator: "\n").last.map(String.init) ?? "" }
  }

  /// The built products folder: the `weave` binary sits beside the test bundle.
  static var executable: URL {
    if let override = ProcessInfo.processInfo.environment["WEAVE_EXECUTABLE"] {
      return URL(fileURLWithPath: override)
    }
    #if os(macOS)
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
      return bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("weave")
    }
    #endif
    return Bundle.main.bundleURL.appendingPathComponent("weave")
  }

  static func start(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> (Process, Pipe, Pipe) {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "GITHUB_ACTIONS")
    env.merge(environment) { _, new in new }
    process.environment = env
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    return (process, out, err)
  }

  static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:],
                  stdin: String? = nil) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "GITHUB_ACTIONS")
    env.merge(environment) { _, new in new }
    process.environment = env
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    // Read both pipes concurrently so a full pipe never blocks the child.
    let stdoutData = Box(Data()), stderrData = Box(Data())
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { stdoutData.value = out.fileHandleForReading.readDataToEndOfFile() }
    DispatchQueue.global().async(group: group) { stderrData.value = err.fileHandleForReading.readDataToEndOfFile() }
    group.wait()
    process.waitUntilExit()
    return Result(status: process.terminationStatus,
                  stdout: String(decoding: stdoutData.value, as: UTF8.self),
                  stderr: String(decoding: stderrData.value, as: UTF8.self))
  }
}

/// A temporary project folder holding a docs folder, removed after the test.
final class Project {
  let url: URL
  init() {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("weave-cli-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }
  deinit { try? FileManager.default.removeItem(at: url) }

  @discardableResult
  func write(_ path: String, _ text: String) -> Project { write(path, Data(text.utf8)) }

  @discardableResult
  func write(_ path: String, _ data: Data) -> Project {
    let file = url.appendingPathComponent(path)
    try! FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try! data.write(to: file)
    return self
  }

  func read(_ path: String) -> String? {
    FileManager.default.contents(atPath: url.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
  }

  func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: url.appendingPathComponent(path).path) }

  func weave(_ arguments: String..., environment: [String: String] = [:], stdin: String? = nil) throws -> WeaveProcess.Result {
    try WeaveProcess.run(arguments, in: url, environment: environment, stdin: stdin)
  }

  /// Every file under `path` with its contents and modification date.
  func fingerprint(_ path: String) -> [String: String] {
    var result: [String: String] = [:]
    let root = url.appendingPathComponent(path)
    guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [:] }
    for case let relative as String in enumerator {
      let full = root.appendingPathComponent(relative).path
      let attributes = (try? FileManager.default.attributesOfItem(atPath: full)) ?? [:]
      let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
      let contents = FileManager.default.contents(atPath: full).map { String(decoding: $0, as: UTF8.self) } ?? "<dir>"
      result[relative] = "\(date)|\(contents)"
    }
    return result
  }
}

/// A value written by one thread and read by another after a wait.
final class Box<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: Value
  init(_ value: Value) { stored = value }
  var value: Value {
    get { lock.withLock { stored } }
    set { lock.withLock { stored = newValue } }
  }
}
