# Behaviour new in CPython 3.13/3.14 (expected output written by hand).
import textwrap

def check(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '!', type(e).__name__, e)
    else:
        print(label, repr(r))

x = bytearray(b'abc')
x.resize(5)
print(x)
x.resize(1)
print(x)
check('resize negative', lambda: bytearray().resize(-1))
check('fromhex odd', lambda: bytes.fromhex('abc'))
check('fromhex bytes', lambda: bytes.fromhex(b'41 42'))
check('fromhex int', lambda: bytes.fromhex(1))
check('extend str', lambda: bytearray().extend('ab'))
check('extend empty str', lambda: bytearray().extend(''))
check('replace count kw', lambda: 'aaa'.replace('a', 'b', count=2))
check('dedent form feed', lambda: textwrap.dedent('  a\n\x0c\n  b'))
check('dedent int', lambda: textwrap.dedent(1))
