# strip family, padding, zfill, expandtabs, removeprefix/removesuffix.
def check(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '!', type(e).__name__, e)
    else:
        print(label, ascii(r))

for t in ['  hi  ', '\t\n hi \x0b\x0c\r', 'xxhixx', '', '   ', '\u3000\xa0hi\u2009', 'héé', 'éhié']:
    print(ascii(t), ascii(t.strip()), ascii(t.lstrip()), ascii(t.rstrip()), ascii(t.strip('x')),
          ascii(t.strip(' h')), ascii(t.strip('é')), ascii(t.lstrip(None)), ascii(t.rstrip('')))
print('www.example.com'.strip('cmowz.'), 'mississippi'.rstrip('ips'), 'mississippi'.lstrip('mis'))
for w in [-1, 0, 3, 5, 6, 7, 10]:
    print(w, repr('abc'.center(w)), repr('abc'.center(w, '*')), repr('ab'.center(w, '-')), repr('abc'.ljust(w, '.')),
          repr('abc'.rjust(w)), ascii('é'.center(w, '😀')))
for s in ['42', '-42', '+42', '', '-', 'abc', '--1', '3.14', '-0.5', 'é']:
    print(repr(s), repr(s.zfill(5)), repr(s.zfill(0)), ascii(s.zfill(3)))
for t in ['a\tb', '\t', 'abc\tdef\tg', 'a\nb\tc', 'ab\r\tc', 'é\tx', '12345678\tx', '\t\t']:
    print(repr(t.expandtabs()), repr(t.expandtabs(4)), repr(t.expandtabs(1)), repr(t.expandtabs(0)),
          repr(t.expandtabs(-2)), repr(t.expandtabs(tabsize=3)))
print('TestHook'.removeprefix('Test'), 'TestHook'.removeprefix('Hook'), 'TestHook'.removesuffix('Hook'),
      'TestHook'.removesuffix('Test'), 'abc'.removeprefix(''), 'abc'.removesuffix(''), 'abc'.removeprefix('abc'),
      ascii('éa'.removeprefix('é')), ascii('aé'.removesuffix('é')))
check('center fill 2', lambda: 'a'.center(5, 'ab'))
check('center fill empty', lambda: 'a'.ljust(5, ''))
check('center fill int', lambda: 'a'.rjust(5, 1))
check('center width str', lambda: 'a'.center('5'))
check('center width float', lambda: 'a'.center(5.0))
check('zfill str', lambda: 'a'.zfill('x'))
check('zfill no arg', lambda: 'a'.zfill())
check('strip int', lambda: 'a'.strip(1))
check('lstrip bytes', lambda: 'a'.lstrip(b'a'))
check('rstrip list', lambda: 'a'.rstrip(['a']))
check('expandtabs str', lambda: 'a'.expandtabs('x'))
check('expandtabs huge', lambda: 'a'.expandtabs(2**40))
check('center huge', lambda: 'a'.center(10**20))
check('removeprefix int', lambda: 'a'.removeprefix(1))
check('removesuffix None', lambda: 'a'.removesuffix(None))
