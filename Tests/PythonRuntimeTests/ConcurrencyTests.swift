import XCTest
@testable import PythonRuntime

/// Threads, interpreters, the GIL and cross-interpreter queues under load.
/// `make tsan` runs this class under Thread Sanitizer.
final class ConcurrencyTests: XCTestCase {
  func testThreadsOfOneInterpreterTakeTurnsSafely() {
    assertPrints("""
      import threading
      counter = {'n': 0}
      lock = threading.Lock()
      def bump():
          for _ in range(2000):
              with lock:
                  counter['n'] += 1
      threads = [threading.Thread(target=bump) for _ in range(6)]
      for t in threads: t.start()
      for t in threads: t.join()
      print(counter['n'], threading.active_count())
      """, "12000 1\n")
  }

  func testConditionEventAndBarrier() {
    assertPrints("""
      import threading
      results = []
      barrier = threading.Barrier(3)
      ready = threading.Event()
      cond = threading.Condition()
      items = []
      def worker(i):
          barrier.wait()
          ready.wait()
          with cond:
              items.append(i)
              cond.notify()
      ts = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
      for t in ts: t.start()
      ready.set()
      with cond:
          cond.wait_for(lambda: len(items) == 3, timeout=10)
      for t in ts: t.join()
      print(sorted(items))
      """, "[0, 1, 2]\n")
  }

  func testInterpretersAreIsolated() {
    assertPrints("""
      from concurrent import interpreters
      import sys
      a = interpreters.create()
      b = interpreters.create()
      a.exec('x = 1; import sys; sys.tag = "a"')
      b.exec('x = 2')
      a.exec('print(x, getattr(sys, "tag", None))')
      b.exec('import sys; print(x, getattr(sys, "tag", None))')
      print(hasattr(sys, 'tag'))
      """, "1 a\n2 None\nFalse\n")
  }

  /// 8 producer and 8 consumer interpreters move 100 000 items through one
  /// queue; every item arrives exactly once.
  func testQueueStressAcrossInterpreters() {
    let r = runPython("""
      from concurrent import interpreters
      PRODUCERS, CONSUMERS, PER = 8, 8, 12500
      work = interpreters.create_queue(maxsize=1000)
      results = interpreters.create_queue()
      producers = [interpreters.create() for _ in range(PRODUCERS)]
      consumers = [interpreters.create() for _ in range(CONSUMERS)]
      for p in producers + consumers:
          p.prepare_main(work=work, results=results, PER=PER)
      threads = []
      for c in consumers:
          threads.append(c.call_in_thread(exec, '''
      total = 0
      count = 0
      while True:
          item = work.get()
          if item is None:
              break
          total += item
          count += 1
      results.put((count, total))
      '''))
      for i, p in enumerate(producers):
          p.prepare_main(start=i * PER)
          threads.append(p.call_in_thread(exec, '''
      for n in range(start, start + PER):
          work.put(n)
      '''))
      for t in threads[CONSUMERS:]:
          t.join()
      for _ in consumers:
          work.put(None)
      for t in threads[:CONSUMERS]:
          t.join()
      parts = [results.get() for _ in consumers]
      n = PRODUCERS * PER
      print(sum(c for c, _ in parts) == n, sum(t for _, t in parts) == n * (n - 1) // 2, work.qsize())
      """, timeout: 600)
    if case .exception(let e) = r.outcome { XCTFail(e.traceback) }
    XCTAssertEqual(r.output.stdout, "True True 0\n")
  }

  func testTimeLimitInterruptsBlockedThreadsAndReportsStacks() {
    let session = PythonSession(filename: "deadlock.md")
    defer { session.close() }
    let r = session.run("""
      import threading
      a, b = threading.Lock(), threading.Lock()
      def one():
          with a:
              barrier.wait()
              with b:
                  pass
      def two():
          with b:
              barrier.wait()
              with a:
                  pass
      barrier = threading.Barrier(2)
      t1 = threading.Thread(target=one, name="one")
      t2 = threading.Thread(target=two, name="two")
      t1.start(); t2.start()
      t1.join(); t2.join()
      """, mode: .exec, firstLine: 1, timeout: 2)
    guard case .timedOut(_, let stacks) = r.outcome else {
      return XCTFail("expected a time-out, got \(r.outcome)")
    }
    let report = stacks.joined(separator: "\n")
    XCTAssertTrue(report.contains("Thread 'one'"), report)
    XCTAssertTrue(report.contains("Thread 'two'"), report)
    XCTAssertTrue(report.contains("in one"), report)
    XCTAssertTrue(report.contains("in two"), report)
    XCTAssertTrue(report.contains("MainThread"), report)
    // Every thread was stopped, so the page can go on.
    XCTAssertTrue(session.isUsable)
    let after = session.run("print('still here')", mode: .exec, firstLine: 1, timeout: 5)
    XCTAssertEqual(after.output.stdout, "still here\n")
  }

  func testClosingAnInterpreterStopsItsThreads() {
    assertPrints("""
      from concurrent import interpreters
      interp = interpreters.create()
      interp.exec('''
      import threading, time
      stop = False
      def spin():
          while True:
              time.sleep(0.01)
      threading.Thread(target=spin).start()
      ''')
      interp.close()
      print([i.id for i in interpreters.list_all()])
      """, "[0]\n")
  }

  func testPrintFromEveryInterpreterReachesOneStream() {
    assertPrints("""
      from concurrent import interpreters
      interps = [interpreters.create() for _ in range(3)]
      for i, interp in enumerate(interps):
          interp.exec(f'print("from interpreter", {i + 1})')
      print("from main")
      """, "from interpreter 1\nfrom interpreter 2\nfrom interpreter 3\nfrom main\n")
  }

  func testInterpretersRunInParallelWithTheirOwnGIL() {
    // Two CPU-bound calls in two interpreters finish; their results come back.
    assertPrints("""
      from concurrent import interpreters
      def job(n):
          total = 0
          for i in range(n):
              total = (total + i * i) % 1000003
          return total
      a, b = interpreters.create(), interpreters.create()
      results = []
      import threading
      lock = threading.Lock()
      def run(interp):
          r = interp.call(job, 20000)
          with lock:
              results.append(r)
      ts = [threading.Thread(target=run, args=(i,)) for i in (a, b)]
      for t in ts: t.start()
      for t in ts: t.join()
      print(results[0] == results[1] == job(20000))
      """, "True\n")
  }
}
