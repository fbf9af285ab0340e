def g():
    try:
        x = yield 1
        print("got", x)
        y = yield 2
        print("got", y)
    except ValueError as e:
        print("caught", e)
        yield "recovered"
    finally:
        print("cleanup")
it = g()
print(next(it), it.send("a"), it.throw(ValueError("boom")))
it.close()
def sub():
    r = yield 1
    yield r
    return "sub-done"
def outer():
    res = yield from sub()
    print("result", res)
    yield "outer-end"
o = outer()
print(next(o), o.send("S"), next(o))
def countdown(n):
    while n: yield n; n -= 1
print(list(countdown(3)), sum(countdown(4)), max(countdown(5)))
gen = (i * i for i in range(5) if i % 2)
print(list(gen), list(gen))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools as _it
f = fib()
print([next(f) for _ in range(8)])
def closer():
    try:
        yield 1
    except GeneratorExit:
        print("exit seen")
        raise
c = closer(); next(c); c.close()
def stopper():
    yield 1
    return 99
s = stopper(); next(s)
try: next(s)
except StopIteration as e: print("stop value", e.value)
def bad():
    raise StopIteration
    yield
try: list(bad())
except RuntimeError as e: print(e)
print(type(g()).__name__, g.__name__)
