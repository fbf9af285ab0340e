# json: dumps/loads formatting and CPython's error messages.
# (3.14 forms, hand-checked: trailing-comma messages, error notes, ": nan" suffix.)
import json

print(json.dumps(1e100), json.dumps(1.0), json.dumps(-0.0), json.dumps(2**70), json.dumps(0.1 + 0.2))
print(json.dumps('é\u2028\U0001f600\x00\x1f\"\\/\x7f'))
print(json.dumps('é\U0001f600\x7f\t', ensure_ascii=False))
print(json.dumps({'b': 1, 'a': [1, 2, {'c': None}], 'd': (True, False)}, indent=2, sort_keys=True))
print(json.dumps([], indent=2), json.dumps({}, indent=4), json.dumps([[]], indent='\t'), json.dumps({'a': {}}, indent=0))
print(json.dumps({1: 2, 2.5: 3, None: 5, False: 1}))
print(json.dumps([1, 2], separators=(',', ':')), json.dumps({'a': 1}, separators=(',', ':')))
print(json.dumps(float('inf')), json.dumps([float('nan'), -float('inf')]))
print(json.dumps({'a': 1, 'b': [1, 2]}, indent=4, separators=(',', ': ')))
print(json.dumps("x"), json.dumps(None), json.dumps(True), json.dumps([1, "two", 3.0, None, True]))

class SetEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)

print(json.dumps({'s': {3, 1, 2}}, cls=SetEncoder))
print(json.dumps({'s': {3, 1, 2}}, default=sorted))

class IE(int): pass
class FE(float): pass
class SE(str): pass
print(json.dumps([IE(5), FE(1.5), SE("s")]), json.dumps({IE(1): 1, FE(2.0): 2}))
print(json.dumps({(1, 2): 3, 'k': 4}, skipkeys=True))
print(list(json.JSONEncoder(indent=1).iterencode([1, {"a": [2]}])))
print(list(json.JSONEncoder().iterencode({"a": [2, "x", None]})))

print(json.loads('{"a": [1, 2.5, -3e2, true, false, null, "x\\u00e9\\ud83d\\ude00\\n"], "b": {}}'))
print(json.loads('  [1, 2]  '), json.loads('"abc"'), json.loads('123456789012345678901234567890'))
print(json.loads('NaN'), json.loads('-Infinity'), json.loads('[1E3, 0.5e-2, -0]'))
print(json.loads('{"a": 1, "a": 2}'), json.loads('[1.5]', parse_float=str), json.loads('[7]', parse_int=float))
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=list))
print(json.loads('{"a": 1}', object_hook=lambda d: sorted(d)))
print(json.loads(b'[1, "\xc3\xa9"]'), json.loads(bytearray(b'{}')))
print(json.JSONDecoder().raw_decode('[1] tail'))
print(json.loads('{"__complex__": true, "real": 1}', object_hook=lambda d: d.get('real')))
print(json.loads('"tab\there"', strict=False))

for bad in ['', '[', '[1,', '[1', '{"a"', '{"a":', '{"a": 1', '{"a": 1,}', '[1,]', '{1: 2}',
            '"abc', '"\\x"', '"\\u12"', '[1] x', 'tru', '-', '01', '"a\nb"', '{"a" 1}', '\ufeff[]',
            '[1 2]', '\n\n  [\n 1,\n  }']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), '->', e, '|', e.msg, e.pos, e.lineno, e.colno)
try:
    json.loads(5)
except TypeError as e:
    print(e)
print(issubclass(json.JSONDecodeError, ValueError), json.JSONDecodeError.__module__)

for bad in [{(1, 2): 3}, {'a': [1, {2}]}, float('nan'), [1, [2, object()]]]:
    try:
        json.dumps(bad, allow_nan=False)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, str(e).split(' at 0x')[0], getattr(e, '__notes__', None))
a = []
a.append(a)
try:
    json.dumps(a)
except ValueError as e:
    print(e)
d = {}
d['self'] = d
try:
    json.dumps(d, indent=2)
except ValueError as e:
    print(e)

class Writer:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)

w = Writer()
json.dump({"a": [1, 2]}, w)
print(w.parts)

class Reader:
    def read(self):
        return '{"x": [1, 2, {"y": null}]}'

print(json.load(Reader()))
data = {"name": "weave", "tags": ["docs", "python"], "version": 3, "ratio": 0.75, "ok": True}
assert json.loads(json.dumps(data)) == data
print(json.dumps(data, indent=2))
