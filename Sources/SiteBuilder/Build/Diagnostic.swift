import Foundation

/// One problem the build reports: a failed example, a broken link, a page
/// that cannot be read. Rendered as `path/page.md:LINE: message` followed by
/// optional details (a unified diff, thread stacks).
public struct Diagnostic: Equatable, Sendable, Error {
  /// The page as the user names it, e.g. `Doc/guide.md`.
  public var file: String
  public var line: Int?
  public var message: String
  public var details: String

  public init(file: String, line: Int?, message: String, details: String = "") {
    self.file = file
    self.line = line
    self.message = message
    self.details = details
  }

  /// `file:line: message`, the format editors and CI logs recognise.
  public var headline: String {
    if let line { return "\(file):\(line): \(message)" }
    return "\(file): \(message)"
  }

  /// The headline followed by the details, indented for readability.
  public var formatted: String {
    guard !details.isEmpty else { return headline }
    let body = details.split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.isEmpty ? "" : "    " + $0 }
      .joined(separator: "\n")
    return headline + "\n" + (body.hasSuffix("\n") ? String(body.dropLast()) : body)
  }

  /// A GitHub Actions workflow command that annotates the file in the PR view.
  public var githubAnnotation: String {
    func escapeData(_ text: String) -> String {
      text.replacingOccurrences(of: "%", with: "%25")
        .replacingOccurrences(of: "\r", with: "%0D")
        .replacingOccurrences(of: "\n", with: "%0A")
    }
    func escapeProperty(_ text: String) -> String {
      escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
    var properties = "file=\(escapeProperty(file))"
    if let line { properties += ",line=\(line)" }
    let text = details.isEmpty ? message : message + "\n" + details
    return "::error \(properties)::\(escapeData(text))"
  }
}
