import XCTest
@testable import PythonRuntime

final class HighlightingTests: XCTestCase {
  private func pairs(_ spans: [HighlightSpan]) -> [String] {
    spans.filter { $0.kind != .whitespace }.map { "\($0.kind.rawValue):\($0.text)" }
  }

  func testClassifiesPython() {
    let source = """
    @dataclass(frozen=True)
    class Point(Base):  # a point
        def norm(self, p=2) -> float:
            return f"{self.x!r:>{w}}" + len(b'xy') ** 0.5

    """
    XCTAssertEqual(pairs(highlightPython(source)), [
      "decorator:@", "decorator:dataclass", "punctuation:(", "name:frozen", "operator:=", "keyword:True",
      "punctuation:)", "keyword:class", "definitionName:Point", "punctuation:(", "name:Base", "punctuation:)",
      "punctuation::", "comment:# a point", "keyword:def", "definitionName:norm", "punctuation:(", "builtin:self",
      "punctuation:,", "name:p", "operator:=", "number:2", "punctuation:)", "operator:->", "builtin:float",
      "punctuation::", "keyword:return", "string:f\"", "punctuation:{", "builtin:self", "punctuation:.",
      "name:x", "operator:!", "name:r", "punctuation::", "string:>", "punctuation:{", "name:w", "punctuation:}",
      "punctuation:}", "string:\"", "operator:+", "builtin:len", "punctuation:(", "string:b'xy'",
      "punctuation:)", "operator:**", "number:0.5",
    ])
  }

  func testSoftKeywords() {
    let source = "match command:\n    case [x, _]: pass\n    case _: pass\nmatch = 1\ncase(2)\n"
    let soft = highlightPython(source).filter { $0.kind == .softKeyword }.map(\.text)
    XCTAssertEqual(soft, ["match", "case", "_", "case", "_"])
  }

  func testSpansCoverBrokenInputExactly() {
    for source in ["x = 'unterminated\ny = 1\n", "def f(:\n\treturn …\r\n", "f'{x", "\u{FEFF}x = 1", "((((", "'''a",
                   "  x\n y\n", "0x + 1_ + 09", "a = $b", ""] {
      XCTAssertEqual(highlightPython(source).map(\.text).joined(), source, source.debugDescription)
    }
    XCTAssertEqual(highlightPython("x = …").last?.kind, .error)
  }

  func testPycon() {
    let transcript = """
    >>> s = '''a
    ... b'''
    >>> print(s)
    a
    b
    >>> for i in range(2):
    ...     i
    ...
    0
    1

    """
    let spans = highlightPycon(transcript)
    XCTAssertEqual(spans.map(\.text).joined(), transcript)
    XCTAssertEqual(spans.filter { $0.kind == .prompt }.map(\.text), [">>> ", "... ", ">>> ", ">>> ", "... ", "..."])
    XCTAssertEqual(spans.filter { $0.kind == .output }.map(\.text), ["a\n", "b\n", "0\n", "1\n"])
    // The triple-quoted string continues across the `... ` prompt.
    XCTAssertEqual(spans.filter { $0.kind == .string }.map(\.text), ["'''a\n", "b'''"])
    XCTAssertTrue(spans.contains(HighlightSpan(kind: .keyword, text: "for")))
  }
}
