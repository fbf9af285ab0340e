# bytearray mutation, bytes/bytearray operators, construction and subclasses.
def check(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '!', type(e).__name__, e)
    else:
        print(label, repr(r))

x = bytearray(b'hello')
x.append(33); print(x)
x.extend(b' world'); print(x)
x.extend([65, 66]); print(x)
x.extend(range(48, 51)); print(x)
x.insert(0, 62); x.insert(-1, 95); x.insert(100, 60); print(x)
print(x.pop(), x.pop(0), x.pop(-2), x)
x.remove(111); print(x)
x.reverse(); print(x)
y = x.copy(); y.clear(); print(x, y, len(y))
x[0] = 88; x[-1] = 89; print(x)
x[1:3] = b'ABC'; print(x)
x[::2] = bytes(len(x[::2])); print(x)
x[2:2] = [1, 2, 3]; print(x)
x[5:] = bytearray(b'!'); print(x)
del x[0]; print(x)
del x[1:3]; print(x)
del x[::2]; print(x)
x += b'++'; print(x)
x *= 2; print(x)
z = bytearray(b'abc') + b'def'
print(z, type(z).__name__, b'abc' + bytearray(b'd'), type(b'abc' + bytearray(b'd')).__name__, bytearray(b'ab') * 2, 3 * bytearray(b'x'))
check('append big', lambda: bytearray().append(256))
check('append bytes', lambda: bytearray().append(b'a'))
check('append str', lambda: bytearray().append('a'))
check('insert big', lambda: bytearray(b'a').insert(0, -1))
check('pop empty', lambda: bytearray().pop())
check('pop range', lambda: bytearray(b'a').pop(5))
check('remove missing', lambda: bytearray(b'a').remove(98))
check('extend int', lambda: bytearray().extend(5))
check('extend bad item', lambda: bytearray().extend([1, 'a']))
check('extend big item', lambda: bytearray().extend([1, 300]))
check('setitem big', lambda: bytearray(b'a').__setitem__(0, 256))
check('setitem range', lambda: bytearray(b'a').__setitem__(5, 1))
check('setitem slice int', lambda: bytearray(b'abc').__setitem__(slice(0, 1), 5))
check('setitem slice str', lambda: bytearray(b'abc').__setitem__(slice(0, 1), 'x'))
check('setitem ext slice size', lambda: bytearray(b'abcd').__setitem__(slice(None, None, 2), b'x'))
check('delitem range', lambda: bytearray(b'a').__delitem__(3))
check('getitem str', lambda: bytearray(b'a')['x'])
check('getitem range', lambda: bytearray(b'a')[3])
check('bytes getitem range', lambda: b'a'[3])
check('iadd str', lambda: bytearray(b'a').__iadd__('x'))
check('hash', lambda: hash(bytearray()))
check('concat str', lambda: b'a' + 'b')
check('concat int', lambda: bytearray(b'a') + 1)
check('mul str', lambda: b'a' * 'x')
check('compare str', lambda: b'a' < 'b')
print(b'abc' == bytearray(b'abc'), b'a' < b'b', bytearray(b'b') > b'a', b'a' == 'a', b'ab' <= b'ab', b'' < b'\x00')
print(b'abc'[1], b'abc'[-1], b'abc'[1:], bytearray(b'abc')[::-1], list(b'ab'), list(bytearray(b'ab')), b'abc'[5:])
print(bytes(3), bytes([1, 2, 3]), bytes(range(65, 70)), bytes(bytearray(b'x')), bytes(memoryview(b'mv')), bytearray(2), bytearray([255]))
print(bytes((i for i in range(3))), bytearray(), bytes(), bytearray(b'x') is not bytearray(b'x'))
class HasBytes:
    def __bytes__(self):
        return b'custom'
print(bytes(HasBytes()), bytearray(b'q').decode(), str(b'abc'), str(bytearray(b'\x00')), repr(bytearray(b"'\"")))
check('bytes negative', lambda: bytes(-1))
check('bytes float', lambda: bytes(1.5))
check('bytes big item', lambda: bytes([256]))
check('bytes str item', lambda: bytes(['a']))
check('bytearray float', lambda: bytearray(2.0))
check('bytes None', lambda: bytes(None))
class B(bytes):
    def first(self):
        return self[0]
b = B(b'xyz')
print(b, type(b).__name__, b.first(), b + b'!', type(b + b'!').__name__, b.upper(), type(b.upper()).__name__, b[1:],
      type(b[1:]).__name__, b == b'xyz', b'y' in b, len(b), b.hex(), hash(b) == hash(b'xyz'), bytes(b), type(bytes(b)).__name__)
class BA(bytearray):
    pass
a = BA(b'abc')
a += b'd'; a[0] = 65; a.append(69)
print(a, type(a).__name__, a[1:3], type(a[1:3]).__name__, a.upper(), a * 2, type(a.copy()).__name__, a == b'AbcdE')
