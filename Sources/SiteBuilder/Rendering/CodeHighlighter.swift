/// Syntax highlighting behind a protocol: the Python runtime's own tokenizer
/// provides it (`PythonRuntimeRunner.swift`); without one, code is plain text.
public protocol CodeHighlighter: Sendable {
  /// Tokens covering `code` exactly, or nil when the language is not handled.
  func highlight(_ code: String, language: String) -> [HighlightToken]?
}

public struct HighlightToken: Equatable, Sendable {
  /// A CSS class suffix: `keyword`, `string`, `comment`, `prompt`, `output`, …
  /// Empty for text that needs no styling (whitespace).
  public var kind: String
  public var text: String
  public init(kind: String, text: String) {
    self.kind = kind
    self.text = text
  }
}

/// Highlights nothing.
public struct PlainHighlighter: CodeHighlighter {
  public init() {}
  public func highlight(_ code: String, language: String) -> [HighlightToken]? { nil }
}
