/// The pieces of a formatted number and CPython's rules for padding them
/// (`calc_number_widths` / `fill_number`):
///
///     <lpad><sign><prefix><spad><grouped int digits><.><grouped fraction><remainder><rpad>
///
/// Only one of the three paddings is non-empty. With fill `0` and `=`
/// alignment the integer digits themselves are zero-extended (through the
/// grouping, so `format(1, '06,')` is `00,001`).
struct NumberLayout {
  var sign: UInt8? = nil
  var prefix: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0)
  var digits: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0)
  var hasDecimalPoint = false
  var fraction: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0)
  var remainder: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0)
  /// A non-ASCII remainder (the `c` type), written after `remainder`.
  var remainderScalar: Unicode.Scalar? = nil

  /// Writes the laid-out number as a `String`.
  func render(_ spec: FormatSpec, grouping: FormatSpec.Grouping, fractionGrouping: FormatSpec.Grouping) -> String {
    let width = spec.width ?? -1
    let fixedChars = (sign == nil ? 0 : 1) + prefix.count + (hasDecimalPoint ? 1 : 0) + remainder.count
      + (remainderScalar == nil ? 0 : 1)
    let groupedFraction = NumberLayout.groupedLength(fraction.count, grouping: fractionGrouping)
    let minWidth = spec.fill == "0" && spec.align == .afterSign ? width - fixedChars - groupedFraction : 0
    let groupedDigits = digits.count == 0 ? 0 : NumberLayout.groupedIntegerLength(digits.count, minWidth: minWidth, grouping: grouping)
    let total = fixedChars + groupedFraction + groupedDigits
    let padding = max(width - total, 0)
    var left = 0, middle = 0, right = 0
    switch spec.align {
    case .left: right = padding
    case .right: left = padding
    case .center: left = padding / 2; right = padding - left
    case .afterSign: middle = padding
    }
    let fillBytes = spec.fill.value < 0x80 ? 1 : 4
    let capacity = total + 4 + padding * fillBytes
    return NumericByteWriter.string(capacity: capacity) { out in
      out.append(repeating: spec.fill, count: left)
      if let sign { out.append(sign) }
      out.append(prefix)
      out.append(repeating: spec.fill, count: middle)
      if digits.count > 0 {
        NumberLayout.writeGroupedInteger(digits, minWidth: minWidth, grouping: grouping, into: &out)
      }
      if hasDecimalPoint { out.append(NumericASCII.dot) }
      NumberLayout.writeGroupedFraction(fraction, grouping: fractionGrouping, into: &out)
      out.append(remainder)
      if let remainderScalar { out.append(scalar: remainderScalar) }
      out.append(repeating: spec.fill, count: right)
    }
  }

  /// Length of `count` fraction digits with a separator after every group
  /// (counted from the decimal point).
  static func groupedLength(_ count: Int, grouping: FormatSpec.Grouping) -> Int {
    guard grouping != .none, count > 0 else { return count }
    return count + (count - 1) / grouping.groupSize
  }

  static func writeGroupedFraction(_ digits: UnsafeBufferPointer<UInt8>, grouping: FormatSpec.Grouping, into out: inout NumericByteWriter) {
    guard grouping != .none else { out.append(digits); return }
    let size = grouping.groupSize
    for (i, d) in digits.enumerated() {
      if i > 0 && i % size == 0 { out.append(grouping.separator) }
      out.append(d)
    }
  }

  /// The integer-digit groups, right to left, as CPython's
  /// `_PyUnicode_InsertThousandsGrouping` produces them: each group takes
  /// real digits first and zeros once the digits run out, until both the
  /// digits and `minWidth` are used up. Returns (zeros, digits) per group,
  /// rightmost first, through `body`.
  private static func forEachGroup(_ count: Int, minWidth: Int, grouping: FormatSpec.Grouping, _ body: (_ zeros: Int, _ chars: Int, _ separator: Bool) -> Void) {
    var remaining = count
    var minWidth = max(minWidth, 0)
    var useSeparator = false
    if grouping != .none {
      let size = grouping.groupSize
      while true {
        let len = min(size, max(remaining, minWidth, 1))
        let zeros = max(0, len - remaining)
        let chars = max(0, min(remaining, len))
        body(zeros, chars, useSeparator)
        useSeparator = true
        remaining -= chars
        minWidth -= len
        if remaining <= 0 && minWidth <= 0 { return }
        minWidth -= 1
      }
    } else {
      let len = max(remaining, minWidth, 1)
      body(max(0, len - remaining), max(0, min(remaining, len)), false)
    }
  }

  static func groupedIntegerLength(_ count: Int, minWidth: Int, grouping: FormatSpec.Grouping) -> Int {
    var total = 0
    forEachGroup(count, minWidth: minWidth, grouping: grouping) { zeros, chars, separator in
      total += zeros + chars + (separator ? 1 : 0)
    }
    return total
  }

  static func writeGroupedInteger(_ digits: UnsafeBufferPointer<UInt8>, minWidth: Int, grouping: FormatSpec.Grouping, into out: inout NumericByteWriter) {
    if grouping == .none && minWidth <= digits.count {
      out.append(digits)
      return
    }
    // Groups come right to left; write them into place from the end.
    let length = groupedIntegerLength(digits.count, minWidth: minWidth, grouping: grouping)
    let start = out.count
    out.append(repeating: NumericASCII.zero, count: length)
    var position = start + length
    var digitEnd = digits.count
    forEachGroup(digits.count, minWidth: minWidth, grouping: grouping) { zeros, chars, separator in
      if separator {
        position -= 1
        out.base[position] = grouping.separator
      }
      position -= chars
      digitEnd -= chars
      for k in 0..<chars { out.base[position + k] = digits[digitEnd + k] }
      position -= zeros  // already '0'
    }
  }
}
