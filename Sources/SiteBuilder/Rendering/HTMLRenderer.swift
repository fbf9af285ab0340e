/// How a code block is marked in the HTML, from its role among the examples.
public struct CodeBlockMark: Equatable, Sendable {
  public enum State: Equatable, Sendable { case verified, skipped }
  public var state: State
  /// The example's line, shown in the badge's tooltip.
  public var exampleLine: Int
  /// The block is an `output` block (its example's code is marked already).
  public var isOutput: Bool
  /// `hidden` examples run but are not rendered.
  public var isHidden: Bool

  public init(state: State, exampleLine: Int, isOutput: Bool = false, isHidden: Bool = false) {
    self.state = state
    self.exampleLine = exampleLine
    self.isOutput = isOutput
    self.isHidden = isHidden
  }
}

/// Renders the Markdown tree to HTML. All text is escaped here; raw HTML
/// written by the author (HTML blocks and inline tags) passes through as
/// CommonMark specifies.
public struct HTMLRenderer {
  public var pagePath: String
  /// The page as badges name it (`Doc/guide.md`).
  public var sourceName: String
  /// Headings by line (ids already assigned).
  public var headings: [Int: Heading]
  /// Marks of example code blocks, by the line of their opening fence.
  public var marks: [Int: CodeBlockMark]
  public var resolver: LinkResolver
  public var highlighter: any CodeHighlighter

  public init(pagePath: String, sourceName: String? = nil, headings: [Heading], marks: [Int: CodeBlockMark] = [:],
              resolver: LinkResolver, highlighter: any CodeHighlighter = PlainHighlighter()) {
    self.pagePath = pagePath
    self.sourceName = sourceName ?? pagePath
    self.headings = Dictionary(headings.map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first })
    self.marks = marks
    self.resolver = resolver
    self.highlighter = highlighter
  }

  public func render(_ document: MarkdownDocument) -> String {
    var html = ""
    render(document.blocks, tight: false, into: &html)
    return html
  }

  func render(_ blocks: [MarkdownBlock], tight: Bool, into html: inout String) {
    for block in blocks { render(block, tight: tight, into: &html) }
  }

  func render(_ block: MarkdownBlock, tight: Bool, into html: inout String) {
    switch block {
    case .paragraph(let inlines, _):
      if tight {
        html += renderInlines(inlines) + "\n"
      } else {
        html += "<p>" + renderInlines(inlines) + "</p>\n"
      }
    case .heading(let level, let inlines, let line):
      let heading = headings[line]
        ?? Heading(level: level, content: inlines, id: HeadingIdentifier.slug(inlines.plainText), line: line)
      let id = HTML.escapeAttribute(heading.id)
      html += "<h\(level) id=\"\(id)\">" + renderInlines(heading.content)
        + "<a class=\"anchor\" href=\"#\(id)\" aria-label=\"Link to this section\">#</a></h\(level)>\n"
    case .codeBlock(let code):
      renderCode(code, into: &html)
    case .blockQuote(let children, _):
      if let admonition = Admonition.detect(children) {
        html += "<div class=\"admonition admonition-\(admonition.kind.rawValue)\" role=\"note\">\n"
        html += "<p class=\"admonition-title\">\(admonition.kind.title)</p>\n"
        render(admonition.body, tight: false, into: &html)
        html += "</div>\n"
      } else {
        html += "<blockquote>\n"
        render(children, tight: false, into: &html)
        html += "</blockquote>\n"
      }
    case .list(let list):
      let tag = list.isOrdered ? "ol" : "ul"
      let start = list.isOrdered && list.start != 1 ? " start=\"\(list.start)\"" : ""
      html += "<\(tag)\(start)>\n"
      for item in list.items {
        html += "<li>"
        render(item, tight: list.isTight, into: &html)
        if html.hasSuffix("\n") { html.removeLast() }
        html += "</li>\n"
      }
      html += "</\(tag)>\n"
    case .thematicBreak:
      html += "<hr>\n"
    case .html(let raw, _):
      html += raw
    case .table(let table):
      renderTable(table, into: &html)
    }
  }

  /// Tables scroll sideways inside their wrapper instead of widening the page.
  func renderTable(_ table: MarkdownTable, into html: inout String) {
    func cell(_ tag: String, _ content: [MarkdownInline], column: Int) -> String {
      let alignment = column < table.alignments.count ? table.alignments[column] : .none
      let style = alignment == .none ? "" : " style=\"text-align: \(alignment.rawValue)\""
      return "<\(tag)\(style)>" + renderInlines(content) + "</\(tag)>"
    }
    html += "<div class=\"table-wrap\"><table>\n<thead>\n<tr>"
    for (column, content) in table.header.enumerated() { html += cell("th", content, column: column) }
    html += "</tr>\n</thead>\n"
    if !table.rows.isEmpty {
      html += "<tbody>\n"
      for row in table.rows {
        html += "<tr>"
        for (column, content) in row.enumerated() { html += cell("td", content, column: column) }
        html += "</tr>\n"
      }
      html += "</tbody>\n"
    }
    html += "</table></div>\n"
  }

  func renderCode(_ block: CodeBlock, into html: inout String) {
    let mark = block.isFenced ? marks[block.line] : nil
    if mark?.isHidden == true { return }
    let language = block.language
    let languageClass = language.isEmpty ? "" : " class=\"language-\(HTML.escapeAttribute(language))\""
    var code = block.code
    var copyAttribute = ""
    if language == "pycon" {
      copyAttribute = " data-copy=\"\(HTML.escapeAttribute(SessionText.copyText(code)))\""
      code = SessionText.displayed(code)
    } else if ConsoleText.languages.contains(language) {
      copyAttribute = " data-copy=\"\(HTML.escapeAttribute(ConsoleText.copyText(code)))\""
    }
    var classes = "code-block"
    var badge = ""
    if let mark {
      let place = "\(sourceName):\(mark.exampleLine)"
      switch (mark.state, mark.isOutput) {
      case (.verified, false):
        classes += " example example-verified"
        badge = "<span class=\"example-badge verified\" title=\"Verified: weave ran this example (\(HTML.escapeAttribute(place))) and its output matched\">✓ verified</span>"
      case (.verified, true):
        classes += " example-output example-verified"
        badge = "<span class=\"example-badge output\" title=\"The output the example above printed when weave ran it\">output</span>"
      case (.skipped, false):
        classes += " example example-skipped"
        badge = "<span class=\"example-badge skipped\" title=\"Not run: this example is marked skip (\(HTML.escapeAttribute(place)))\">skipped</span>"
      case (.skipped, true):
        classes += " example-output example-skipped"
        badge = "<span class=\"example-badge output\" title=\"Expected output (not checked: the example is skipped)\">output</span>"
      }
    }
    html += "<div class=\"\(classes)\">\(badge)<pre\(copyAttribute)><code\(languageClass)>"
    html += highlighted(code, language: language)
    html += "</code></pre></div>\n"
  }

  func highlighted(_ code: String, language: String) -> String {
    let tokens = ConsoleText.languages.contains(language)
      ? ConsoleText.tokens(code) : highlighter.highlight(code, language: language)
    guard !language.isEmpty, let tokens,
      tokens.map(\.text).joined() == code else {
      return HTML.escape(code)
    }
    var html = ""
    for token in tokens {
      if token.kind.isEmpty || token.kind == "whitespace" {
        html += HTML.escape(token.text)
      } else {
        html += "<span class=\"tok-\(HTML.escapeAttribute(token.kind))\">\(HTML.escape(token.text))</span>"
      }
    }
    return html
  }

  public func renderInlines(_ inlines: [MarkdownInline]) -> String {
    var html = ""
    for inline in inlines {
      switch inline {
      case .text(let text): html += HTML.escape(text)
      case .code(let code): html += "<code>" + HTML.escape(code) + "</code>"
      case .emphasis(let children): html += "<em>" + renderInlines(children) + "</em>"
      case .strong(let children): html += "<strong>" + renderInlines(children) + "</strong>"
      case .link(let destination, let title, let children, _):
        let href = resolver.resolve(destination, from: pagePath).href ?? destination
        let titleAttribute = title.isEmpty ? "" : " title=\"\(HTML.escapeAttribute(title))\""
        html += "<a href=\"\(HTML.escapeAttribute(href))\"\(titleAttribute)>" + renderInlines(children) + "</a>"
      case .image(let source, let title, let alt, _):
        let src = resolver.resolve(source, from: pagePath).href ?? source
        let titleAttribute = title.isEmpty ? "" : " title=\"\(HTML.escapeAttribute(title))\""
        html += "<img src=\"\(HTML.escapeAttribute(src))\" alt=\"\(HTML.escapeAttribute(alt.plainText))\"\(titleAttribute)>"
      case .html(let raw): html += raw
      case .softBreak: html += "\n"
      case .lineBreak: html += "<br>\n"
      }
    }
    return html
  }
}
