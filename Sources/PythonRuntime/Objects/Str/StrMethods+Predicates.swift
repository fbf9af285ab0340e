/// Character-class predicates: isalnum, isalpha, isascii, isdecimal,
/// isdigit, isidentifier, islower, isnumeric, isprintable, isspace,
/// istitle, isupper — with Python's Unicode definitions.
extension StrMethods {
  static func installPredicates(_ t: PyType) {
    func every(_ name: String, empty: Bool = false, _ test: @escaping (Unicode.Scalar) -> Bool) {
      t.method(name) { _, args throws(PyException) in
        try noArgs(args, name)
        let s = pystr(args[0])
        if s.isEmpty { return .bool(empty) }
        for c in s.value.unicodeScalars where !test(c) { return .bool(false) }
        return .bool(true)
      }
    }
    every("isalpha", isAlpha)
    every("isdecimal", isDecimal)
    every("isdigit", isDigit)
    every("isnumeric", isNumeric)
    every("isalnum", isAlnum)
    every("isspace") { isSpace($0.value) }
    every("isprintable", empty: true, isPrintable)
    t.method("isascii") { _, args throws(PyException) in
      try noArgs(args, "isascii")
      return .bool(pystr(args[0]).isASCII)
    }
    t.method("isidentifier") { _, args throws(PyException) in
      try noArgs(args, "isidentifier")
      return .bool(isIdentifier(pystr(args[0]).value))
    }
    t.method("islower") { _, args throws(PyException) in
      try noArgs(args, "islower")
      var cased = false
      for c in pystr(args[0]).value.unicodeScalars {
        let (upper, lower, title) = caseFlags(c)
        if upper || title { return .bool(false) }
        if lower { cased = true }
      }
      return .bool(cased)
    }
    t.method("isupper") { _, args throws(PyException) in
      try noArgs(args, "isupper")
      var cased = false
      for c in pystr(args[0]).value.unicodeScalars {
        let (upper, lower, title) = caseFlags(c)
        if lower || title { return .bool(false) }
        if upper { cased = true }
      }
      return .bool(cased)
    }
    t.method("istitle") { _, args throws(PyException) in
      try noArgs(args, "istitle")
      var cased = false
      var previousCased = false
      for c in pystr(args[0]).value.unicodeScalars {
        let (upper, lower, title) = caseFlags(c)
        if upper || title {
          if previousCased { return .bool(false) }
          previousCased = true
          cased = true
        } else if lower {
          if !previousCased { return .bool(false) }
          previousCased = true
          cased = true
        } else {
          previousCased = false
        }
      }
      return .bool(cased)
    }
  }

  /// (Uppercase, Lowercase, titlecase letter) for the case predicates.
  @inline(__always)
  static func caseFlags(_ c: Unicode.Scalar) -> (Bool, Bool, Bool) {
    let v = c.value
    if v < 0x80 { return (v >= 65 && v <= 90, v >= 97 && v <= 122, false) }
    let p = c.properties
    return (p.isUppercase, p.isLowercase, p.generalCategory == .titlecaseLetter)
  }

  static func isAlpha(_ c: Unicode.Scalar) -> Bool {
    let v = c.value
    if v < 0x80 { return (v >= 65 && v <= 90) || (v >= 97 && v <= 122) }
    switch c.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
    default: return false
    }
  }

  static func isDecimal(_ c: Unicode.Scalar) -> Bool {
    let v = c.value
    if v < 0x80 { return v >= 48 && v <= 57 }
    return c.properties.numericType == .decimal
  }

  static func isDigit(_ c: Unicode.Scalar) -> Bool {
    let v = c.value
    if v < 0x80 { return v >= 48 && v <= 57 }
    let t = c.properties.numericType
    return t == .decimal || t == .digit
  }

  static func isNumeric(_ c: Unicode.Scalar) -> Bool {
    let v = c.value
    if v < 0x80 { return v >= 48 && v <= 57 }
    return c.properties.numericType != nil
  }

  static func isAlnum(_ c: Unicode.Scalar) -> Bool {
    let v = c.value
    if v < 0x80 { return (v >= 65 && v <= 90) || (v >= 97 && v <= 122) || (v >= 48 && v <= 57) }
    return isAlpha(c) || isNumeric(c)
  }

  /// Printable for `repr`: not Cc, Cf, Cs, Co, Cn, Zl, Zp, or Zs other than space.
  static func isPrintable(_ c: Unicode.Scalar) -> Bool {
    let v = c.value
    if v < 0x80 { return v >= 0x20 && v < 0x7F }
    switch c.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator,
         .spaceSeparator:
      return false
    default:
      return true
    }
  }

  static func isIdentifier(_ s: String) -> Bool {
    var first = true
    for c in s.unicodeScalars {
      let v = c.value
      if v < 0x80 {
        let letter = (v >= 65 && v <= 90) || (v >= 97 && v <= 122) || v == 95
        if !(letter || (!first && v >= 48 && v <= 57)) { return false }
      } else if first ? !c.properties.isXIDStart : !c.properties.isXIDContinue {
        return false
      }
      first = false
    }
    return !first
  }
}
