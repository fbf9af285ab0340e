import Foundation
import Mustache

/// The layout template and the static files (CSS, JS) of the site.
///
/// The default theme ships as a resource of this module. `--theme DIR`
/// overrides it file by file: a `page.mustache` in DIR replaces the layout,
/// a `weave.css` replaces the stylesheet, and any other file in DIR is added.
public struct Theme {
  public static let templateName = "page.mustache"
  /// Where the theme's static files go in the site.
  public static let outputFolder = "weave-theme"

  public var template: MustacheTemplate
  /// The template's source, to skip parsing it again when it did not change.
  var templateSource = Data()
  /// Static files by name (`weave.css`), copied to `weave-theme/`.
  public var files: [String: Data]

  public static var defaultDirectory: URL? {
    Bundle.module.url(forResource: "Theme", withExtension: nil)
  }

  public static func load(overrides: URL?, reusing previous: Theme? = nil) throws(Diagnostic) -> Theme {
    var files: [String: Data] = [:]
    var templateFile = Self.templateName
    for directory in [defaultDirectory, overrides].compactMap({ $0 }) {
      let names: [String]
      do {
        names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      } catch {
        throw Diagnostic(file: directory.path, line: nil, message: "cannot read the theme folder: \(error.localizedDescription)")
      }
      for name in names.sorted() where !name.hasPrefix(".") {
        let url = directory.appendingPathComponent(name)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
          let data = FileManager.default.contents(atPath: url.path) else { continue }
        files[name] = data
        if name == templateName { templateFile = url.path }
      }
    }
    guard let templateData = files.removeValue(forKey: templateName) else {
      throw Diagnostic(file: templateFile, line: nil, message: "the theme has no \(templateName) layout")
    }
    if let previous, previous.templateSource == templateData {
      return Theme(template: previous.template, templateSource: templateData, files: files)
    }
    do {
      let template = try MustacheTemplate(string: String(decoding: templateData, as: UTF8.self))
      return Theme(template: template, templateSource: templateData, files: files)
    } catch {
      throw Diagnostic(file: templateFile, line: nil, message: "invalid Mustache template: \(error)")
    }
  }
}
