import BigInt

/// `int.bit_length()`, `int.bit_count()`, `int.to_bytes()`,
/// `int.from_bytes()`.
extension NumericOps {
  public static func bitLength(_ value: Int) -> Int {
    Int.bitWidth - value.magnitude.leadingZeroBitCount
  }

  public static func bitLength(_ value: IntegerValue) -> Int {
    switch value {
    case .small(let v): return bitLength(v)
    case .big(let v): return v.magnitude.bitWidth
    }
  }

  /// Number of ones in the binary form of `abs(value)`.
  public static func bitCount(_ value: IntegerValue) -> Int {
    switch value {
    case .small(let v): return v.magnitude.nonzeroBitCount
    case .big(let v): return v.magnitude.words.reduce(0) { $0 + $1.nonzeroBitCount }
    }
  }

  /// `value.to_bytes(length, byteorder, signed=signed)`.
  public static func toBytes(_ value: IntegerValue, length: Int, bigEndian: Bool, signed: Bool) throws -> [UInt8] {
    if length < 0 { throw NumericError.valueError("length argument must be non-negative") }
    let negative = value.isNegative
    if negative && !signed { throw NumericError.overflowError("can't convert negative int to unsigned") }
    // Range check: unsigned needs bit_length <= 8n, signed needs
    // -2^(8n-1) <= value < 2^(8n-1).
    let bits = length.multipliedReportingOverflow(by: 8)
    // With no bytes at all only 0 fits, and -1 when signed (all of its
    // two's complement bits are sign bits).
    let minusOneInNoBytes = length == 0 && signed && value == .small(-1)
    if !value.isZero && !bits.overflow && !minusOneInNoBytes {
      let available = bits.partialValue
      let fits: Bool
      if !signed {
        fits = bitLength(value) <= available
      } else if !negative {
        fits = bitLength(value) <= available - 1
      } else {
        // |value| <= 2^(8n-1)  <=>  bit_length(|value| - 1) <= 8n - 1
        let magnitudeMinusOne: IntegerValue
        switch value {
        case .small(let v): magnitudeMinusOne = IntegerValue(BigInt(v.magnitude - 1))
        case .big(let v): magnitudeMinusOne = IntegerValue(BigInt(v.magnitude - 1))
        }
        fits = bitLength(magnitudeMinusOne) <= available - 1
      }
      if !fits { throw NumericError.overflowError("int too big to convert") }
    }
    // Two's complement, little-endian, `length` bytes.
    var bytes = [UInt8](repeating: negative ? 0xFF : 0, count: length)
    let words: [UInt]
    switch value {
    case .small(let v): words = [v.magnitude]
    case .big(let v): words = Array(v.magnitude.words)
    }
    var carry: UInt = 1
    var index = 0
    outer: for word in words {
      var w = word
      if negative {
        let (sum, o) = (~word).addingReportingOverflow(carry)
        w = sum
        carry = o ? 1 : 0
      }
      for k in 0..<(UInt.bitWidth / 8) {
        guard index < length else { break outer }
        bytes[index] = UInt8(truncatingIfNeeded: w >> UInt(8 * k))
        index += 1
      }
    }
    return bigEndian ? bytes.reversed() : bytes
  }

  /// `int.from_bytes(bytes, byteorder, signed=signed)`.
  public static func fromBytes<C: Collection>(_ bytes: C, bigEndian: Bool, signed: Bool) -> IntegerValue where C.Element == UInt8 {
    let little: [UInt8] = bigEndian ? bytes.reversed() : Array(bytes)
    if little.isEmpty { return .small(0) }
    let negative = signed && little[little.count - 1] & 0x80 != 0
    let wordBytes = UInt.bitWidth / 8
    var words = [UInt](repeating: 0, count: (little.count + wordBytes - 1) / wordBytes)
    for (i, b) in little.enumerated() {
      words[i / wordBytes] |= UInt(b) << UInt(8 * (i % wordBytes))
    }
    if !negative {
      return IntegerValue(BigInt(sign: .plus, magnitude: BigUInt(words: words)))
    }
    // Sign-extend the top word, then negate the two's complement.
    let usedBits = (little.count % wordBytes) * 8
    if usedBits != 0 {
      words[words.count - 1] |= ~0 << UInt(usedBits)
    }
    var carry: UInt = 1
    for k in 0..<words.count {
      let (sum, o) = (~words[k]).addingReportingOverflow(carry)
      words[k] = sum
      carry = o ? 1 : 0
    }
    return IntegerValue(BigInt(sign: .minus, magnitude: BigUInt(words: words)))
  }
}
