/// The outcome of resuming a generator or sending into a sub-iterator.
enum SendResult {
  case yielded(Value)
  case returned(Value)
}

/// A generator (or coroutine) object: a suspended frame.
final class PyGenerator: PyObject {
  let frame: Frame
  var name: String
  var qualname: String
  private(set) var running = false
  private(set) var finished = false

  init(frame: Frame, type: PyType) {
    self.frame = frame
    self.name = frame.code.name
    self.qualname = frame.code.qualname
    super.init(type: type, kind: .generator)
  }

  var isStarted: Bool { frame.pc > 0 }
  var isCoroutine: Bool { frame.code.flags.contains(.coroutine) }
  private var label: String { isCoroutine ? "coroutine" : "generator" }

  /// Resumes with `sent` as the value of the pending `yield` expression, or
  /// raises `throwing` at that point.
  func resume(_ ts: ThreadState, sent: Value, throwing: PyException? = nil) throws(PyException) -> SendResult {
    if finished {
      if let e = throwing { throw e }
      if isCoroutine { throw PyException.runtimeError("cannot reuse already awaited coroutine") }
      return .returned(.none)
    }
    if running { throw PyException.valueError("\(label) already executing") }
    let delegating = frame.delegateExit
    frame.delegateExit = -1
    if let exc = throwing, delegating >= 0 {
      return try throwIntoDelegate(ts, exc, exit: delegating)
    }
    if throwing == nil {
      if !isStarted {
        if !sent.isNone {
          throw PyException.typeError("can't send non-None value to a just-started \(label)")
        }
      } else {
        (frame.stackBase + frame.stackDepth).initialize(to: sent)
        frame.stackDepth += 1
      }
    }
    return try execute(ts, throwing: throwing)
  }

  private func execute(_ ts: ThreadState, throwing: PyException?) throws(PyException) -> SendResult {
    running = true
    let outer = ts.handledException
    ts.handledException = frame.savedException
    defer {
      frame.savedException = ts.handledException
      ts.handledException = outer
      running = false
    }
    do throws(PyException) {
      let v = try ts.run(frame, throwing: throwing)
      if frame.suspended { return .yielded(v) }
      finished = true
      return .returned(v)
    } catch {
      finished = true
      if error.isInstance(of: PyType.stopIteration) {
        let e = PyException.runtimeError("\(label) raised StopIteration")
        e.cause = .object(error)
        e.context = .object(error)
        e.suppressContext = true
        throw e
      }
      throw error
    }
  }

  /// `throw()` while suspended inside `yield from`: the sub-iterator gets the
  /// exception first; only what it does not handle reaches this frame.
  private func throwIntoDelegate(_ ts: ThreadState, _ exc: PyException, exit: Int) throws(PyException) -> SendResult {
    let sub = frame.stackBase[frame.stackDepth - 1]
    var outcome: SendResult
    do throws(PyException) {
      if exc.isInstance(of: PyType.generatorExit) {
        try ts.closeIterator(sub)
        return try execute(ts, throwing: exc)
      }
      if case .object(let o) = sub, o.kind == .generator {
        outcome = try unsafeDowncast(o, to: PyGenerator.self).resume(ts, sent: .none, throwing: exc)
      } else if let m = try ts.lookupAttrOptional(sub, names.throw) {
        do throws(PyException) {
          outcome = .yielded(try ts.call(m, .object(exc)))
        } catch {
          if error.isInstance(of: PyType.stopIteration) {
            outcome = .returned(error.args.count > 0 ? error.args.items[0] : .none)
          } else {
            throw error
          }
        }
      } else {
        return try execute(ts, throwing: exc)
      }
    } catch {
      return try execute(ts, throwing: error)
    }
    switch outcome {
    case .yielded(let y):
      frame.delegateExit = exit
      return .yielded(y)
    case .returned(let r):
      frame.stackBase[frame.stackDepth - 1] = r
      frame.pc = exit
      return try execute(ts, throwing: nil)
    }
  }

  /// `close()`: raises GeneratorExit inside and expects the generator to end.
  func close(_ ts: ThreadState) throws(PyException) {
    if finished { return }
    if !isStarted {
      finished = true
      return
    }
    do throws(PyException) {
      let r = try resume(ts, sent: .none, throwing: PyException(type: PyType.generatorExit, args: PyTuple.empty))
      if case .yielded = r {
        throw PyException.runtimeError("\(label) ignored GeneratorExit")
      }
    } catch {
      if error.isInstance(of: PyType.generatorExit) || error.isInstance(of: PyType.stopIteration) { return }
      throw error
    }
  }
}

extension ThreadState {
  /// Sends `value` into the iterator of a `yield from` / `await`.
  func sendInto(_ sub: Value, _ value: Value) throws(PyException) -> SendResult {
    if case .object(let o) = sub, o.kind == .generator {
      return try unsafeDowncast(o, to: PyGenerator.self).resume(self, sent: value)
    }
    do throws(PyException) {
      if value.isNone {
        if let v = try next(sub, keepStopIteration: true) { return .yielded(v) }
        return .returned(.none)
      }
      let r = try callMethod(sub, names.send, value)
      return .yielded(r)
    } catch {
      if error.isInstance(of: PyType.stopIteration) {
        return .returned(error.args.count > 0 ? error.args.items[0] : .none)
      }
      throw error
    }
  }

  /// Calls `close()` on an iterator if it has one.
  func closeIterator(_ it: Value) throws(PyException) {
    if case .object(let o) = it, o.kind == .generator {
      try unsafeDowncast(o, to: PyGenerator.self).close(self)
      return
    }
    if let m = try lookupAttrOptional(it, names.close) { _ = try call(m) }
  }
}
