# Function calls: keywords, defaults, *args/**kwargs, decorators, bound methods, lambdas.
import functools

def counted(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return fn(*args, **kwargs)
    wrapper.calls = 0
    return wrapper

@counted
def area(w, h=1, *, scale=1):
    return w * h * scale

def total(*values, start=0):
    for v in values:
        start += v
    return start

class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
    def dot(self, other):
        return self.x * other.x + self.y * other.y

acc = 0
v = Vec(2, 3)
dot = v.dot
key = lambda p: (p % 7, -p)
for i in range(150000):
    acc += area(i, h=2) + area(i, scale=3) + total(i, 1, 2, start=i)
    acc += dot(Vec(i, 1)) + key(i)[0]
print(acc, area.calls, area.__name__, sorted(range(20), key=key)[:5])
