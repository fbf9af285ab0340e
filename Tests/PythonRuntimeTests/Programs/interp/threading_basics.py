import threading, queue, time, concurrent.futures as cf
results = []
lock = threading.Lock()
def work(i):
    with lock:
        results.append(i * i)
ts = [threading.Thread(target=work, args=(i,), name=f"w{i}") for i in range(5)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(results), ts[0].name, ts[0].is_alive(), threading.active_count())
print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
ev = threading.Event(); print(ev.is_set(), ev.wait(0.01)); ev.set(); print(ev.wait())
q = queue.Queue(); [q.put(i) for i in range(3)]; print(q.get(), q.qsize(), q.empty())
pq = queue.PriorityQueue(); pq.put((2, "b")); pq.put((1, "a")); print(pq.get())
lq = queue.LifoQueue(); lq.put(1); lq.put(2); print(lq.get())
try: queue.Queue().get_nowait()
except queue.Empty: print("empty")
with cf.ThreadPoolExecutor(max_workers=3) as ex:
    futs = [ex.submit(pow, 2, i) for i in range(5)]
    print([f.result() for f in futs], list(ex.map(str, range(3))))
    print(sorted(f.result() for f in cf.as_completed(futs)))
f = cf.Future(); print(f.done(), f.cancel(), f.cancelled())
def boom(): raise ValueError("bad")
with cf.ThreadPoolExecutor() as ex:
    fu = ex.submit(boom)
    print(type(fu.exception()).__name__, fu.exception())
local = threading.local(); local.x = 1
def show(): print("has x", hasattr(local, "x"))
t = threading.Thread(target=show); t.start(); t.join()
c = threading.Condition(); items = []
def consumer():
    with c:
        c.wait_for(lambda: items)
        print("consumed", items.pop())
t = threading.Thread(target=consumer); t.start()
with c:
    items.append(42); c.notify()
t.join()
b = threading.Barrier(3); out = []
def bw(i):
    out.append(b.wait() >= 0)
ts = [threading.Thread(target=bw, args=(i,)) for i in range(3)]
[t.start() for t in ts]; [t.join() for t in ts]; print(out)
s = threading.Semaphore(2); print(s.acquire(), s.acquire(), s.acquire(blocking=False)); s.release()
bs = threading.BoundedSemaphore(1)
try: bs.release()
except ValueError as e: print("VE", e)
rl = threading.RLock()
with rl:
    with rl: print("reentrant ok")
t = threading.Thread(target=lambda: None, daemon=True); print(t.daemon, repr(t)[:20])
def exc_thread(): raise RuntimeError("in thread")
old = threading.excepthook
threading.excepthook = lambda args: print("hook:", args.exc_type.__name__, args.exc_value)
t = threading.Thread(target=exc_thread); t.start(); t.join()
threading.excepthook = old
timer = threading.Timer(0.01, lambda: print("timer fired")); timer.start(); timer.join()
print(threading.get_ident() == threading.current_thread().ident, isinstance(threading.get_native_id(), int))
