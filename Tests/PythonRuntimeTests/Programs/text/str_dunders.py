# str construction, operators and dunder methods (also on subclasses).
def check(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '!', type(e).__name__, e)
    else:
        print(label, ascii(r))

print(str(), str(5), str(1.5), str([1, 'a']), str(None), str(b'ab'), str(bytearray(b'x')), str('é'), str(object=3))
print(str(b'abc', 'ascii'), str(b'\xff', 'latin-1'), str(b'\xff', encoding='utf-8', errors='replace'), str(memoryview(b'mv'), 'utf-8'))
check('str str encoding', lambda: str('abc', 'utf-8'))
check('str int encoding', lambda: str(5, 'utf-8'))
s = 'héllo'
print(s + '!', s * 2, 2 * s, s * 0, s * -1, s[1], s[-1], s[1:3], s[::-1], s[::2], s[10:], s[-10:2], len(s), list(s), tuple('ab'))
print('a' < 'b', 'a' < 'B', 'é' > 'z', 'ab' < 'abc', 'abc' == 'abc', 'a' != 'b', 'a' <= 'a', 'b' >= 'a', sorted(['b', 'A', 'a', 'é', 'Z']))
print('a'.__add__('b'), 'a'.__mul__(3), 'a'.__rmul__(2), 'abc'.__getitem__(1), 'abc'.__contains__('b'), 'abc'.__len__(),
      'abc'.__eq__('abc'), 'abc'.__eq__(1), 'abc'.__lt__(1), 'abc'.__ne__('x'), 'a%sc'.__mod__('b'),
      'ab'.__getnewargs__(), 'x'.__str__(), 'x'.__repr__(), 'x'.__format__('>3'), 'x'.__format__(''), 'abc'.__hash__() == hash('abc'))
check('add int', lambda: 'a' + 1)
check('radd', lambda: 1 + 'a')
check('mul str', lambda: 'a' * 'b')
check('mul float', lambda: 'a' * 1.5)
key = 'x'
check('index str', lambda: 'abc'[key])
check('index range', lambda: 'abc'[5])
check('lt int', lambda: 'a' < 1)
check('setitem', lambda: 'abc'.__setitem__)
check('dunder add no arg', lambda: 'a'.__add__())
check('dunder contains two', lambda: 'a'.__contains__('a', 'b'))
check('format spec int', lambda: 'x'.__format__(1))
check('iter', lambda: next(iter('xy')))
it = iter('héllo')
print(next(it), next(it), list(it), list(reversed('abc')), 'abc'.__iter__().__next__())
class S(str):
    pass
t = S('abc')
print(t + 'd', t * 2, t[1], t[::-1], 'b' in t, len(t), t == 'abc', t < 'abd', hash(t) == hash('abc'), sorted(t), str(t), type(str(t)).__name__)
print(S('x').__add__('y'), type(S('x').__add__('y')).__name__, S('ab').__getitem__(0), S('%d').__mod__(5), S.__new__(S, 'q'), type(S.__new__(S, 'q')).__name__)
d = {S('k'): 1}
print(d['k'], 'k' in d, S('k') in {'k': 2}, {'a', S('a')}, max('abc'), min(S('xyz')))
print(repr(S('a\nb')), ascii(S('é')), format(S('x'), '>4'), f'{S("y")!r:>6}', '%s|%r' % (S('p'), S('q')))
