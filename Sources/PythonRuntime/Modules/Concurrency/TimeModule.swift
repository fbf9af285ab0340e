#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `time` module. `sleep` releases the GIL and stays interruptible by
/// the time limit of a documentation run.
enum TimeModule {
  static func make(_ ts: ThreadState) throws(PyException) -> PyModule {
    let m = PyModule(name: "time")
    m.addFunction("time") { _, _ throws(PyException) in .float(wallClock()) }
    m.addFunction("time_ns") { _, _ throws(PyException) in .int(Int(wallClock() * 1e9)) }
    m.addFunction("perf_counter") { _, _ throws(PyException) in .float(monotonicNow()) }
    m.addFunction("perf_counter_ns") { _, _ throws(PyException) in .int(Int(monotonicNow() * 1e9)) }
    m.addFunction("monotonic") { _, _ throws(PyException) in .float(monotonicNow()) }
    m.addFunction("monotonic_ns") { _, _ throws(PyException) in .int(Int(monotonicNow() * 1e9)) }
    m.addFunction("process_time") { _, _ throws(PyException) in .float(cpuTime()) }
    m.addFunction("process_time_ns") { _, _ throws(PyException) in .int(Int(cpuTime() * 1e9)) }
    m.addFunction("thread_time") { _, _ throws(PyException) in .float(threadCPUTime()) }
    m.addFunction("sleep") { ts, args throws(PyException) in
      try args.expect("sleep", 1, skipSelf: false)
      guard let n = Num(args[0]) else {
        throw PyException.typeError("'\(args[0].type.name)' object cannot be interpreted as an integer")
      }
      let seconds = try n.toDouble()
      if seconds.isNaN { throw PyException.valueError("Invalid value NaN (not a number)") }
      if seconds < 0 { throw PyException.valueError("sleep length must be non-negative") }
      try sleep(ts, seconds)
      return .none
    }
    m.add("timezone", .int(0))
    m.add("altzone", .int(0))
    m.add("daylight", .int(0))
    m.add("tzname", .object(PyTuple([Value("UTC"), Value("UTC")])))
    m.addFunction("gmtime") { ts, args throws(PyException) in
      let secs = args.count > 0 && !args[0].isNone ? try Num(args[0])?.toDouble() ?? wallClock() : wallClock()
      return try structTime(ts, secs)
    }
    m.addFunction("localtime") { ts, args throws(PyException) in
      let secs = args.count > 0 && !args[0].isNone ? try Num(args[0])?.toDouble() ?? wallClock() : wallClock()
      return try structTime(ts, secs)
    }
    m.addFunction("strftime") { ts, args throws(PyException) in
      try args.expect("strftime", min: 1, max: 2, skipSelf: false)
      let fmt = try ts.strArg(args[0], "strftime() argument 1 must be str, not \(args[0].type.name)").value
      var t = tm()
      if args.count > 1 {
        let items = try ts.collect(args[1])
        guard items.count >= 9 else { throw PyException.typeError("time.struct_time() takes a 9-sequence") }
        let v = items.map { $0.smallInt ?? 0 }
        t.tm_year = Int32(v[0] - 1900)
        t.tm_mon = Int32(v[1] - 1)
        t.tm_mday = Int32(v[2])
        t.tm_hour = Int32(v[3])
        t.tm_min = Int32(v[4])
        t.tm_sec = Int32(v[5])
        t.tm_wday = Int32((v[6] + 1) % 7)
        t.tm_yday = Int32(v[7] - 1)
      } else {
        var now = time_t(wallClock())
        gmtime_r(&now, &t)
      }
      var buf = [Int8](repeating: 0, count: 512)
      let n = Glibc.strftime(&buf, buf.count, fmt, &t)
      return Value(String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
    m.addFunction("ctime") { ts, args throws(PyException) in
      var now = time_t(args.count > 0 && !args[0].isNone ? try Num(args[0])?.toDouble() ?? wallClock() : wallClock())
      var t = tm()
      gmtime_r(&now, &t)
      var buf = [Int8](repeating: 0, count: 64)
      let n = Glibc.strftime(&buf, buf.count, "%a %b %e %H:%M:%S %Y", &t)
      return Value(String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
    return m
  }

  /// Sleeps without the GIL in short slices, so a pending time-limit
  /// interrupt ends the sleep promptly.
  static func sleep(_ ts: ThreadState, _ seconds: Double) throws(PyException) {
    let deadline = monotonicNow() + seconds
    if seconds == 0 {
      // sleep(0) yields the GIL to other threads.
      ts.releaseGIL()
      sched_yield()
      ts.acquireGIL()
      try ts.checkAsyncException()
      return
    }
    ts.releaseGIL()
    while true {
      let left = deadline - monotonicNow()
      if left <= 0 || ts.hasPendingAsyncException { break }
      let slice = min(left, 0.05)
      var req = timespec(tv_sec: Int(slice), tv_nsec: Int((slice - Double(Int(slice))) * 1e9))
      nanosleep(&req, nil)
    }
    ts.acquireGIL()
    try ts.checkAsyncException()
  }

  static func wallClock() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_REALTIME, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }

  static func cpuTime() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }

  static func threadCPUTime() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }

  private static func structTime(_ ts: ThreadState, _ secs: Double) throws(PyException) -> Value {
    var now = time_t(secs.rounded(.down))
    var t = tm()
    gmtime_r(&now, &t)
    let fields: [Value] = [.int(Int(t.tm_year) + 1900), .int(Int(t.tm_mon) + 1), .int(Int(t.tm_mday)),
                           .int(Int(t.tm_hour)), .int(Int(t.tm_min)), .int(Int(t.tm_sec)),
                           .int((Int(t.tm_wday) + 6) % 7), .int(Int(t.tm_yday) + 1), .int(0)]
    return .object(PyTuple(fields))
  }
}
