# str.encode / bytes.decode: codecs, aliases, error handlers and the error objects.
def check(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '!', type(e).__name__, e)
    else:
        print(label, ascii(r))

text = 'aé€😀'
for enc in ['utf-8', 'UTF8', 'utf_8', 'u8', 'latin-1', 'latin1', 'iso-8859-1', 'L1', 'ascii', 'US-ASCII', 'utf-16',
            'utf-16-le', 'UTF-16BE', 'utf-32', 'utf-32-le', 'utf_32_be', 'utf-8-sig', 'unicode_escape', 'raw_unicode_escape']:
    for errors in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'namereplace']:
        check(f'{enc} {errors}', lambda: text.encode(enc, errors))
print('abc'.encode(), 'abc'.encode('ascii'), 'é'.encode(encoding='utf-8'), 'é'.encode(errors='strict'))
check('unknown encoding', lambda: 'a'.encode('nope'))
check('unknown handler unused', lambda: 'a'.encode('ascii', 'nope'))
check('unknown handler used', lambda: 'é'.encode('ascii', 'nope'))
check('encoding int', lambda: 'a'.encode(1))
check('errors None', lambda: 'a'.encode('utf-8', None))
check('rot13', lambda: 'a'.encode('rot13'))
for s in ['é', 'éé', 'aéb', '€', '😀', 'a€€€b']:
    try:
        s.encode('ascii')
    except UnicodeEncodeError as e:
        print(type(e).__name__, e, '|', e.encoding, ascii(e.object), e.start, e.end, e.reason)
    try:
        s.encode('latin-1')
    except UnicodeEncodeError as e:
        print(e, e.start, e.end)

data = [b'abc', b'\xc3\xa9', b'\xe4\xb8', b'\xe4\x41', b'\xf0\x9f\x98', b'\xf0\x9f\x41', b'\x80', b'a\xffb',
        b'\xc0\x80', b'\xed\xa0\x80', b'\xf4\x90\x80\x80', b'\xe0\x80\x80', b'ab\xc3', b'\xef\xbb\xbfhi']
for b in data:
    for errors in ['strict', 'ignore', 'replace', 'backslashreplace']:
        check(f'{b!r} {errors}', lambda: b.decode('utf-8', errors))
    check(f'{b!r} sig', lambda: b.decode('utf-8-sig'))
    check(f'{b!r} latin1', lambda: b.decode('latin-1'))
    check(f'{b!r} ascii', lambda: b.decode('ascii', 'replace'))
for b in [b'\xe4\xb8', b'a\xffb', b'\xf0\x9f\x41']:
    try:
        b.decode()
    except UnicodeDecodeError as e:
        print(e, '|', e.encoding, e.object, e.start, e.end, e.reason, isinstance(e, ValueError), isinstance(e, UnicodeError))
for b in [b'\xff\xfea\x00', b'a\x00b', b'\x00\xd8a\x00', b'a\x00\x00\xdc', b'\x00\xd8', b'\x3d\xd8\x00\xde']:
    check(f'{b!r} utf-16', lambda: b.decode('utf-16'))
    check(f'{b!r} utf-16-le', lambda: b.decode('utf-16-le', 'replace'))
for b in [b'\xff\xfe\x00\x00a\x00\x00\x00', b'a\x00b', b'\x00\xd8\x00\x00', b'\x00\x00\x11\x00']:
    check(f'{b!r} utf-32', lambda: b.decode('utf-32'))
    check(f'{b!r} utf-32-le', lambda: b.decode('utf-32-le', 'ignore'))
print(b'a\\x41\\n\\t\\u20ac\\U0001F600\\N{BULLET}\\\\'.decode('unicode_escape'), b'\\u20ac\\n'.decode('raw_unicode_escape'))
print(str(b'caf\xc3\xa9', 'utf-8'), str(b'caf\xe9', 'latin-1'), str(b'x\xffy', 'utf-8', 'replace'), str(b'abc', encoding='ascii'))
print(bytes('é', 'utf-8'), bytearray('é', 'latin-1'), bytes('x', encoding='utf-16-be'))
check('str decode non-bytes', lambda: str('abc', 'utf-8'))
check('bytes str no encoding', lambda: bytes('abc'))
check('bytes encoding no str', lambda: bytes(b'abc', 'utf-8'))
check('bytes errors only', lambda: bytes(5, errors='strict'))
e = UnicodeEncodeError('ascii', 'xyz', 1, 2, 'custom reason')
print(e, e.start, e.reason)
e = UnicodeDecodeError('utf-8', b'\x00\x01\x02', 0, 3, 'bad')
print(e, e.end, e.object)
