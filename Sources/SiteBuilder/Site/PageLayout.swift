/// The values a page's layout template sees (`page.mustache`):
///
/// - `title`, `siteTitle`, `showSiteTitle`, `description` (escaped by `{{…}}`)
/// - `content`, `nav` (HTML: use `{{{…}}}`)
/// - `toc`: list of `{level, id, text}`; `hasToc`
/// - `previous`, `next`: `{href, title}` when there is one
/// - `root`: relative prefix from the page to the site root (`""`, `../`)
/// - `home`: relative link to the home page (`index.html`, else the first page)
/// - `hasPageLinks`: there is a previous or a next page
/// - `notFound`: true on `404.html` (served at any depth; its links are relative to the root)
public struct PageLayout {
  public var title: String
  public var siteTitle: String
  public var description: String?
  public var contentHTML: String
  public var navHTML: String
  public var toc: [Heading]
  public var previous: (href: String, title: String)?
  public var next: (href: String, title: String)?
  public var root: String
  public var home: String
  public var isNotFound = false

  public var context: [String: Any] {
    var context: [String: Any] = [
      "title": title,
      "siteTitle": siteTitle,
      "showSiteTitle": title != siteTitle,
      "content": contentHTML,
      "nav": navHTML,
      "toc": toc.map { ["level": $0.level, "id": $0.id, "text": $0.text] as [String: Any] },
      "hasToc": !toc.isEmpty,
      "root": root,
      "home": home,
      "hasPageLinks": previous != nil || next != nil,
      "notFound": isNotFound,
    ]
    if let description, !description.isEmpty { context["description"] = description }
    if let previous { context["previous"] = ["href": previous.href, "title": previous.title] }
    if let next { context["next"] = ["href": next.href, "title": next.title] }
    return context
  }
}
