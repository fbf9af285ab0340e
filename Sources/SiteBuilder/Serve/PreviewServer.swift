import Foundation
import FlyingFox
import FlyingSocks

/// Serves the last good site from memory on 127.0.0.1, with the live-reload
/// endpoints. Replacing the site is atomic: a request sees either the old
/// or the new version.
public final class PreviewServer: @unchecked Sendable {
  public let hub = LiveReloadHub()
  private let lock = NSLock()
  private var files: [String: SiteFile] = [:]
  private var server: HTTPServer?

  public init() {}

  public func publish(_ site: [String: SiteFile]) {
    lock.lock()
    files = site
    lock.unlock()
  }

  /// Starts listening; returns the port (useful with port 0).
  public func start(port: UInt16) async throws -> UInt16 {
    let address = try sockaddr_in.inet(ip4: "127.0.0.1", port: port)
    let server = HTTPServer(address: address, timeout: 60, logger: .disabled, handler: Handler(owner: self))
    self.server = server
    Task { try await server.run() }
    try await server.waitUntilListening()
    if case .ip4(_, let actualPort)? = await server.listeningAddress { return actualPort }
    return port
  }

  public func stop() async {
    hub.closeAll()
    await server?.stop(timeout: 1)
  }

  func response(for path: String) -> HTTPResponse {
    if path == LiveReloadScript.eventsPath {
      return HTTPResponse(statusCode: .ok,
                          headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
                          body: hub.subscribe())
    }
    if path == LiveReloadScript.path {
      return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/javascript; charset=utf-8"],
                          body: Data(LiveReloadScript.source.utf8))
    }
    lock.lock()
    let site = files
    lock.unlock()
    var name = String((path.removingPercentEncoding ?? path).drop(while: { $0 == "/" }))
    if name.isEmpty || name.hasSuffix("/") { name += "index.html" }
    if site[name] == nil, site[name + "/index.html"] != nil { name += "/index.html" }
    guard let file = site[name], let data = file.contents() else {
      let body = site["404.html"]?.contents() ?? Data("<!DOCTYPE html><title>Not found</title><h1>Not found</h1>".utf8)
      return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/html; charset=utf-8"],
                          body: Data(LiveReloadScript.inject(into: String(decoding: body, as: UTF8.self)).utf8))
    }
    let type = Self.contentType(of: name)
    if type.hasPrefix("text/html") {
      let html = LiveReloadScript.inject(into: String(decoding: data, as: UTF8.self))
      return HTTPResponse(statusCode: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: Data(html.utf8))
    }
    return HTTPResponse(statusCode: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: data)
  }

  static func contentType(of name: String) -> String {
    switch (name as NSString).pathExtension.lowercased() {
    case "html", "htm": return "text/html; charset=utf-8"
    case "css": return "text/css; charset=utf-8"
    case "js": return "text/javascript; charset=utf-8"
    case "json": return "application/json"
    case "svg": return "image/svg+xml"
    case "png": return "image/png"
    case "jpg", "jpeg": return "image/jpeg"
    case "gif": return "image/gif"
    case "webp": return "image/webp"
    case "ico": return "image/x-icon"
    case "txt", "md", "py": return "text/plain; charset=utf-8"
    case "woff2": return "font/woff2"
    default: return "application/octet-stream"
    }
  }

  private struct Handler: HTTPHandler {
    let owner: PreviewServer
    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
      guard request.method == .GET || request.method == .HEAD else {
        return HTTPResponse(statusCode: .methodNotAllowed)
      }
      return owner.response(for: request.path)
    }
  }
}
