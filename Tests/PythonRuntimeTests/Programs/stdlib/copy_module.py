import copy
from collections import namedtuple, OrderedDict, defaultdict, Counter, deque
a = [1, [2, 3], {'k': [4]}]
b = copy.copy(a); c = copy.deepcopy(a)
a[1].append(99); a[2]['k'].append(5)
print(a, b, c, b[1] is a[1], c[1] is a[1])
class P:
    def __init__(self, x, y): self.x, self.y = x, y
    def __repr__(self): return f"P({self.x}, {self.y})"
p = P(1, [2]); q = copy.copy(p); r = copy.deepcopy(p); p.y.append(3)
print(p, q, r, q.y is p.y, r.y is p.y)
class WithCopy:
    def __init__(self, v): self.v = v
    def __copy__(self): print("__copy__ called"); return WithCopy(self.v)
    def __deepcopy__(self, memo): print("__deepcopy__ called", type(memo).__name__); return WithCopy(copy.deepcopy(self.v, memo))
copy.copy(WithCopy(1)); copy.deepcopy(WithCopy([1]))
rec = [1]; rec.append(rec); rc = copy.deepcopy(rec); print(rc[1] is rc, rc[0])
t = (1, [2]); tc = copy.deepcopy(t); print(tc, tc is t, tc[1] is t[1], copy.deepcopy((1, 2)) is not None)
Pt = namedtuple('Pt', 'x y'); pt = Pt(1, [2]); print(copy.copy(pt), copy.deepcopy(pt), type(copy.deepcopy(pt)).__name__)
od = OrderedDict(a=1, b=2); print(copy.copy(od), copy.deepcopy(od))
dd = defaultdict(list, a=[1]); ddc = copy.deepcopy(dd); print(ddc, ddc['a'] is dd['a'])
print(copy.copy(Counter('aab')), copy.deepcopy(deque([1, [2]], maxlen=5)))
class S:
    __slots__ = ('a', 'b')
    def __init__(self): self.a = 1; self.b = [2]
s2 = copy.deepcopy(S()); print(s2.a, s2.b)
print(copy.copy(5), copy.copy('s'), copy.deepcopy({'a': (1, 2)}), copy.copy({1, 2}), copy.deepcopy({frozenset([1])}))
class Sub(list): pass
sl = Sub([1, 2]); sl.attr = 'x'; slc = copy.deepcopy(sl); print(type(slc).__name__, slc, slc.attr)
print(copy.replace(Pt(1, 2), x=5))
try: copy.replace([], x=1)
except TypeError as e: print(e)
