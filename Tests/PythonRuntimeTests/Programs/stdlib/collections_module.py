from collections import deque, defaultdict, Counter, namedtuple, OrderedDict, ChainMap
import collections.abc as cabc
d = deque([1, 2, 3])
d.append(4); d.appendleft(0); print(d, len(d), d[0], d[-1])
print(d.pop(), d.popleft(), d)
d.extend([7, 8]); d.extendleft([9, 10]); print(d)
d.rotate(2); print(d); d.rotate(-3); print(d)
print(d.index(7), d.count(2), 3 in d, 99 in d)
d.remove(7); d.insert(1, 'x'); print(d); d.reverse(); print(d)
dm = deque(range(10), maxlen=3); print(dm, dm.maxlen); dm.append(10); print(dm); dm.appendleft(-1); print(dm)
print(deque(), deque('ab') == deque('ab'), deque([1]) < deque([2]), deque([1,2]) + deque([3]), deque([1]) * 3)
e = d.copy(); e.clear(); print(e, d)
try: deque().pop()
except IndexError as ex: print(ex)
try: deque([1]).remove(5)
except ValueError as ex: print(ex)
try: deque([1]).index(5)
except ValueError as ex: print(ex)
try: deque([1])[5]
except IndexError as ex: print(ex)
try:
    dd = deque([1, 2, 3])
    for x in dd: dd.append(x)
except RuntimeError as ex: print(ex)
dl = deque(); dl.append(dl); print(dl)
print(list(reversed(deque([1, 2, 3]))), deque([1,2,3])[1], bool(deque()), bool(deque([0])))
class MyDeque(deque): pass
print(MyDeque([1, 2]), MyDeque([1], maxlen=4), type(MyDeque([1]).copy()))
dd = defaultdict(list)
dd['a'].append(1); dd['b'].append(2); dd['a'].append(3)
print(dd, dd['a'], dict(dd), dd.default_factory, 'c' in dd)
di = defaultdict(int)
for w in "the quick the lazy the".split(): di[w] += 1
print(di, sorted(di.items()))
dn = defaultdict(); print(dn)
try: dn['x']
except KeyError as ex: print('KeyError', ex)
print(defaultdict(lambda: 'z', a=1)['q'] if False else 1, isinstance(dd, dict), type(dd).__name__)
c = Counter('abracadabra')
print(c, c.most_common(3), c['z'], c.total(), sorted(c.elements()))
c.update('aaz'); print(c); c.subtract(a=10); print(c)
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2), Counter(a=3, b=1) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2))
print(Counter(), +Counter(a=-1, b=2), -Counter(a=-1, b=2), Counter(a=1) == Counter(a=1, b=0), Counter([1, 2, 2, 3, 3, 3]).most_common(1))
print(Counter({'x': 2, 'y': 5}), Counter(cats=4, dogs=8))
Point = namedtuple('Point', ['x', 'y'])
p = Point(11, y=22); print(p, p.x + p.y, p[0], p._asdict(), p._replace(x=100), Point._make([1, 2]), Point._fields)
x, y = p; print(x, y, Point.__doc__, p == (11, 22), isinstance(p, tuple), Point.x.__doc__)
P3 = namedtuple('P3', 'a b c', defaults=[0, 1]); print(P3(5), P3._field_defaults)
R = namedtuple('R', ['a', 'def', 'a', '_x'], rename=True); print(R._fields)
try: Point(1)
except (TypeError, ValueError) as ex: print(ex)
try: namedtuple('Bad', ['1x'])
except ValueError as ex: print(ex)
try: p._replace(z=1)
except (TypeError, ValueError) as ex: print(ex)
try: p.x = 5
except AttributeError as ex: print('AttributeError')
print(Point.__module__, type(p).__name__, hash(p) == hash((11, 22)))
od = OrderedDict(a=1, b=2, c=3)
od.move_to_end('a'); print(od); od.move_to_end('c', last=False); print(od)
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1), OrderedDict())
print(OrderedDict(a=1).keys(), OrderedDict(a=1).values(), OrderedDict(a=1).items(), list(reversed(OrderedDict(a=1, b=2))))
cm = ChainMap({'a': 1}, {'a': 2, 'b': 3}); print(cm, cm['a'], cm['b'], len(cm), list(cm), cm.new_child({'c': 4}), cm.parents)
print(isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping), isinstance({}, cabc.MutableMapping), isinstance((), cabc.MutableSequence))
print(isinstance(iter([]), cabc.Iterator), isinstance([], cabc.Iterable), isinstance(5, cabc.Hashable), isinstance([], cabc.Hashable))
print(isinstance(len, cabc.Callable), isinstance('x', cabc.Sized), isinstance(set(), cabc.Set), isinstance(frozenset(), cabc.MutableSet))
class It:
    def __iter__(self): return iter([])
print(isinstance(It(), cabc.Iterable), issubclass(It, cabc.Iterator), isinstance(deque(), cabc.Sequence), isinstance((x for x in []), cabc.Generator))
class MySeq(cabc.Sequence):
    def __init__(self, n): self.n = n
    def __getitem__(self, i):
        if i >= self.n: raise IndexError
        return i * 10
    def __len__(self): return self.n
s = MySeq(4); print(list(s), 20 in s, s.index(30), s.count(10), list(reversed(s)), isinstance(s, cabc.Sequence))
match s:
    case [a, b, *rest]: print('matched', a, b, rest)
try: cabc.Sequence()
except (TypeError, ValueError) as ex: print(ex)
print(cabc.Iterable[int], cabc.Callable[[int, str], float], cabc.Mapping.__module__)
