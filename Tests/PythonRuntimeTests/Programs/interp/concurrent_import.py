# Threads importing the same module at once: none may see it half-initialised.
from concurrent import interpreters

code = """
import threading
seen = []
def worker():
    from concurrent import interpreters as m
    import dataclasses
    seen.append(hasattr(m, 'create') and hasattr(m, 'Queue') and hasattr(dataclasses, 'dataclass'))
threads = [threading.Thread(target=worker) for _ in range(3)]
for t in threads: t.start()
for t in threads: t.join()
ok = all(seen) and len(seen) == 3
"""
for _ in range(8):
    interp = interpreters.create()
    interp.exec(code)
    interp.exec("import sys; sys.modules['__main__'].ok or print('half-initialised module seen')")
    interp.close()
print("done")
