/// Installs the attributes of every builtin type (called once by `Bootstrap`).
enum BuiltinTypeMethods {
  static func installAll() {
    NumberTypes.install()
    StrType.install()
    BytesTypes.install()
    ListTupleTypes.install()
    DictSetTypes.install()
    CallableTypes.install()
    MiscTypes.install()
    BuiltinIterators.install()
  }
}
