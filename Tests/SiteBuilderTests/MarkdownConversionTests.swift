import XCTest
@testable import SiteBuilder

final class MarkdownConversionTests: XCTestCase {
  func testBlocksCarryTheirMarkdownLines() {
    let markdown = "# Title\n\nSome *text* and `code`.\n\n```python\nprint(1)\n```\n\n- one\n- two\n"
    let blocks = CMarkParser.parse(markdown).document.blocks
    XCTAssertEqual(blocks.count, 4)
    XCTAssertEqual(blocks[0], .heading(level: 1, [.text("Title")], line: 1))
    XCTAssertEqual(blocks[1], .paragraph([.text("Some "), .emphasis([.text("text")]), .text(" and "), .code("code"), .text(".")], line: 3))
    guard case .codeBlock(let code) = blocks[2] else { return XCTFail("expected a code block") }
    XCTAssertEqual(code.info, "python")
    XCTAssertEqual(code.code, "print(1)\n")
    XCTAssertEqual(code.line, 5)
    XCTAssertEqual(code.firstCodeLine, 6)
    XCTAssertTrue(code.isFenced)
    guard case .list(let list) = blocks[3] else { return XCTFail("expected a list") }
    XCTAssertFalse(list.isOrdered)
    XCTAssertTrue(list.isTight)
    XCTAssertEqual(list.items.count, 2)
    XCTAssertEqual(list.line, 9)
  }

  func testLinksKnowTheLineTheyStartOn() {
    let markdown = "Para line one\nline two [a link](x.md \"T\")\nline three ![img](p.png)\n"
    guard case .paragraph(let inlines, _)? = CMarkParser.parse(markdown).document.blocks.first else {
      return XCTFail("expected a paragraph")
    }
    let links = inlines.compactMap { inline -> (String, Int)? in
      switch inline {
      case .link(let destination, let title, _, let line):
        XCTAssertEqual(title, "T")
        return (destination, line)
      case .image(let source, _, _, let line): return (source, line)
      default: return nil
      }
    }
    XCTAssertEqual(links.map(\.0), ["x.md", "p.png"])
    XCTAssertEqual(links.map(\.1), [2, 3])
  }

  func testLanguageIsTheFirstWordOfTheInfoString() {
    let block = CodeBlock(info: "PyCon +ELLIPSIS", code: "", line: 1, firstCodeLine: 2, isFenced: true)
    XCTAssertEqual(block.language, "pycon")
  }

  func testCodeInsideQuotesAndListsKeepsPageLines() {
    let markdown = "> quote\n>\n> ```python\n> x = 1\n> ```\n\n1. item\n\n   ```pycon\n   >>> 1\n   1\n   ```\n"
    let blocks = CMarkParser.parse(markdown).document.blocks
    guard case .blockQuote(let quoted, _) = blocks[0], case .codeBlock(let first) = quoted[1] else {
      return XCTFail("expected a code block in the quote")
    }
    XCTAssertEqual(first.firstCodeLine, 4)
    XCTAssertEqual(first.code, "x = 1\n")
    guard case .list(let list) = blocks[1], case .codeBlock(let second) = list.items[0][1] else {
      return XCTFail("expected a code block in the list")
    }
    XCTAssertEqual(second.firstCodeLine, 10)
    XCTAssertEqual(second.code, ">>> 1\n1\n")
  }

  func testUnterminatedFenceIsDetected() {
    XCTAssertEqual(CMarkParser.parse("# T\n\n```python\nprint(1)\n\nmore text\n").unterminatedFenceLines, [3])
    XCTAssertEqual(CMarkParser.parse("text\n\n```\n").unterminatedFenceLines, [3])
    XCTAssertEqual(CMarkParser.parse("> ```python\n> x\n\nafter\n").unterminatedFenceLines, [1])
    // A shorter closing fence does not close a longer opening one.
    XCTAssertEqual(CMarkParser.parse("````\ncode\n```\n").unterminatedFenceLines, [1])
  }

  func testClosedFencesAreNotReported() {
    XCTAssertEqual(CMarkParser.parse("```python\nx\n```\n").unterminatedFenceLines, [])
    XCTAssertEqual(CMarkParser.parse("~~~\nx\n~~~~~\n").unterminatedFenceLines, [])
    XCTAssertEqual(CMarkParser.parse("```\n```").unterminatedFenceLines, [])
    XCTAssertEqual(CMarkParser.parse("> ```\n> x\n> ```\n").unterminatedFenceLines, [])
    XCTAssertEqual(CMarkParser.parse("    indented code\n").unterminatedFenceLines, [])
  }

  func testFrontMatterIsReadAndLinesArePreserved() throws {
    let page = try PageSource.load(Data("---\ntitle: My Page\ndescription: About things\n---\n# Heading\n".utf8))
    XCTAssertEqual(page.title, "My Page")
    XCTAssertEqual(page.description, "About things")
    guard case .heading(_, _, let line)? = CMarkParser.parse(page.markdown).document.blocks.first else {
      return XCTFail("expected the heading")
    }
    XCTAssertEqual(line, 5, "front matter lines are blanked, not removed, so page lines stay true")
  }

  func testInvalidFrontMatterReportsItsLine() {
    XCTAssertThrowsError(try PageSource.load(Data("---\ntitle: ok\nbad: [unclosed\n---\ntext\n".utf8))) { error in
      let error = error as! SourceError
      XCTAssertTrue(error.message.hasPrefix("invalid YAML front matter"), error.message)
      XCTAssertGreaterThanOrEqual(error.line, 3)
    }
    XCTAssertThrowsError(try PageSource.load(Data("---\ntitle: x\n".utf8))) { error in
      XCTAssertEqual((error as! SourceError).line, 1)
    }
  }

  func testInvalidUTF8ReportsTheLineOfTheFirstBadByte() {
    var bytes = Array("line one\nline two é\nline three ".utf8)
    bytes += [0xC3, 0x28]  // a lead byte followed by a non-continuation byte
    bytes += Array("\nline four\n".utf8)
    XCTAssertThrowsError(try PageSource.load(Data(bytes))) { error in
      let error = error as! SourceError
      XCTAssertEqual(error.line, 3)
      XCTAssertTrue(error.message.contains("UTF-8"))
      XCTAssertTrue(error.message.contains("0xC3"))
    }
  }

  func testUTF8ValidatorRejectsOverlongAndSurrogateForms() {
    XCTAssertNil(PageSource.firstInvalidUTF8Offset(Array("héllo ✓ 𝄞".utf8)))
    XCTAssertEqual(PageSource.firstInvalidUTF8Offset([0x41, 0xC0, 0x80]), 1)  // overlong NUL
    XCTAssertEqual(PageSource.firstInvalidUTF8Offset([0xED, 0xA0, 0x80]), 0)  // surrogate
    XCTAssertEqual(PageSource.firstInvalidUTF8Offset([0x41, 0x42, 0xE2, 0x9C]), 2)  // truncated
    XCTAssertEqual(PageSource.firstInvalidUTF8Offset([0xFF]), 0)
  }

  func testByteOrderMarkIsAccepted() throws {
    let page = try PageSource.load(Data([0xEF, 0xBB, 0xBF] + Array("# Hi\n".utf8)))
    XCTAssertEqual(page.markdown, "# Hi\n")
  }

  func testPlainTextOfInlines() {
    let inlines: [MarkdownInline] = [.text("A "), .strong([.text("bold")]), .softBreak, .link(destination: "x", title: "", [.code("c")], line: 1)]
    XCTAssertEqual(inlines.plainText, "A bold c")
  }
}

final class LineEndingTests: XCTestCase {
  func testWindowsLineEndingsGiveTheSameCodeAndLines() {
    let parsed = CMarkParser.parse("# T\r\n\r\n```python\r\nx = 1\r\n```\r\n")
    XCTAssertEqual(parsed.unterminatedFenceLines, [])
    guard case .codeBlock(let block)? = parsed.document.blocks.last else { return XCTFail("no code block") }
    XCTAssertEqual(block.code, "x = 1\n")
    XCTAssertEqual(block.firstCodeLine, 4)
  }
}

final class WindowsPageTests: XCTestCase {
  func testFrontMatterAndExamplesOfAWindowsFile() throws {
    let page = try Page.load(Data("---\r\ntitle: Win\r\n---\r\n# T\r\n\r\n```pycon\r\n>>> 1\r\n1\r\n```\r\n".utf8),
                             path: "w.md", displayPath: "w.md")
    XCTAssertEqual(page.title, "Win")
    XCTAssertEqual(page.problems, [])
    guard case .session(let statements)? = page.examples.first?.body else { return XCTFail("no session") }
    XCTAssertEqual(statements, [SessionStatement(source: "1\n", line: 7, expected: "1\n")])
  }
}
