# bytes and bytearray: the str-like methods with ASCII semantics.
def check(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '!', type(e).__name__, e)
    else:
        print(label, repr(r))

for b in [b'', b'hello world', b'Hello World', b'HELLO', b'abc123', b'123', b' \t\n\r\x0b\x0c', b'\x1c', b'caf\xc3\xa9',
          b"they're", b'a1b2', b'_x', b'\xff\xfe']:
    print(repr(b), b.upper(), b.lower(), b.swapcase(), b.title(), b.capitalize(),
          ''.join('1' if getattr(b, n)() else '0' for n in ['isalnum', 'isalpha', 'isascii', 'isdigit', 'islower', 'isspace', 'istitle', 'isupper']))
ba = bytearray(b'Mixed Case')
print(ba.upper(), ba.lower(), type(ba.title()).__name__, ba.isalpha(), ba.istitle())

s = b'abcabcabc'
for sub in [b'a', b'bc', b'x', b'', 98, bytearray(b'ca'), memoryview(b'abc')]:
    label = 'mv' if isinstance(sub, memoryview) else repr(sub)
    print(label, s.find(sub), s.rfind(sub), s.count(sub), sub in s if not isinstance(sub, memoryview) else '-')
for start, end in [(None, None), (1, None), (1, 5), (-3, None), (5, 2), (9, None), (10, None)]:
    print(start, end, s.find(b'a', start, end), s.rfind(b'c', start, end), s.count(b'b', start, end),
          s.startswith(b'a', start, end), s.endswith((b'x', b'c'), start, end), s.find(b'', start, end))
print(s.index(b'c'), s.rindex(99), bytearray(s).index(b'b', 2))
check('bytes index missing', lambda: s.index(b'z'))
check('bytes find str', lambda: s.find('a'))
check('bytes find big int', lambda: s.find(256))
check('bytes find negative', lambda: s.count(-1))
check('bytes find float', lambda: s.find(1.5))
check('bytes startswith str', lambda: s.startswith('a'))
check('bytes startswith tuple str', lambda: s.startswith(('a',)))
check('bytes in str', lambda: 'a' in s)
check('bytes in big', lambda: 300 in s)

for t in [b' a b  c ', b'a,b,,c', b'', b'one\x0btwo\x1cthree', b'a\r\nb\rc\nd\x0be']:
    print(repr(t), t.split(), t.rsplit(None, 1), t.split(b','), t.rsplit(b',', 1), t.split(maxsplit=1), t.splitlines(),
          t.splitlines(True), t.partition(b','), t.rpartition(b','), t.strip(), t.lstrip(b' a'), t.rstrip(b'c '))
print(b'-'.join([b'a', bytearray(b'b'), memoryview(b'c')]), bytearray(b', ').join([b'x', b'y']), b''.join([]))
check('join str', lambda: b'-'.join([b'a', 'b']))
check('join int', lambda: b''.join(1))
check('split str', lambda: b'a'.split('a'))
check('split empty', lambda: b'a'.split(b''))
check('strip str', lambda: b'a'.strip('a'))
check('partition empty', lambda: b'a'.partition(b''))
check('replace str', lambda: b'a'.replace('a', b'b'))

for w in [-1, 0, 3, 5, 6, 8]:
    print(w, b'abc'.center(w), b'abc'.center(w, b'*'), b'ab'.ljust(w, b'.'), bytearray(b'ab').rjust(w), b'-4'.zfill(w), b'+x'.zfill(w))
check('center fill str', lambda: b'a'.center(5, 'x'))
check('center fill long', lambda: b'a'.center(5, b'xy'))
check('center fill None', lambda: b'a'.ljust(5, None))
print(b'a\tbc\td'.expandtabs(), b'a\tbc\td'.expandtabs(2), b'\t\n\tx'.expandtabs(3), bytearray(b'\t').expandtabs(0))
print(b'aaa'.replace(b'a', b'bb'), b'abc'.replace(b'', b'-'), b'abc'.replace(b'b', b'', 0), b'aXbXc'.replace(b'X', b'--', 1),
      bytearray(b'xx').replace(b'x', b'y'))
print(b'TestHook'.removeprefix(b'Test'), b'TestHook'.removesuffix(b'Hook'), bytearray(b'ab').removeprefix(b'a'), b'ab'.removeprefix(b'x'))
table = bytes.maketrans(b'abc', b'xyz')
print(len(table), table[97:100], b'aabbccdd'.translate(table), b'aabbccdd'.translate(None, b'ab'),
      b'abc'.translate(table, b'c'), bytearray(b'abc').translate(None), bytearray.maketrans(b'a', b'b')[97])
check('translate short table', lambda: b'a'.translate(b'x'))
check('maketrans unequal', lambda: bytes.maketrans(b'ab', b'c'))
check('maketrans str', lambda: bytes.maketrans('a', 'b'))
check('upper arg', lambda: b'a'.upper(1))
check('isdigit arg', lambda: bytearray(b'a').isdigit(1))
