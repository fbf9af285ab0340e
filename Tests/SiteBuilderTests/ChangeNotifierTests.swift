import XCTest
@testable import SiteBuilder

/// `weave serve` wakes on file events (inotify) rather than polling, so a
/// save reaches the browser in tens of milliseconds.
final class ChangeNotifierTests: XCTestCase {
  func testASaveWakesTheWaitAtOnceAndQuietTimesOut() async throws {
    let folder = TemporaryFolder()
    folder.write("Doc/index.md", "# Home\n")
    let docs = folder.url.appendingPathComponent("Doc")
    let notifier = ChangeNotifier(folders: [docs])
    #if os(Linux)
    XCTAssertTrue(notifier.isEventDriven, "inotify is available on Linux")
    #endif
    try XCTSkipUnless(notifier.isEventDriven, "no file events on this system; serve polls instead")

    var start = Date()
    let quiet = await notifier.wait(timeout: 0.1)
    XCTAssertFalse(quiet)
    XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(start), 0.09)

    DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { folder.write("Doc/index.md", "# Home, edited\n") }
    start = Date()
    let woken = await notifier.wait(timeout: 5)
    XCTAssertTrue(woken)
    XCTAssertLessThan(Date().timeIntervalSince(start), 1, "a save is reported as it happens")

    // A folder created later is watched once `watch` is called again.
    while await notifier.wait(timeout: 0.05) {}
    try FileManager.default.createDirectory(at: docs.appendingPathComponent("new/deeper"), withIntermediateDirectories: true)
    let created = await notifier.wait(timeout: 5)
    XCTAssertTrue(created)
    notifier.watch([docs])
    while await notifier.wait(timeout: 0.05) {}
    DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { folder.write("Doc/new/deeper/page.md", "# Deep\n") }
    let inNewFolder = await notifier.wait(timeout: 5)
    XCTAssertTrue(inNewFolder, "a file written in a new folder wakes the wait")
  }
}
