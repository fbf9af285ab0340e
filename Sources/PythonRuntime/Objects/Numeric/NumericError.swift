/// An error raised by the numeric text library: the name of the Python
/// exception type that CPython raises in the same situation, and CPython's
/// exact message. The runtime turns it into a Python exception object.
public struct NumericError: Error, Equatable, Hashable, Sendable, CustomStringConvertible {
  /// The Python exception types this library raises.
  public enum Kind: String, Sendable {
    case valueError = "ValueError"
    case typeError = "TypeError"
    case overflowError = "OverflowError"
    case zeroDivisionError = "ZeroDivisionError"
    /// Padding to an absurd width (CPython fails to allocate it too).
    case memoryError = "MemoryError"
  }

  public var kind: Kind
  public var message: String

  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  /// The Python exception class name, e.g. `"ValueError"`.
  public var typeName: String { kind.rawValue }

  /// `Type: message`, the last line of a CPython traceback.
  public var description: String { "\(kind.rawValue): \(message)" }

  static func valueError(_ message: String) -> NumericError { NumericError(.valueError, message) }
  static func typeError(_ message: String) -> NumericError { NumericError(.typeError, message) }
  static func overflowError(_ message: String) -> NumericError { NumericError(.overflowError, message) }
  static func zeroDivision(_ message: String) -> NumericError { NumericError(.zeroDivisionError, message) }
}

extension NumericError {
  /// CPython 3.14 uses one message for every division by zero (`/`, `//`,
  /// `%`, `divmod`, int and float alike); 3.13 and older had per-operator
  /// wordings ("integer division or modulo by zero", "float modulo by zero").
  /// The runtime must not crash on `'%*d' % (10**15, 1)` or
  /// `format(1, '9999999999999')`: fields wider (or float precisions
  /// larger) than this raise MemoryError, as CPython does once the
  /// allocation fails.
  static let maxFieldWidth = 1 << 28
  static let memoryError = NumericError(.memoryError, "")

  static let divisionByZero = NumericError.zeroDivision("division by zero")
  /// `0 ** -1`, `0.0 ** -2.5`: CPython 3.14's wording (3.13 said
  /// "0.0 cannot be raised to a negative power").
  static let zeroToNegativePower = NumericError.zeroDivision("zero to a negative power")
  static let intTooLargeForFloat = NumericError.overflowError("int too large to convert to float")
  static let floatInfinityToInt = NumericError.overflowError("cannot convert float infinity to integer")
  static let floatNaNToInt = NumericError.valueError("cannot convert float NaN to integer")
}
