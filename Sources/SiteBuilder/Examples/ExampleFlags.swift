import Foundation

/// How expected output is compared with actual output (doctest's option flags
/// plus `unordered`).
public struct MatchOptions: OptionSet, Hashable, Sendable {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }

  /// `...` in the expected output matches any text, including across lines.
  public static let ellipsis = MatchOptions(rawValue: 1 << 0)
  /// Every run of whitespace (including newlines) compares equal to one space.
  public static let normalizeWhitespace = MatchOptions(rawValue: 1 << 1)
  /// An expected exception matches on its type alone (module path and message ignored).
  public static let ignoreExceptionDetail = MatchOptions(rawValue: 1 << 2)
  /// Lines are compared as a multiset: any order matches (output of threads).
  public static let unordered = MatchOptions(rawValue: 1 << 3)
}

/// The options a code block's info string or a `# doctest:` comment sets.
public struct ExampleFlags: Equatable, Sendable {
  /// Options switched on (`+FLAG`) and off (`-FLAG`) relative to the enclosing level.
  public var enabled: MatchOptions = []
  public var disabled: MatchOptions = []
  /// Shown but not run (`skip` or `+SKIP`).
  public var skip = false
  /// Run but not shown (setup code).
  public var hidden = false
  /// Per-example time limit in seconds, overriding `--timeout`.
  public var timeout: Double?

  public init() {}

  public func applied(to options: MatchOptions) -> MatchOptions {
    options.union(enabled).subtracting(disabled)
  }

  /// Doctest's spellings, usable both in info strings and `# doctest:` comments.
  static let doctestOptions: [String: MatchOptions] = [
    "ELLIPSIS": .ellipsis,
    "NORMALIZE_WHITESPACE": .normalizeWhitespace,
    "IGNORE_EXCEPTION_DETAIL": .ignoreExceptionDetail,
  ]

  /// Applies one `+FLAG` / `-FLAG` doctest directive; returns false if unknown.
  mutating func applyDoctestDirective(_ word: String) -> Bool {
    guard let sign = word.first, sign == "+" || sign == "-" else { return false }
    let name = word.dropFirst().uppercased()
    if name == "SKIP" {
      skip = (sign == "+")
      return true
    }
    guard let option = Self.doctestOptions[name] else { return false }
    if sign == "+" {
      enabled.insert(option)
      disabled.remove(option)
    } else {
      disabled.insert(option)
      enabled.remove(option)
    }
    return true
  }
}

/// A parsed info string: the language (first word) and weave's flags after it.
public struct InfoString: Equatable, Sendable {
  public var language: String
  public var flags: ExampleFlags

  /// Flags each kind of example block accepts.
  enum BlockKind { case pycon, python, output }

  /// Parses the words after the language. Words are separated by spaces or commas.
  /// Unknown words are errors for example blocks, so a typo never silently
  /// turns a check off.
  static func parse(_ info: String, kind: BlockKind) throws(ExampleError) -> InfoString {
    let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init)
    let language = words.first?.lowercased() ?? ""
    var flags = ExampleFlags()
    for word in words.dropFirst() {
      let lowered = word.lowercased()
      if flags.applyDoctestDirective(word) {
        if kind == .output && flags.skip {
          throw ExampleError("'\(word)' does not apply to an output block; put it on the example block")
        }
        continue
      }
      switch lowered {
      case "skip" where kind != .output:
        flags.skip = true
      case "hidden" where kind != .output:
        flags.hidden = true
      case "unordered":
        flags.enabled.insert(.unordered)
      case _ where lowered.hasPrefix("timeout=") && kind != .output:
        let value = lowered.dropFirst("timeout=".count)
        guard let seconds = Double(value), seconds > 0, seconds.isFinite else {
          throw ExampleError("invalid time limit '\(word)': expected timeout=SECONDS with a positive number")
        }
        flags.timeout = seconds
      case "skip", "hidden", _ where lowered.hasPrefix("timeout="):
        throw ExampleError("'\(word)' does not apply to an output block; put it on the example block")
      default:
        let accepted = kind == .output
          ? "unordered, +ELLIPSIS, +NORMALIZE_WHITESPACE, +IGNORE_EXCEPTION_DETAIL"
          : "skip, hidden, timeout=SECONDS, unordered, +ELLIPSIS, +NORMALIZE_WHITESPACE, +IGNORE_EXCEPTION_DETAIL, +SKIP"
        throw ExampleError("unknown flag '\(word)' in ```\(language) info string (accepted: \(accepted))")
      }
    }
    return InfoString(language: language, flags: flags)
  }
}

/// A problem in how an example is written (not in what it does).
public struct ExampleError: Error, Equatable, Sendable {
  public var message: String
  public var line: Int?
  public init(_ message: String, line: Int? = nil) {
    self.message = message
    self.line = line
  }
}
