# Case conversion with Python's Unicode rules.
def check(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '!', type(e).__name__, e)
    else:
        print(label, ascii(r))

samples = ['hello world', 'HELLO World', "they're bill's friends", 'ß', 'straße', 'ﬁne ﬂow', 'ŉ',
           'ΣΑΣ', 'ὈΔΥΣΣΕΎΣ', 'Σ', 'aΣ', 'aΣb', 'aΣ.', 'aΣ\u0301', 'İstanbul', 'ǅemal', 'ǆ', 'Ǆ',
           'ﬃ', 'ΐ', 'ᾳ', 'ᾼ', 'µ', 'ſ', 'K', 'Å', 'ω', '', '123abc', 'a1b2', 'mIxEd CaSe 99',
           'hello_world-foo bar.baz', 'x\u0345', 'ßa', 'ǈa', 'Ǉ']
for s in samples:
    print(ascii(s), ascii(s.upper()), ascii(s.lower()), ascii(s.casefold()), ascii(s.capitalize()),
          ascii(s.swapcase()), ascii(s.title()))
    print('  ', s.isupper(), s.islower(), s.istitle(), len(s.upper()), len(s.casefold()))

print('ß'.upper() == 'SS', 'ß'.casefold() == 'ss', 'STRASSE'.casefold() == 'straße'.casefold())
print('Σ'.lower(), 'ΑΣ'.lower(), 'Α Σ'.lower(), 'ΑΣ Β'.lower(), 'ΑΣΑ'.lower())
print("hello world".title(), "they're".title(), "3rd place".title(), "a.b-c_d e1f".title())
print("ABC def".swapcase(), "".upper() == "", "a".capitalize(), "aBC".capitalize(), "1abc".capitalize())
check('upper args', lambda: 'a'.upper(1))
check('lower kw', lambda: 'a'.lower(x=1))
check('title args', lambda: 'a'.title(1, 2))
check('descriptor', lambda: str.upper(5))
print(str.lower('ABC'), str.casefold('ẞ'), list(map(str.title, ['ab cd', 'EF'])))
