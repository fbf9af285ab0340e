# The is* predicates with Python's Unicode definitions.
samples = ['', 'abc', 'ABC', 'Abc', 'aBc', 'abc123', '123', '١٢٣', '²³', '½', 'Ⅻ', '一二三', '五', 'x y', ' ',
           '\t\n\x0b\x0c\r', '\x1c\x1d\x1e\x1f', '\x85\xa0\u1680\u2000\u2028\u2029\u202f\u205f\u3000', '\u200b',
           'é', 'ñandú', 'ǅ', 'ǅa', 'Ǆ', 'ǆ', 'Hello World', 'Hello world', 'HELLO WORLD', 'Hello  World',
           "They're Bill's", 'A1 B2', '1A', 'ΣΑΣ', 'Σας', 'µ', 'ª', 'ß', 'ﬁ', '_', '_a1', 'a_', '1a', 'a-b',
           'def', 'é1', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '℮', 'x\u0301', '\u0301', 'a\x00', '\x7f', '\xad', '\ue000', '😀', 'A😀',
           'print', 'ℌ', 'Ⅸ', 'ⅸ', '①', '\u00b9', '٣', '߀', 'ǈ', 'ǉ', '$', '\u0345']
names = ['isalnum', 'isalpha', 'isascii', 'isdecimal', 'isdigit', 'isidentifier', 'islower', 'isnumeric',
         'isprintable', 'isspace', 'istitle', 'isupper']
for s in samples:
    print(ascii(s), ''.join('1' if getattr(s, n)() else '0' for n in names))
for c in range(0, 0x250):
    ch = chr(c)
    flags = ''.join('1' if getattr(ch, n)() else '0' for n in names)
    print(hex(c), flags, end=' ' if c % 6 != 5 else '\n')
print()
try:
    'a'.isdigit(1)
except TypeError as e:
    print(e)
try:
    'a'.isidentifier(x=1)
except TypeError as e:
    print(e)
print(str.isspace(' '), all(c.isspace() for c in ' \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0'))
