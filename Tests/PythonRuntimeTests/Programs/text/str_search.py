# find / rfind / index / rindex / count / startswith / endswith.
def check(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '!', type(e).__name__, e)
    else:
        print(label, ascii(r))

s = 'abcabcabc'
for sub in ['a', 'bc', 'cab', 'x', '', 'abcabcabc', 'abcabcabcd']:
    print(ascii(sub), s.find(sub), s.rfind(sub), s.count(sub), sub in s)
for start, end in [(None, None), (1, None), (1, 5), (-3, None), (-100, 100), (5, 2), (9, None), (10, None), (3, -3), (None, -1)]:
    print(start, end, s.find('a', start, end), s.rfind('a', start, end), s.count('a', start, end),
          s.find('', start, end), s.rfind('', start, end), s.count('', start, end),
          s.startswith('a', start, end), s.endswith('c', start, end), s.startswith('', start, end))
u = 'héllo wörld ñandú 😀 end 😀'
for sub in ['l', 'ö', 'ñ', '😀', 'end', 'wörld', 'z', '']:
    print(ascii(sub), u.find(sub), u.rfind(sub), u.count(sub), u.find(sub, 5), u.rfind(sub, 0, 10), u.find(sub, -8))
print(u.index('😀'), u.rindex('😀'), u.index('d', 12), u.rindex('l', 0, 5))
print('abc'.startswith(('x', 'a')), 'abc'.endswith(('x', 'y')), 'abc'.startswith(()), 'abc'.endswith(('bc',), 1))
print('abc'.startswith('b', 1), 'abc'.startswith('bc', 1, 2), 'abc'.endswith('ab', 0, 2), 'abc'.endswith('', 3))
print('abc'.startswith('', 4), 'abc'.endswith('', 4), ''.startswith(''), ''.endswith('', 0, -1))
print('aaaa'.count('aa'), 'aaaa'.find('aa', 1), 'aaaa'.rfind('aa'), 'aaa'.count('a', 1, 2), ''.count(''))
print('a.b.c'.find('.', 10**30), 'a.b.c'.find('.', -10**30), 'a.b.c'.count('.', None, None))

class Idx:
    def __index__(self):
        return 2
print('abcabc'.find('a', Idx()), 'abcabc'.startswith('c', Idx()), 'abcabc'.count('b', Idx(), None))
check('index missing', lambda: 'abc'.index('z'))
check('rindex missing', lambda: 'abc'.rindex('z'))
check('index empty past end', lambda: 'abc'.index('', 4))
check('find int', lambda: 'abc'.find(1))
check('count int', lambda: 'abc'.count(None))
check('find bad start', lambda: 'abc'.find('a', 'x'))
check('find float end', lambda: 'abc'.find('a', 0, 1.5))
check('startswith int', lambda: 'abc'.startswith(1))
check('startswith tuple int', lambda: 'abc'.startswith(('a', 1)))
check('endswith list', lambda: 'abc'.endswith(['c']))
check('in int', lambda: 1 in 'abc')
check('in bytes', lambda: b'a' in 'abc')
print('' in 'abc', 'bc' in 'abc', 'ö' in u, '😀 end' in u)
