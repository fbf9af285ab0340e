# replace (with count), maketrans and translate.
def check(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '!', type(e).__name__, e)
    else:
        print(label, ascii(r))

s = 'one two one two one'
for count in [-1, 0, 1, 2, 3, 10]:
    print(count, s.replace('one', '1', count), s.replace('o', '', count), s.replace('', '-', count),
          ascii('éé'.replace('', '|', count)), ''.replace('', 'x', count), s.replace('zz', 'y', count))
print('aaa'.replace('a', 'aa'), 'aaa'.replace('aa', 'b'), 'abc'.replace('abc', ''), ascii('😀a😀'.replace('😀', 'é')),
      'abc'.replace('', ''), ascii('añb'.replace('ñ', 'n')), 'x'.replace('x', 'y' * 3))
check('replace int old', lambda: 'a'.replace(1, 'b'))
check('replace None new', lambda: 'a'.replace('a', None))
check('replace str count', lambda: 'a'.replace('a', 'b', 'c'))
check('replace float count', lambda: 'a'.replace('a', 'b', 1.0))
check('replace huge count', lambda: 'a'.replace('a', 'b', 10**30))

t = str.maketrans('abc', 'xyz', 'd')
print(sorted(t.items()))
print('abcdabcd'.translate(t), 'hello'.translate({ord('l'): 'L', ord('o'): None}), 'abc'.translate({97: 'AA', 98: 0x1F600}))
print(sorted(str.maketrans({'a': 'b', 98: None, 'c': 100}).items()), str.maketrans('', ''), ascii('héllo'.translate({233: 'e'})))
print('abc'.translate([]), 'abc'.translate({}), ascii('abc'.translate({ord('b'): '😀'})), 'aaa'.translate({97: 'bb'}))
class Table:
    def __getitem__(self, k):
        if k == ord('x'):
            raise LookupError
        return chr(k).upper()
print('xyz'.translate(Table()))
class Bad:
    def __getitem__(self, k):
        raise RuntimeError('boom')
check('translate raises', lambda: 'a'.translate(Bad()))
check('translate float', lambda: 'a'.translate({97: 1.5}))
check('translate range', lambda: 'a'.translate({97: 0x110000}))
check('translate negative', lambda: 'a'.translate({97: -1}))
check('translate int table', lambda: 'a'.translate(1))
check('maketrans non-dict', lambda: str.maketrans(1))
check('maketrans unequal', lambda: str.maketrans('ab', 'c'))
check('maketrans long key', lambda: str.maketrans({'ab': 1}))
check('maketrans float key', lambda: str.maketrans({1.5: 1}))
check('maketrans third int', lambda: str.maketrans('a', 'b', 1))
check('maketrans second None', lambda: str.maketrans('a', None))
