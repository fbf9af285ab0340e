import XCTest
import FlyingFox
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import SiteBuilder

final class PreviewTests: XCTestCase {
  func body(_ response: HTTPResponse) async throws -> String {
    String(decoding: try await response.bodyData, as: UTF8.self)
  }

  func testServedPagesGetTheLiveReloadScriptAndFilesTheirType() async throws {
    let server = PreviewServer()
    server.publish(["index.html": .data(Data("<html><body>Hi</body></html>".utf8)),
                    "guide/index.html": .data(Data("<html><body>Guide</body></html>".utf8)),
                    "weave-theme/weave.css": .data(Data("body{}".utf8)),
                    "404.html": .data(Data("<html><body>Missing</body></html>".utf8))])
    let index = server.response(for: "/")
    XCTAssertEqual(index.statusCode, .ok)
    let indexBody = try await body(index)
    XCTAssertEqual(indexBody, "<html><body>Hi<script src=\"/__weave/live.js\"></script>\n</body></html>")
    let guideBody = try await body(server.response(for: "/guide"))
    XCTAssertTrue(guideBody.contains("Guide"))
    let css = server.response(for: "/weave-theme/weave.css")
    XCTAssertEqual(css.headers[.contentType], "text/css; charset=utf-8")
    let cssBody = try await body(css)
    XCTAssertEqual(cssBody, "body{}")
    let missing = server.response(for: "/nope.html")
    XCTAssertEqual(missing.statusCode, .notFound)
    let missingBody = try await body(missing)
    XCTAssertTrue(missingBody.contains("Missing"))
    let script = try await body(server.response(for: "/__weave/live.js"))
    XCTAssertTrue(script.contains("EventSource(\"/__weave/events\")"))
  }

  func testEventStreamStartsWithTheCurrentStateAndCarriesReloads() async throws {
    let hub = LiveReloadHub()
    hub.broadcastFailure("Doc/a.md:3: boom\n    detail")
    var iterator = hub.subscribe().makeAsyncIterator()
    var received = ""
    while !received.contains("event: failed") {
      guard let chunk = try await iterator.next() else { break }
      received += String(decoding: chunk, as: UTF8.self)
    }
    // The body is sent with chunked transfer encoding; each event is one chunk.
    XCTAssertTrue(received.contains("\r\nevent: failed\ndata: Doc/a.md:3: boom\ndata:     detail\n\n\r\n"), received)
    XCTAssertEqual(hub.clientCount, 1)
    hub.broadcastReload()
    received = ""
    while !received.contains("\n\n\r\n") {
      guard let chunk = try await iterator.next() else { break }
      received += String(decoding: chunk, as: UTF8.self)
    }
    XCTAssertTrue(received.contains("\r\nevent: reload\ndata: \n\n\r\n"), received)
  }

  func testServerListensOnLoopbackOnly() async throws {
    let server = PreviewServer()
    server.publish(["index.html": .data(Data("<html><body>Live</body></html>".utf8))])
    let port = try await server.start(port: 0)
    defer { Task { await server.stop() } }
    XCTAssertGreaterThan(port, 0)
    let (data, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/index.html")!)
    XCTAssertEqual((response as? HTTPURLResponse)?.statusCode, 200)
    XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("/__weave/live.js"))
    await server.stop()
  }

  func testSnapshotsFindAddedChangedAndRemovedFiles() throws {
    let folder = TemporaryFolder()
    folder.write("a.md", "one")
    folder.write("sub/b.md", "two")
    let before = FolderSnapshot.take([folder.url])
    XCTAssertEqual(before.changes(since: before).paths, [])
    folder.write("a.md", "one, longer")
    folder.write("c.md", "new")
    try FileManager.default.removeItem(at: folder.url.appendingPathComponent("sub/b.md"))
    let after = FolderSnapshot.take([folder.url])
    XCTAssertEqual(after.changes(since: before).paths, ["0:/a.md", "0:/c.md", "0:/sub/b.md"])
    XCTAssertNotNil(after.changes(since: before).newest)
  }
}
