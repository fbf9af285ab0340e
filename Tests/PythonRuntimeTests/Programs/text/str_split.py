# split / rsplit / splitlines / partition / rpartition / join.
def check(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '!', type(e).__name__, e)
    else:
        print(label, ascii(r))

texts = ['', ' ', 'a', ' a b  c ', 'a,b,,c,', ',a,', 'one  two\tthree\nfour', '\u3000x\u2003y\xa0z\x1c\x1dw\x85v',
         'a--b--c', 'ééé', 'x😀y😀z']
for t in texts:
    print(ascii(t))
    print('  ', ascii(t.split()), ascii(t.rsplit()), ascii(t.split(None, 1)), ascii(t.rsplit(None, 1)))
    print('  ', ascii(t.split(',')), ascii(t.rsplit(',', 1)), ascii(t.split('--')), ascii(t.split('😀', 1)))
    print('  ', ascii(t.split(maxsplit=0)), ascii(t.rsplit(maxsplit=2)), ascii(t.split(sep=',', maxsplit=-1)))
    print('  ', ascii(t.partition(',')), ascii(t.rpartition(',')), ascii(t.partition('😀')), ascii(t.rpartition(' ')))

lines = 'a\nb\r\nc\rd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l\n\nm\r\r\n'
print(ascii(lines.splitlines()))
print(ascii(lines.splitlines(True)))
print(ascii(lines.splitlines(keepends=True)), ascii(''.splitlines()), ascii('\n'.splitlines()), ascii('x\n'.splitlines(True)))
print(ascii('a\r\n\r\nb'.splitlines()), ascii('\r'.splitlines(True)), ascii('abc'.splitlines(False)))

print(','.join(['a', 'b', 'c']), '-'.join('xyz'), ''.join([]), ascii('é'.join(['a', 'b'])), '😀'.join(('1', '2')))
print(', '.join(str(i) for i in range(5)), '|'.join({'k': 1, 'j': 2}), ''.join(['only']))
class S(str):
    pass
print(type('-'.join([S('a')])).__name__, type(''.join([S('a'), 'b'])).__name__, '-'.join([S('a'), S('b')]))
check('join int item', lambda: ','.join(['a', 1]))
check('join bytes item', lambda: ','.join(['a', 'b', b'c']))
check('join non-iterable', lambda: ','.join(5))
check('join None', lambda: ''.join(None))
check('split empty sep', lambda: 'abc'.split(''))
check('rsplit empty sep', lambda: 'abc'.rsplit(''))
check('split int sep', lambda: 'abc'.split(1))
check('split bytes sep', lambda: 'abc'.split(b'a'))
check('split bad maxsplit', lambda: 'abc'.split(',', 'x'))
check('split float maxsplit', lambda: 'abc'.split(',', 1.0))
check('partition empty', lambda: 'abc'.partition(''))
check('rpartition int', lambda: 'abc'.rpartition(3))
check('splitlines str', lambda: 'abc'.splitlines('x'))
