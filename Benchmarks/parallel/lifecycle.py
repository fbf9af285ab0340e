# Cost of the runtime components themselves, measured inside one process.
# Runs on the bundled runtime (or CPython >= 3.14): `weave run lifecycle.py`.
#   create+close   interpreters.create() followed by close(), per interpreter
#   exec           a trivial interp.exec() round trip
#   call           interp.call() of a stateless function with one argument
#   queue          put+get of small ints between two interpreters, items/s
import time
from concurrent import interpreters

def per_op(label, n, fn):
    fn()  # warm up
    t = time.perf_counter()
    for _ in range(n):
        fn()
    dt = (time.perf_counter() - t) / n
    print(f"{label:<14}{dt * 1e6:>10.1f} us per op  ({n} ops)")

def create_close():
    interpreters.create().close()

per_op("create+close", 2000, create_close)

interp = interpreters.create()
per_op("exec", 5000, lambda: interp.exec("pass"))

def add_one(x):
    return x + 1
per_op("call", 5000, lambda: interp.call(add_one, 41))

# Queue throughput: the other interpreter echoes every item back, in its own
# thread, so each item crosses twice (put+get on both sides).
ITEMS = 50000
inbox, outbox = interpreters.create_queue(), interpreters.create_queue()
def echo(inbox, outbox):
    while True:
        item = inbox.get()
        if item is None:
            break
        outbox.put(item)
worker = interp.call_in_thread(echo, inbox, outbox)
t = time.perf_counter()
total = 0
window = 64
for i in range(ITEMS + window):
    if i < ITEMS:
        inbox.put(i)
    if i >= window:
        total += outbox.get()
inbox.put(None)
worker.join()
dt = time.perf_counter() - t
assert total == ITEMS * (ITEMS - 1) // 2, total
print(f"{'queue echo':<14}{ITEMS / dt:>10.0f} items/s round trip ({ITEMS} items, window {window})")
interp.close()
