class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns)
        cls.tag = kw.get("tag", "none")
        return cls
    def __call__(cls, *args):
        print("creating", cls.__name__)
        return super().__call__(*args)
class A(metaclass=Meta, tag="x"):
    def __init__(self, v): self.v = v
a = A(3)
print(A.tag, a.v, type(A).__name__, isinstance(a, A))
class Desc:
    def __set_name__(self, owner, name): self.name = name
    def __get__(self, obj, objtype=None):
        if obj is None: return self
        return obj.__dict__.get(self.name, 0) * 10
    def __set__(self, obj, value): obj.__dict__[self.name] = value
class B:
    d = Desc()
b = B(); b.d = 4
print(b.d, B.d.name)
class Lazy:
    def __getattr__(self, name): return f"<{name}>"
l = Lazy(); l.real = 1
print(l.real, l.missing)
class P:
    __slots__ = ("x", "y")
    def __init__(self): self.x = 1
p = P()
try:
    print(p.y)
except AttributeError as e:
    print("AttributeError", e)
class Counter:
    count = 0
    def __init__(self): Counter.count += 1
    @classmethod
    def made(cls): return cls.count
    @staticmethod
    def twice(x): return x * 2
Counter(); Counter()
print(Counter.made(), Counter.twice(21), Counter().made())
class Base:
    def __init_subclass__(cls, flavor="plain", **kw):
        super().__init_subclass__(**kw)
        cls.flavor = flavor
class Sweet(Base, flavor="sweet"): pass
print(Sweet.flavor, Base.__subclasses__() if hasattr(Base, '__subclasses__') else None)
class V:
    def __init__(self, *xs): self.xs = xs
    def __repr__(self): return f"V{self.xs}"
    def __eq__(self, o): return isinstance(o, V) and self.xs == o.xs
    def __hash__(self): return hash(self.xs)
    def __lt__(self, o): return self.xs < o.xs
    def __getitem__(self, i): return self.xs[i]
    def __len__(self): return len(self.xs)
    def __iter__(self): return iter(self.xs)
    def __contains__(self, x): return x in self.xs
    def __bool__(self): return bool(self.xs)
    def __call__(self, k): return k * len(self)
print(sorted([V(3), V(1, 2), V(1)]), V(1) in {V(1)}, V(1, 2)[1], len(V()), list(V(4, 5)), 5 in V(4, 5), bool(V()), V(1, 2)(10))
print(V(1, 2)[::-1], V(*range(3)))
class Temp:
    def __init__(self): self._c = 0
    @property
    def c(self): return self._c
    @c.setter
    def c(self, v):
        if v < -273: raise ValueError("too cold")
        self._c = v
    @c.deleter
    def c(self): print("deleting"); self._c = None
t = Temp(); t.c = 5; print(t.c)
try: t.c = -300
except ValueError as e: print(e)
del t.c; print(t.c)
try:
    Temp().nothere = 1; print("set ok")
except AttributeError as e: print(e)
class Ro:
    @property
    def x(self): return 1
try:
    Ro().x = 2
except AttributeError as e: print(e)
print(type(3).__mro__, int.__name__, Temp.__qualname__, Temp.c.__class__.__name__)
class Outer:
    class Inner:
        def m(self): return type(self).__qualname__
print(Outer.Inner().m(), Outer.Inner.m.__qualname__)
