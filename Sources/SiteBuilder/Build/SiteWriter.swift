import Foundation

/// Writes a generated site so that the output folder is either the complete
/// new site or exactly what it was before: the files go into a temporary
/// folder beside the output, which then replaces it in two renames.
public enum SiteWriter {
  /// Marks a folder as written by weave, so it may be replaced next time.
  public static let markerFile = ".weave-site"

  /// Refuses outputs that would overwrite the docs (or be read back as docs),
  /// and existing folders weave did not write.
  public static func validate(output: URL, docs: URL) throws(Diagnostic) {
    let outputPath = canonicalPath(output)
    let docsPath = canonicalPath(docs)
    if outputPath == docsPath {
      throw Diagnostic(file: output.path, line: nil, message: "the output folder is the documentation folder; choose another --output")
    }
    if outputPath.hasPrefix(docsPath + "/") {
      throw Diagnostic(file: output.path, line: nil, message: "the output folder is inside the documentation folder \(docs.path); it would be read back as pages; choose an --output outside it")
    }
    if docsPath.hasPrefix(outputPath + "/") || outputPath == "/" {
      throw Diagnostic(file: output.path, line: nil, message: "the output folder contains the documentation folder \(docs.path); replacing it would delete your pages; choose another --output")
    }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else {
        throw Diagnostic(file: output.path, line: nil, message: "the output path exists and is not a folder")
      }
      let contents = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
      if !contents.isEmpty && !contents.contains(markerFile) {
        throw Diagnostic(file: output.path, line: nil, message: "the output folder exists and was not written by weave (no \(markerFile) file in it); refusing to replace it — remove it or choose another --output")
      }
    }
  }

  public static func write(_ files: [String: SiteFile], to output: URL) throws(Diagnostic) {
    let fileManager = FileManager.default
    let parent = output.deletingLastPathComponent()
    let name = output.lastPathComponent
    let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
    let staging = parent.appendingPathComponent(".\(name).weave-new-\(token)")
    let retired = parent.appendingPathComponent(".\(name).weave-old-\(token)")
    do {
      try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
      try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
      for (path, file) in files.sorted(by: { $0.key < $1.key }) {
        let destination = staging.appendingPathComponent(path)
        try fileManager.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        switch file {
        case .data(let data): try data.write(to: destination)
        case .copy(let source): try fileManager.copyItem(at: source, to: destination)
        }
      }
      try Data("Written by weave. A folder holding this file may be replaced by `weave build`.\n".utf8)
        .write(to: staging.appendingPathComponent(markerFile))
      if fileManager.fileExists(atPath: output.path) {
        try fileManager.moveItem(at: output, to: retired)
        do {
          try fileManager.moveItem(at: staging, to: output)
        } catch {
          try? fileManager.moveItem(at: retired, to: output)
          throw error
        }
        try? fileManager.removeItem(at: retired)
      } else {
        try fileManager.moveItem(at: staging, to: output)
      }
    } catch {
      try? fileManager.removeItem(at: staging)
      throw Diagnostic(file: output.path, line: nil, message: "could not write the site: \(error.localizedDescription)")
    }
  }

  static func canonicalPath(_ url: URL) -> String {
    var path = url.standardizedFileURL.resolvingSymlinksInPath().path
    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    return path
  }
}
