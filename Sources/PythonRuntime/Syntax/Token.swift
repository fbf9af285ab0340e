// Tokens produced by `Lexer` and consumed by `Parser` and the highlighter.

/// The kind of a token. Operators and hard keywords each get their own case so
/// the parser can switch on them without looking at the text.
enum TokenKind: UInt8 {
  case endMarker, newline, indent, dedent
  case name, number, string
  /// `f"` / `rf'''` ...: the prefix and opening quote of an f-string.
  case fstringStart
  /// Literal text inside an f-string (raw source text: escapes and `{{` are
  /// decoded by the parser).
  case fstringMiddle
  case fstringEnd
  /// Only produced in highlighting mode (the parser never sees comments).
  case comment
  /// Where the lexer stopped on an error (strict mode) or an unrecognised
  /// character (highlighting mode).
  case errorToken

  // Brackets and punctuation.
  case lpar, rpar, lsqb, rsqb, lbrace, rbrace
  case colon, comma, semi, dot, ellipsis, rarrow, at, equal, colonEqual, exclamation
  // Operators.
  case plus, minus, star, slash, doubleSlash, percent, doubleStar, atOp
  case vbar, amper, circumflex, tilde, leftShift, rightShift
  case less, greater, eqEqual, notEqual, lessEqual, greaterEqual
  // Augmented assignment.
  case plusEqual, minusEqual, starEqual, slashEqual, doubleSlashEqual, percentEqual
  case doubleStarEqual, atEqual, vbarEqual, amperEqual, circumflexEqual
  case leftShiftEqual, rightShiftEqual

  // Hard keywords.
  case kwFalse, kwNone, kwTrue, kwAnd, kwAs, kwAssert, kwAsync, kwAwait, kwBreak
  case kwClass, kwContinue, kwDef, kwDel, kwElif, kwElse, kwExcept, kwFinally
  case kwFor, kwFrom, kwGlobal, kwIf, kwImport, kwIn, kwIs, kwLambda, kwNonlocal
  case kwNot, kwOr, kwPass, kwRaise, kwReturn, kwTry, kwWhile, kwWith, kwYield

  var isKeyword: Bool { rawValue >= TokenKind.kwFalse.rawValue }

  var isOperatorOrPunctuation: Bool {
    rawValue >= TokenKind.lpar.rawValue && rawValue < TokenKind.kwFalse.rawValue
  }

  /// The binary operator for an augmented assignment token (`+=` → add).
  var augmentedOperator: BinaryOperator? {
    switch self {
    case .plusEqual: return .add
    case .minusEqual: return .sub
    case .starEqual: return .mult
    case .slashEqual: return .div
    case .doubleSlashEqual: return .floorDiv
    case .percentEqual: return .mod
    case .doubleStarEqual: return .pow
    case .atEqual: return .matMult
    case .vbarEqual: return .bitOr
    case .amperEqual: return .bitAnd
    case .circumflexEqual: return .bitXor
    case .leftShiftEqual: return .lShift
    case .rightShiftEqual: return .rShift
    default: return nil
    }
  }
}

/// One token. Offsets index the lexer's scalar array; lines are 1-based and
/// columns 0-based scalar offsets from the start of the line.
struct Token {
  var kind: TokenKind
  var start: Int32
  var end: Int32
  var line: Int32
  var col: Int32
  var endLine: Int32
  var endCol: Int32

  var range: SourceRange {
    SourceRange(line: Int(line), col: Int(col), endLine: Int(endLine), endCol: Int(endCol))
  }
}

/// Hard keywords, looked up by packing up to 8 ASCII letters into an integer.
enum Keywords {
  static func pack(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int) -> UInt64? {
    let length = end - start
    if length < 2 || length > 8 { return nil }
    var packed: UInt64 = 0
    for i in start..<end {
      let v = scalars[i].value
      if v > 0x7F { return nil }
      packed = packed << 8 | UInt64(v)
    }
    return packed
  }

  static func pack(_ word: String) -> UInt64 {
    var packed: UInt64 = 0
    for b in word.utf8 { packed = packed << 8 | UInt64(b) }
    return packed
  }

  static let table: [UInt64: TokenKind] = {
    let words: [(String, TokenKind)] = [
      ("False", .kwFalse), ("None", .kwNone), ("True", .kwTrue), ("and", .kwAnd), ("as", .kwAs),
      ("assert", .kwAssert), ("async", .kwAsync), ("await", .kwAwait), ("break", .kwBreak),
      ("class", .kwClass), ("continue", .kwContinue), ("def", .kwDef), ("del", .kwDel),
      ("elif", .kwElif), ("else", .kwElse), ("except", .kwExcept), ("finally", .kwFinally),
      ("for", .kwFor), ("from", .kwFrom), ("global", .kwGlobal), ("if", .kwIf),
      ("import", .kwImport), ("in", .kwIn), ("is", .kwIs), ("lambda", .kwLambda),
      ("nonlocal", .kwNonlocal), ("not", .kwNot), ("or", .kwOr), ("pass", .kwPass),
      ("raise", .kwRaise), ("return", .kwReturn), ("try", .kwTry), ("while", .kwWhile),
      ("with", .kwWith), ("yield", .kwYield),
    ]
    var table: [UInt64: TokenKind] = [:]
    for (word, kind) in words { table[pack(word)] = kind }
    return table
  }()

  static func lookup(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int) -> TokenKind? {
    guard let packed = pack(scalars, start, end) else { return nil }
    return table[packed]
  }

  /// The source spelling of a keyword token kind (for messages).
  static func spelling(_ kind: TokenKind) -> String? {
    for (packed, k) in table where k == kind {
      var bytes: [UInt8] = []
      var p = packed
      while p != 0 { bytes.append(UInt8(p & 0xFF)); p >>= 8 }
      return String(decoding: bytes.reversed(), as: UTF8.self)
    }
    return nil
  }
}
