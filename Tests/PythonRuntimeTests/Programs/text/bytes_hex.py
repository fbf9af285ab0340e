# bytes.hex / fromhex and decode.
def check(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '!', type(e).__name__, e)
    else:
        print(label, repr(r))

data = b'\x00\x01\xab\xcd\xef\xff\x10'
print(data.hex(), bytearray(data).hex(), memoryview(data).hex(), b''.hex(), b''.hex(':'))
for sep in [':', '-', b'|', ' ']:
    for n in [1, 2, 3, -1, -2, -3, 7, 8, -8]:
        print(repr(sep), n, data.hex(sep, n), bytearray(data[:3]).hex(sep, n))
print(data.hex(sep='_'), data.hex('.', bytes_per_sep=4))
check('hex sep empty', lambda: data.hex(''))
check('hex sep long', lambda: data.hex('::'))
check('hex sep non-ascii', lambda: data.hex('é'))
check('hex sep int', lambda: data.hex(1))
check('hex per str', lambda: data.hex(':', 'x'))
for s in ['', '00', 'deadbeef', 'DE AD BE EF', ' 01  02 ', '0a0B', '\t12\n34\r']:
    print(repr(s), bytes.fromhex(s), bytearray.fromhex(s))
check('fromhex bad char', lambda: bytes.fromhex('zz'))
check('fromhex bad second', lambda: bytes.fromhex('0g'))
check('fromhex space inside', lambda: bytes.fromhex('a b'))
check('fromhex int', lambda: bytes.fromhex(1) if False else bytes.fromhex('12 34 5x'))
class B(bytes):
    pass
print(type(B.fromhex('41')).__name__, B.fromhex('4142'), type(bytearray.fromhex('41')).__name__)
print(b'caf\xc3\xa9'.decode(), bytearray(b'caf\xc3\xa9').decode('utf-8'), b'\xe9'.decode('latin-1'), b'x'.decode(errors='ignore'),
      b'\xff'.decode('utf-8', 'replace'), b'\xff'.decode('ascii', 'backslashreplace'), memoryview(b'mv').tobytes().decode())
check('decode strict', lambda: b'\xff'.decode())
check('decode unknown', lambda: b'x'.decode('nope'))
check('decode encoding None', lambda: b'x'.decode(None))
print(b'%s-%d-%x' % (b'a', 5, 255), bytearray(b'%05.1f') % 2.25, b'%c%c' % (65, b'B'), b'%r' % 'x', b'%%')
