import Foundation
import Yams

/// A page's Markdown after the checks cmark cannot do: valid UTF-8 and
/// well-formed YAML front matter.
public struct PageSource: Equatable, Sendable {
  /// The Markdown text with the front matter replaced by blank lines, so
  /// that line numbers seen by cmark are the file's own line numbers.
  public var markdown: String
  public var title: String?
  public var description: String?

  public init(markdown: String, title: String? = nil, description: String? = nil) {
    self.markdown = markdown
    self.title = title
    self.description = description
  }

  /// Decodes and validates a page. Errors carry the line (in the file) to report.
  public static func load(_ data: Data) throws(SourceError) -> PageSource {
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    if let badOffset = firstInvalidUTF8Offset(bytes) {
      let line = bytes[..<badOffset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
      throw SourceError(line: line, message: String(
        format: "not valid UTF-8 (byte 0x%02X); save the page as UTF-8", bytes[badOffset]))
    }
    // One line ending from here on: Windows files behave like the others.
    let text = String(decoding: bytes, as: UTF8.self)
      .replacingOccurrences(of: "\r\n", with: "\n")
      .replacingOccurrences(of: "\r", with: "\n")
    return try splitFrontMatter(text)
  }

  static func splitFrontMatter(_ text: String) throws(SourceError) -> PageSource {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == "---" else {
      return PageSource(markdown: text)
    }
    guard let closing = lines.indices.dropFirst().first(where: {
      let line = lines[$0].trimmingCharacters(in: .whitespaces)
      return line == "---" || line == "..."
    }) else {
      throw SourceError(line: 1, message: "front matter opened with '---' is never closed")
    }
    let yaml = lines[1..<closing].joined(separator: "\n")
    let fields: [String: Any]
    do {
      let loaded = try Yams.load(yaml: yaml)
      if loaded == nil { fields = [:] }
      else if let mapping = loaded as? [String: Any] { fields = mapping }
      else { throw SourceError(line: 2, message: "front matter must be a YAML mapping (key: value lines)") }
    } catch let error as SourceError {
      throw error
    } catch let error as YamlError {
      throw SourceError(line: 1 + yamlLine(error), message: "invalid YAML front matter: \(yamlProblem(error))")
    } catch {
      throw SourceError(line: 1, message: "invalid YAML front matter: \(error)")
    }
    for index in 0...closing { lines[index] = "" }
    return PageSource(markdown: lines.joined(separator: "\n"),
                      title: (fields["title"]).map { "\($0)" },
                      description: (fields["description"]).map { "\($0)" })
  }

  private static func yamlLine(_ error: YamlError) -> Int {
    switch error {
    case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
      return mark.line
    default:
      return 1
    }
  }

  private static func yamlProblem(_ error: YamlError) -> String {
    switch error {
    case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
      return problem
    default:
      return "\(error)"
    }
  }

  /// The offset of the first byte that is not part of a valid UTF-8 sequence.
  static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      let length: Int
      var minimum: UInt32
      switch lead {
      case 0x00...0x7F: index += 1; continue
      case 0xC2...0xDF: length = 2; minimum = 0x80
      case 0xE0...0xEF: length = 3; minimum = 0x800
      case 0xF0...0xF4: length = 4; minimum = 0x10000
      default: return index
      }
      guard index + length <= bytes.count else { return index }
      var scalar = UInt32(lead) & (0xFF >> (length + 1))
      for offset in 1..<length {
        let byte = bytes[index + offset]
        guard byte & 0xC0 == 0x80 else { return index }
        scalar = scalar << 6 | UInt32(byte & 0x3F)
      }
      if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
      index += length
    }
    return nil
  }
}

/// A problem with a page's bytes or front matter, at a line of the file.
public struct SourceError: Error, Equatable, Sendable {
  public var line: Int
  public var message: String
  public init(line: Int, message: String) {
    self.line = line
    self.message = message
  }
}
