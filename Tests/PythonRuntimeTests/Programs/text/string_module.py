# The string module: constants, capwords, Template and Formatter.
import string

def check(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '!', type(e).__name__, e)
    else:
        print(label, repr(r))

for name in ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'digits', 'hexdigits', 'octdigits',
             'punctuation', 'printable', 'whitespace']:
    v = getattr(string, name)
    print(name, repr(v), len(v))
print(string.capwords('hello   world  foo'), string.capwords(' x '), string.capwords('a-b-c', '-'),
      string.capwords("they're bill's"), repr(string.capwords('')), string.capwords('ABC def', None))

T = string.Template
t = T('$who likes $what')
print(t.substitute(who='tim', what='kung pao'), t.substitute({'who': 'ann', 'what': 'tea'}),
      t.substitute({'who': 'x', 'what': 'y'}, who='kw'), t.template)
print(T('${noun}ification $$5 $_a1 ${b2}x').substitute(noun='class', _a1='u', b2='v'))
print(t.safe_substitute(who='tim'), T('$who $ and $').safe_substitute(who=1), T('${x $y').safe_substitute(y=2))
print(t.get_identifiers(), T('$a $b ${a} $$c $1').get_identifiers(), t.is_valid(), T('$').is_valid(), T('$1').is_valid())
check('missing key', lambda: t.substitute(who='tim'))
check('invalid end', lambda: T('cost: $').substitute())
check('invalid digit', lambda: T('a\nbc $1').substitute())
check('invalid brace', lambda: T('line1\nline2\n  ${ bad}').substitute())
check('invalid first', lambda: T('$ x').substitute())
check('mapping positional twice', lambda: t.substitute({}, {}))
class PctTemplate(T):
    delimiter = '%'
print(PctTemplate('%who owes %amount %%').substitute(who='Bob', amount=5))
class AtTemplate(string.Template):
    delimiter = '@@'
print(AtTemplate('@@x and @@@@ and @@{y}').safe_substitute(x=1, y=2))
print(T('$x').substitute(x=[1, 2]), T('$x$y').substitute(x=1, y=None))

f = string.Formatter()
print(f.format('{0}-{x}-{1:>3}', 1, 2, x=3), f.format('{} {}', 'a', 'b'), f.format('{0!r:>6}', 'q'), f.format('{a[0]}{a[1]}', a='xy'))
print(f.vformat('{a.real}|{b}', (), {'a': 3, 'b': 'B'}), f.format('{:{}}|', 'a', 5), f.format('{{}}{}', 1))
print(list(f.parse('a{0!r:>5}b{{c}}')), list(f.parse('{}')), list(f.parse('x}}y')), list(f.parse('')), list(f.parse('{!s}')))
check('formatter auto/manual', lambda: f.format('{}{0}', 1, 2))
check('formatter manual/auto', lambda: f.format('{0}{}', 1, 2))
check('formatter index', lambda: f.format('{2}', 1, 2))
check('formatter key', lambda: f.format('{x}', 1))
check('formatter conversion', lambda: f.format('{0!z}', 1))
check('formatter recursion', lambda: f.format('{:{:{}}}', 1, 2, 3, 4))
check('formatter single brace', lambda: f.format('{'))
class Upper(string.Formatter):
    def format_field(self, value, spec):
        return format(value, spec).upper()
    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return '<' + key + '>'
        return super().get_value(key, args, kwargs)
print(Upper().format('{0} and {missing} and {x:>4}', 'abc', x='q'))
