# pickle.dumps must produce the same bytes as CPython for every protocol.
import pickle
class A:
    pass
class P:
    def __init__(self, x, y): self.x = x; self.y = y
    def __eq__(self, o): return type(o) is P and (self.x, self.y) == (o.x, o.y)
    def __repr__(self): return f"P({self.x!r}, {self.y!r})"
def f(): pass
a = A(); a.x = 5
shared = [1, 2]
values = [None, True, False, 0, 1, 255, 256, 65535, 65536, -1, -129, 2**31-1, 2**31, -2**31, -2**31-1, 2**40, 2**63, -2**63, 2**64+1, 10**30, -10**30, 2**2000,
          0.0, -0.0, 1.5, 1e300, float('inf'), float('-inf'), 'abc', '', 'é\u20ac\U0001f600', 'a\\b\nc\r\x00\x1a', 'x'*300,
          b'', b'abc', b'\x00\xff'*200, bytearray(b'xy'), bytearray(),
          (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), [], [1], [1, 2], list(range(1500)), {}, {'a': 1}, {'a': 1, 'b': [2]}, {i: i for i in range(1200)},
          set(), {1, 2, 3}, frozenset(), frozenset({'a'}), [shared, shared, (shared,)], A, f, len, int, ValueError, P(1, 'two'), a, [P(1, 2), P(3, 4)],
          ValueError('bad'), KeyError('k'), range(5), type(None), NotImplemented, ..., complex(1, 2), [[[]]], {'k': (1, [2, {3: 4}])}]
for i, v in enumerate(values):
    for proto in range(6):
        try:
            print(i, proto, pickle.dumps(v, proto).hex())
        except Exception as e:
            print(i, proto, 'ERR', type(e).__name__, e)
rec = []; rec.append(rec)
d = {}; d['self'] = d
t = ([],); t[0].append(t)
for v in [rec, d, t]:
    for proto in range(6):
        print('rec', proto, pickle.dumps(v, proto).hex())
