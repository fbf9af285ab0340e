import weakref, gc
class A:
    def __init__(self, n): self.n = n
    def m(self): return self.n
a = A(1)
r = weakref.ref(a); print(r() is a, r().n, weakref.getweakrefcount(a))
del a; print(r(), gc.collect())
b = A(2)
r2 = weakref.ref(b, lambda ref: print("callback, dead:", ref() is None))
del b
print("after del")
c = A(3); f = weakref.finalize(c, print, "finalized", 3); print(f.alive); del c; print(f.alive)
d = A(4); f2 = weakref.finalize(d, lambda: "ret"); print(f2(), f2.alive, f2())
wvd = weakref.WeakValueDictionary()
x = A(5); y = A(6); wvd['x'] = x; wvd['y'] = y
print(len(wvd), sorted(wvd.keys()), wvd['x'].n); del x; print(len(wvd), list(wvd), 'x' in wvd)
wkd = weakref.WeakKeyDictionary(); k = A(7); wkd[k] = 'v'; print(len(wkd), wkd[k]); del k; print(len(wkd))
ws = weakref.WeakSet(); p = A(8); q = A(9); ws.add(p); ws.add(q); print(len(ws)); del p; print(len(ws))
o = A(10); wm = weakref.WeakMethod(o.m); print(wm()()); del o; print(wm())
try: weakref.ref([1])
except TypeError as e: print(e)
try: weakref.ref(5)
except TypeError as e: print(e)
def fn(): pass
print(weakref.ref(fn)() is fn, gc.isenabled(), gc.disable(), gc.isenabled(), gc.enable())
pr = weakref.proxy(A(11)) if False else None
z = A(12); pz = weakref.proxy(z); print(pz.n); del z
try: pz.n
except ReferenceError as e: print(e)
class Cache:
    def __init__(self): self.objs = weakref.WeakValueDictionary()
