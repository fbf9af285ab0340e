/// Finds the examples of a page in document order.
///
/// `pycon` blocks are sessions; `python` blocks are scripts, each paired with
/// an `output` block when one follows immediately (as the next block in the
/// same container). Blocks in any other language are never examples.
public enum ExampleExtractor {
  public struct Extraction: Equatable, Sendable {
    public var examples: [Example] = []
    /// What each code block is, keyed by the line of its opening fence.
    public var roles: [Int: CodeBlockRole] = [:]
    public var errors: [ExampleError] = []
  }

  public static func extract(from document: MarkdownDocument) -> Extraction {
    var extraction = Extraction()
    visit(document.blocks, into: &extraction)
    return extraction
  }

  private static func visit(_ blocks: [MarkdownBlock], into extraction: inout Extraction) {
    var index = 0
    while index < blocks.count {
      switch blocks[index] {
      case .blockQuote(let children, _):
        visit(children, into: &extraction)
      case .list(let list):
        for item in list.items { visit(item, into: &extraction) }
      case .codeBlock(let block) where block.isFenced:
        var following: CodeBlock?
        if index + 1 < blocks.count, case .codeBlock(let next) = blocks[index + 1],
          next.isFenced, next.language == "output" {
          following = next
        }
        if handle(block, following: following, into: &extraction) { index += 1 }
      default:
        break
      }
      index += 1
    }
  }

  /// Returns true when `following` was consumed as the block's output.
  private static func handle(_ block: CodeBlock, following: CodeBlock?,
                             into extraction: inout Extraction) -> Bool {
    do throws(ExampleError) {
      switch block.language {
      case "pycon":
        let info = try InfoString.parse(block.info, kind: .pycon)
        let statements = try SessionParser.parse(block.code, firstLine: block.firstCodeLine)
        guard !statements.isEmpty else {
          throw ExampleError("empty pycon block: write at least one '>>> ' statement")
        }
        extraction.roles[block.line] = .example(extraction.examples.count)
        extraction.examples.append(Example(
          body: .session(statements), line: statements[0].line, fenceLine: block.line,
          firstCodeLine: block.firstCodeLine, flags: info.flags))
        return false
      case "python":
        let info = try InfoString.parse(block.info, kind: .python)
        var expected: ExpectedOutput?
        if let following {
          do throws(ExampleError) {
            let outputInfo = try InfoString.parse(following.info, kind: .output)
            expected = ExpectedOutput(text: following.code, fenceLine: following.line, flags: outputInfo.flags)
          } catch {
            extraction.errors.append(ExampleError(error.message, line: following.line))
          }
          extraction.roles[following.line] = .output(ofExample: extraction.examples.count)
        }
        extraction.roles[block.line] = .example(extraction.examples.count)
        extraction.examples.append(Example(
          body: .script(code: block.code, expected: expected), line: block.firstCodeLine,
          fenceLine: block.line, firstCodeLine: block.firstCodeLine, flags: info.flags))
        return following != nil
      case "output":
        extraction.errors.append(ExampleError(
          "output block with no example before it: an ```output block must come right after a ```python block",
          line: block.line))
        return false
      default:
        return false
      }
    } catch {
      extraction.errors.append(ExampleError(error.message, line: error.line ?? block.line))
      return false
    }
  }
}

/// The part a code block plays among the page's examples.
public enum CodeBlockRole: Equatable, Sendable {
  /// The code of `examples[index]`.
  case example(Int)
  /// The expected output of `examples[index]`.
  case output(ofExample: Int)

  public var exampleIndex: Int {
    switch self {
    case .example(let index), .output(let index): return index
    }
  }
}
