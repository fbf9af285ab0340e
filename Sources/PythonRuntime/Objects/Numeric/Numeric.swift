/// The numeric text library: CPython 3.14's rules for turning numbers into
/// text and back, rounding and hashing them — plain functions over `Int`,
/// `BigInt` (`IntegerValue`), `Double` and `String`, independent of the
/// object model. Errors are `NumericError` values naming the Python
/// exception and carrying CPython's exact message.
///
/// - `NumericFormat`: `repr(float)` (`floatRepr`), `PyOS_double_to_string`
///   (`formatDouble`), `format(x, spec)` for int, float and str (`format`,
///   with `FormatSpec.parse` for cached specs), `str % args`
///   (`percentFormat`, `parsePercentFormat`), `str(int)`/`bin`/`oct`/`hex`
///   (`intToString`), `repr` of str, bytes and complex, `ascii()`.
/// - `NumericParse`: `int(text, base)`, `float(text)`, also for bytes.
/// - `NumericOps`: `//`, `%`, `divmod`, `/`, `**` for ints and floats,
///   int/float conversions, `round`, `hash`, `as_integer_ratio`,
///   `is_integer`, `float.hex`/`fromhex`, `bit_length`, `bit_count`,
///   `to_bytes`/`from_bytes`.
///
/// Every behaviour is checked against CPython by the differential tables in
/// `Tests/PythonRuntimeTests/Numeric` (see `.generator/numeric_cases.py`).

/// Number-to-text conversions.
public enum NumericFormat {}

/// Text-to-number conversions: `int(str, base)` and `float(str)`.
public enum NumericParse {}

/// Numeric semantics that are not text: Python's division and modulo
/// rules, `**`, int/float conversion, rounding, hashing and the `int` and
/// `float` methods that inspect representations.
public enum NumericOps {}
