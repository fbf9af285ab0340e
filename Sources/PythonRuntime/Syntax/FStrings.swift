// String atoms: adjacent literal concatenation, bytes, and f-strings
// (JoinedStr / FormattedValue with CPython's merging of adjacent text).

/// Collects the parts of a JoinedStr, merging adjacent literal text into one
/// Constant and dropping empty text, as CPython does.
struct JoinedStrBuilder {
  var values: [Expr] = []
  private var pendingText = ""
  private var pendingRange: SourceRange?

  mutating func appendText(_ text: String, _ range: SourceRange) {
    if text.isEmpty { return }
    pendingText += text
    pendingRange = pendingRange.map { $0.through(range) } ?? range
  }

  mutating func appendValue(_ value: Expr) {
    flush()
    values.append(value)
  }

  mutating func flush() {
    if let range = pendingRange {
      values.append(Expr(.constant(.str(pendingText)), range))
      pendingText = ""
      pendingRange = nil
    }
  }

  mutating func finish() -> [Expr] {
    flush()
    return values
  }
}

extension Parser {
  /// One or more adjacent string tokens: a str or bytes Constant, or a
  /// JoinedStr when any part is an f-string.
  func parseStrings() throws(ParseError) -> Expr {
    let first = current
    var sawBytes = false
    var sawText = false
    var sawFString = false
    var bytes: [UInt8] = []
    var text = ""
    var builder = JoinedStrBuilder()
    var d = 1
    while kind == .string || kind == .fstringStart {
      let token = current
      let prefix = stringPrefix(token)
      if prefix.isBytes { sawBytes = true } else { sawText = true }
      if token.kind == .fstringStart {
        sawFString = true
        builder.appendText(text, range(from: first, to: previous))
        text = ""
        try parseFString(into: &builder)
        d = max(d, treeDepth)
        continue
      }
      advance()
      let quoteLength = (src[Int(token.start) + prefix.length] == src[Int(token.start) + prefix.length + 1]
        && Int(token.end - token.start) - prefix.length >= 6
        && src[Int(token.start) + prefix.length] == src[Int(token.start) + prefix.length + 2]) ? 3 : 1
      let body = src[(Int(token.start) + prefix.length + quoteLength)..<(Int(token.end) - quoteLength)]
      if prefix.isBytes {
        if body.contains(where: { $0.value > 0x7F }) {
          throw error("bytes can only contain ASCII literal characters", at: token)
        }
        do {
          bytes += try StringLiteralDecoder.decodeBytes(body, isRaw: prefix.isRaw)
        } catch {
          throw self.error(error.message, at: current)
        }
      } else {
        let value: String
        do {
          value = try StringLiteralDecoder.decodeString(body, isRaw: prefix.isRaw)
        } catch {
          throw self.error(error.message, at: current)
        }
        if sawFString {
          builder.appendText(value, token.range)
        } else {
          text += value
        }
      }
    }
    if sawBytes && sawText {
      // CPython reports this at the token after the literals.
      throw error("cannot mix bytes and nonbytes literals", at: current)
    }
    treeDepth = d + 1
    let whole = range(from: first)
    if sawBytes { return Expr(.constant(.bytes(bytes)), whole) }
    if sawFString { return Expr(.joinedStr(builder.finish()), whole) }
    return Expr(.constant(.str(text)), whole)
  }

  struct StringPrefix {
    var length = 0
    var isRaw = false
    var isBytes = false
    var isFormatted = false
  }

  func stringPrefix(_ token: Token) -> StringPrefix {
    var prefix = StringPrefix()
    var i = Int(token.start)
    while true {
      switch src[i] {
      case "r", "R": prefix.isRaw = true
      case "b", "B": prefix.isBytes = true
      case "f", "F": prefix.isFormatted = true
      case "u", "U": break
      default: return prefix
      }
      prefix.length += 1
      i += 1
    }
  }

  /// An f-string from FSTRING_START to FSTRING_END.
  private func parseFString(into builder: inout JoinedStrBuilder) throws(ParseError) {
    let startToken = advance()
    let isRaw = stringPrefix(startToken).isRaw
    var d = 1
    while true {
      switch kind {
      case .fstringMiddle:
        let token = advance()
        builder.appendText(try decodeFStringText(token, isRaw: isRaw), token.range)
      case .lbrace:
        try parseReplacementField(into: &builder, isRaw: isRaw)
        d = max(d, treeDepth)
      case .fstringEnd:
        advance()
        treeDepth = d
        return
      default:
        throw invalidSyntax()
      }
    }
  }

  private func decodeFStringText(_ token: Token, isRaw: Bool) throws(ParseError) -> String {
    do {
      return try StringLiteralDecoder.decodeString(src[Int(token.start)..<Int(token.end)], isRaw: isRaw,
                                                   fstringBraces: true)
    } catch {
      throw self.error(error.message, at: token)
    }
  }

  /// `{expr[=][!conv][:spec]}`: appends the debug text (for `=`) and the FormattedValue.
  private func parseReplacementField(into builder: inout JoinedStrBuilder, isRaw: Bool) throws(ParseError) {
    let open = advance()
    try enter()
    bracketLevel += 1
    defer {
      bracketLevel -= 1
      leave()
    }
    switch kind {
    case .rbrace, .exclamation, .colon, .equal:
      throw error("f-string: valid expression required before '\(text(current))'", at: current)
    default: break
    }
    let value = kind == .kwYield ? try parseYieldExpression() : try parseStarExpressions()
    var d = treeDepth
    var debugText: String?
    if kind == .equal {
      advance()
      debugText = text(from: Int(open.end), to: Int(current.start))
    }
    var conversion = -1
    if kind == .exclamation {
      let bang = advance()
      guard kind == .name, current.start == bang.end else {
        throw error("f-string: missing conversion character", at: current)
      }
      let name = advance()
      switch text(name) {
      case "s": conversion = 115
      case "r": conversion = 114
      case "a": conversion = 97
      default:
        throw error("f-string: invalid conversion character '\(text(name))': expected 's', 'r', or 'a'", at: name)
      }
    }
    var formatSpec: Expr?
    if kind == .colon {
      let colon = advance()
      var specBuilder = JoinedStrBuilder()
      while kind != .rbrace {
        switch kind {
        case .fstringMiddle:
          let token = advance()
          specBuilder.appendText(try decodeFStringText(token, isRaw: isRaw), token.range)
        case .lbrace:
          try parseReplacementField(into: &specBuilder, isRaw: isRaw)
          d = max(d, treeDepth)
        default:
          throw error("f-string: expecting '}'", at: current)
        }
      }
      formatSpec = Expr(.joinedStr(specBuilder.finish()), range(from: colon))
    }
    if kind != .rbrace {
      throw error("f-string: expecting '}'", at: current)
    }
    let close = advance()
    if let debugText {
      builder.appendText(debugText, range(from: open, to: close))
      if conversion == -1 && formatSpec == nil { conversion = 114 }
    }
    try noteTreeDepth(d + 2)
    builder.appendValue(Expr(.formattedValue(value: value, conversion: conversion, formatSpec: formatSpec),
                             range(from: open)))
  }
}
