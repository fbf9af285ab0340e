# str.format / format_map and str subclasses.
def check(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '!', type(e).__name__, e)
    else:
        print(label, ascii(r))

print('{} {}'.format(1, 2), '{1} {0}'.format('a', 'b'), '{x}-{y}'.format(x=1, y=2), '{0[1]} {1.real}'.format([5, 6], 3))
print('{:>6}|{:<6}|{:^6}|{:*^7}'.format('a', 'b', 'c', 'd'), '{!r} {!s} {!a}'.format('é', 'é', 'é'), '{{}} {{{}}}'.format(7))
print('{:{}}|{:.{}f}'.format('x', 4, 3.14159, 2), '{0:{1}}'.format(5, '03'))
print('{name} is {age}'.format_map({'name': 'Ann', 'age': 3}))
class Default(dict):
    def __missing__(self, key):
        return '<' + key + '>'
print('{a} {b}'.format_map(Default(a=1)), 'plain'.format_map({}))
check('format_map positional', lambda: '{0}'.format_map(['zero']))
check('format missing index', lambda: '{2}'.format(1))
check('format missing key', lambda: '{x}'.format(1))
check('format auto then manual', lambda: '{}{0}'.format(1, 2))
check('format manual then auto', lambda: '{0}{}'.format(1, 2))
check('format single }', lambda: 'a}'.format())
check('format single {', lambda: '{'.format())
check('format bad conversion', lambda: '{!x}'.format(1))
check('format_map not mapping', lambda: '{a}'.format_map(1))
check('format_map no args', lambda: 'a'.format_map())

class S(str):
    def shout(self):
        return self.upper() + '!'
s = S('Hello World')
print(s, repr(s), len(s), s[0], s[-5:], s.shout(), type(s).__name__, isinstance(s, str))
for name in ['upper', 'lower', 'strip', 'title', 'casefold', 'swapcase', 'capitalize', 'expandtabs']:
    r = getattr(s, name)()
    print(name, r, type(r).__name__)
for r in [s.split(), s.rsplit('o'), s.splitlines(), s.partition(' '), s.rpartition(' ')]:
    print(r, [type(x).__name__ for x in r])
print(type(s.partition('z')[0]).__name__, type(s.format()).__name__, type(S('{}').format(1)).__name__)
print(type(s.replace('x', 'y')).__name__, type(s.center(3)).__name__, type(s.zfill(3)).__name__, type(s + '').__name__,
      type(s * 1).__name__, type(s[:]).__name__, type(str(s)).__name__, type(s.join([])).__name__)
print(s == 'Hello World', s < 'Z', hash(s) == hash('Hello World'), {s: 1}['Hello World'], 'World' in s, s.find('o'),
      s.count('l'), s.startswith('He'), s.encode(), sorted(S('cba')), s.isalpha(), list(reversed(s))[:3])
class Upper(str):
    def __new__(cls, value):
        return super().__new__(cls, value.upper())
u = Upper('abc')
print(u, type(u).__name__, u.lower(), Upper('x') + 'y')
class Tagged(str):
    def __str__(self):
        return 'tagged:' + self
t = Tagged('v')
print(str(t), '{}'.format(t), f'{t}', t + t, '%s' % t)
