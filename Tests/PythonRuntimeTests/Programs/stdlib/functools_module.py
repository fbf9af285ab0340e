import functools
from functools import partial, reduce, wraps, lru_cache, cache, total_ordering, cached_property, singledispatch, cmp_to_key, partialmethod
def f(a, b, c=3): return (a, b, c)
p = partial(f, 1); print(p(2), p(2, c=4), p.func is f, p.args, p.keywords)
p2 = partial(p, 2, c=9); print(p2(), p2.args, p2.keywords, p2.func is f)
print(reduce(lambda x, y: x + y, [1, 2, 3, 4]), reduce(lambda x, y: x * y, [], 1), reduce(max, [3, 1, 4]))
try: reduce(lambda x, y: x, [])
except TypeError as e: print(e)
def deco(fn):
    @wraps(fn)
    def wrapper(*a, **k):
        "wrapper doc"
        return fn(*a, **k)
    return wrapper
@deco
def hello(name):
    "Say hello"
    return "hi " + name
print(hello("x"), hello.__name__, hello.__doc__, hello.__wrapped__.__name__, hello.__qualname__)
@lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), fib.cache_info())
fib.cache_clear(); print(fib.cache_info())
@lru_cache(maxsize=2)
def sq(x):
    print("compute", x)
    return x * x
sq(1); sq(2); sq(1); sq(3); sq(2); print(sq.cache_info(), sq.cache_parameters())
@cache
def fact(n): return 1 if n <= 1 else n * fact(n - 1)
print(fact(10), fact.cache_info(), fact.__name__)
@lru_cache
def g(x, y=1): return x + y
print(g(1), g(1, y=1), g(1, 1), g.cache_info())
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) > V(2), V(2) >= V(2), V(1) > V(2))
class C:
    def __init__(self): self.n = 0
    @cached_property
    def val(self):
        self.n += 1
        return 42
c = C(); print(c.val, c.val, c.n, 'val' in c.__dict__)
@singledispatch
def show(x): return "obj"
@show.register
def _(x: int): return "int"
@show.register(list)
def _(x): return "list"
print(show(1), show([1]), show("s"), show(True))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
class Cell:
    def __init__(self): self.alive = False
    def set_state(self, state): self.alive = bool(state)
    set_alive = partialmethod(set_state, True)
cc = Cell(); cc.set_alive(); print(cc.alive)
print(repr(partial(f, 1, c=2)).startswith("functools.partial(<function f at "), functools.WRAPPER_ASSIGNMENTS[:4], functools.WRAPPER_UPDATES)
class A:
    m = partial(f, 10)
print(A().m(20)[0] is not None)
try: partial()
except TypeError as e: print(e)
try: partial(1)
except TypeError as e: print(e)
print(type(fib).__name__, isinstance(p, partial))
