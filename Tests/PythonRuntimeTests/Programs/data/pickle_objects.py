# pickle: instances, reduce protocol, Pickler/Unpickler hooks, errors.
# (3.14 forms, hand-checked: local-object errors, error notes, find_class
#  errors, DEFAULT_PROTOCOL = 5.)
import pickle, copyreg

class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __eq__(self, o):
        return type(o) is P and (self.x, self.y) == (o.x, o.y)
    def __repr__(self):
        return f"P({self.x!r}, {self.y!r})"

class S:
    __slots__ = ('a', 'b')
    def __init__(self):
        self.a = 1
        self.b = [2]

class G:
    def __init__(self):
        self.v = 1
        self.cache = 'big'
    def __getstate__(self):
        d = self.__dict__.copy()
        del d['cache']
        return d
    def __setstate__(self, st):
        self.__dict__.update(st)
        self.cache = 'rebuilt'

class R:
    def __init__(self, n):
        self.n = n
    def __reduce__(self):
        return (R, (self.n * 10,))

class N(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    def __getnewargs__(self):
        return tuple(self)

class L(list): pass
class D(dict): pass
class MI(int): pass

def f():
    return 1

for proto in range(6):
    vals = [P(1, [2, 3]), G(), R(4), N(1, 2), L([1, 2]), D(a=1), MI(7), f, P, [P(1, 2)] * 2]
    for v in vals:
        data = pickle.dumps(v, proto)
        back = pickle.loads(data)
        extra = ''
        if isinstance(back, G):
            extra = (back.v, back.cache)
        if isinstance(back, R):
            extra = back.n
        shown = back if not isinstance(back, (G, R)) else ''
        if back is f:
            shown = 'f'
        print(proto, type(back).__name__, shown, extra, data.hex() if proto in (0, 2, 5) else '')

s = pickle.loads(pickle.dumps(S(), 2))
print(s.a, s.b)
try:
    pickle.dumps(S(), 1)
except TypeError as e:
    print('TypeError', e)

def outer():
    def inner():
        pass
    return inner

for bad in [outer(), lambda: 1, (x for x in []), [1, lambda: 2], {'k': outer()}]:
    try:
        pickle.dumps(bad)
    except (pickle.PicklingError, TypeError, AttributeError) as e:
        print(type(e).__module__, type(e).__name__, str(e).split(' at 0x')[0], getattr(e, '__notes__', None))

for bad in [b'', b'\x80\x05', b'\x80\x05K', b'xyz', b'\x80\x09N.', b'(N.', b'\x80\x02h\x05.',
            b'\x80\x04\x8c\x08__main__\x94\x8c\x03Foo\x94\x93\x94.', b'.']:
    try:
        print(pickle.loads(bad))
    except Exception as e:
        print(type(e).__module__, type(e).__name__, e)
try:
    pickle.loads('abc')
except TypeError as e:
    print(e)
try:
    pickle.dumps(1, 6)
except ValueError as e:
    print(e)
print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL, pickle.PicklingError.__mro__)
print(pickle.dumps([1, 'a'])[:2], pickle.PickleError is pickle.PicklingError.__base__)

class BytesSink:
    def __init__(self):
        self.data = b''
    def write(self, b):
        self.data += b

class BytesSource:
    def __init__(self, data):
        self.data = data
        self.pos = 0
    def read(self, n):
        r = self.data[self.pos:self.pos + n]
        self.pos += n
        return r
    def readline(self):
        end = self.pos
        while end < len(self.data) and self.data[end] != 10:
            end += 1
        end = min(end + 1, len(self.data))
        r = self.data[self.pos:end]
        self.pos = end
        return r

sink = BytesSink()
pickle.dump({'a': 1}, sink)
pickle.dump([1, 2], sink, protocol=0)
src = BytesSource(sink.data)
print(pickle.load(src), pickle.load(src))
try:
    pickle.load(src)
except EOFError as e:
    print('EOFError', e)

class MyPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, P):
            return ('P', obj.x)
        return None

class MyUnpickler(pickle.Unpickler):
    def persistent_load(self, pid):
        return P(pid[1], 'restored')

sink = BytesSink()
MyPickler(sink, 2).dump([P(1, 2), 3])
print(sink.data.hex())
print(MyUnpickler(BytesSource(sink.data)).load())

class RestrictedUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        if module in ('builtins', '__builtin__') and name == 'set':
            return set
        raise pickle.UnpicklingError(f"global '{module}.{name}' is forbidden")

print(RestrictedUnpickler(BytesSource(pickle.dumps({1, 2}, 2))).load())
try:
    RestrictedUnpickler(BytesSource(pickle.dumps(P(1, 2)))).load()
except pickle.UnpicklingError as e:
    print(e)

class RO(pickle.Pickler):
    def reducer_override(self, obj):
        if obj is f:
            return (len, ('abc',))
        return NotImplemented

sink = BytesSink()
RO(sink).dump([f, 1])
print(pickle.loads(sink.data))

class DT(pickle.Pickler):
    dispatch_table = {P: lambda p: (P, (p.y, p.x))}

sink = BytesSink()
DT(sink).dump(P(1, 2))
print(pickle.loads(sink.data))
copyreg.pickle(P, lambda p: (P, (p.x + 100, p.y)))
print(pickle.loads(pickle.dumps(P(1, 2))))
del copyreg.dispatch_table[P]

sink = BytesSink()
p = pickle.Pickler(sink, 2)
x = [1]
p.dump(x)
p.dump(x)
print(sink.data.hex())
p.clear_memo()
p.dump(x)
print(sink.data.hex())

print(pickle.loads(pickle.dumps(2**100)), pickle.loads(pickle.dumps(-2**100, 1)), pickle.loads(pickle.dumps(float('nan'), 0)))
r = []
r.append(r)
r2 = pickle.loads(pickle.dumps(r))
print(r2[0] is r2)
print(pickle.loads(b'\x80\x02c__builtin__\nxrange\nq\x00K\x05\x85q\x01Rq\x02.'))
print(pickle.loads(b"(lp0\nI1\naS'py2 str'\np1\na."))
print(pickle.loads(b"(lp0\nI1\naS'py2 str'\np1\na.", encoding='bytes'))
e = pickle.loads(pickle.dumps(ValueError('boom')))
print(type(e), e.args)
shared = {'k': [1, 2]}
a, b = pickle.loads(pickle.dumps((shared, shared)))
print(a is b, a)
