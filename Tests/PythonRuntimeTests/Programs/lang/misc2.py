a, *b, c = [1, 2, 3, 4, 5]
print(a, b, c)
(x, y), z = (1, 2), 3
print(x, y, z)
d = {**{"a": 1}, "b": 2}
print(d, [*range(3), *"ab"], {*[1, 2], 3})
def f(*args, **kw): return args, kw
print(f(*[1, 2], *(3,), **{"k": 1}, z=2))
print([(i, j) for i in range(3) for j in range(i)])
print({k: v for k, v in zip("abc", range(3)) if v})
print({x % 3 for x in range(10)})
g = 10
def outer():
    g = 20
    def inner():
        nonlocal g
        g += 1
        return g
    return inner(), g
print(outer(), g)
def gl():
    global g
    g = 99
gl(); print(g)
print([lambda: i for i in range(2)][0](), (lambda *a, **k: (a, k))(1, b=2))
match {"type": "point", "x": 1, "y": 2}:
    case {"type": "point", "x": 0, "y": yy}: print("on y", yy)
    case {"type": "point", "x": xx, **rest}: print("x", xx, rest)
class Pt:
    __match_args__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
for p in [Pt(0, 0), Pt(1, 0), Pt(2, 3), [1, 2, 3], (4,), "s", 42, None]:
    match p:
        case Pt(0, 0): print("origin")
        case Pt(x=1): print("x is one")
        case Pt(a, b) if a < b: print("ascending", a, b)
        case [1, *rest]: print("starts with 1", rest)
        case (v,): print("single", v)
        case str() as s: print("string", s)
        case int(n) | float(n): print("number", n)
        case None: print("none")
print(f"{'x':>5}|{3.14159:.2f}|{42:#06x}|{1234567:_}|{'c':^5}|{-1:+}|{0.5:.0%}")
width = 8
print(f"{'nested':>{width}}", f"{3!r:>4}", f"{'a'!r}", f"{2 + 3 = }")
print("%5.1f|%-4d|%s|%r|%x" % (3.14159, 42, "s", "r", 255))
print("{0:>4}{1:<4}{0}".format("a", "b"), "{name}".format(name="n"), "{:,}".format(10**6))
if (n := 10) > 5: print("walrus", n)
print(list(filter(None, [0, 1, "", "x"])), list(map(lambda a, b: a + b, [1, 2], [3, 4])))
print(sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1], reverse=True))
print(divmod(-7, 2), -7 // 2, -7 % 2, 7 % -2, 2 ** -1, 10 ** 20, (-2) ** 0.5 if False else "skip")
print(round(2.5), round(3.5), round(-0.5), round(1.005, 2), int("0b101", 0), float("1e-3"))
print(1 < 2 < 3, 1 < 3 < 2, "a" < "b", [1, 2] < [1, 3], (1, "a") < (1, "b"))
print(chr(0x1F600), ord("€"), "é".upper(), len("héllo"), "héllo"[1])
x = [3, 1, 2]
x.sort(); print(x, x.index(2), x.count(3))
del x[0]; print(x)
s = "abc"
print(s * 2, s[::-1], s[-1], s[1:], "b" in s, s.upper())
print(isinstance(True, int), issubclass(bool, int), type(None), type(...))
print(any(x > 2 for x in x), all(isinstance(i, int) for i in x))
print(bytes([65, 66]), bytearray(b"xy"), b"ab" + b"cd", b"abc"[1], list(b"hi"))
print(hash(1) == hash(1.0) == hash(True), 0.1 + 0.2 == 0.3, abs(-3.5), max([1, 5, 3]), min("bca"))
