# textwrap: wrap, fill, shorten, TextWrapper options, dedent, indent.
import textwrap

text = ("The quick brown fox jumps over the lazy dog. Hello-world is a well-known phrase -- really! "
        "Mr. Smith went to Washington.  End of story? Yes. supercalifragilisticexpialidocious")
for width in [1, 3, 8, 12, 20, 33, 50, 100]:
    print(width, textwrap.wrap(text, width))
print(textwrap.fill(text, 30))
print(textwrap.fill(text, 30, initial_indent='- ', subsequent_indent='  '))
print(textwrap.wrap(text, 25, break_on_hyphens=False))
print(textwrap.wrap(text, 12, break_long_words=False))
print(textwrap.wrap(text, 25, fix_sentence_endings=True))
print(textwrap.wrap(text, 25, drop_whitespace=False))
print(textwrap.wrap('a\tb\tc d\ne', 10), textwrap.wrap('a\tb\tc', 10, expand_tabs=False), textwrap.wrap('a\tb', 12, tabsize=4),
      textwrap.wrap('a\nb  c', 10, replace_whitespace=False))
for n in [1, 2, 3]:
    print(n, textwrap.wrap(text, 30, max_lines=n), textwrap.wrap(text, 30, max_lines=n, placeholder='...'))
print(textwrap.shorten('Hello  world!', width=12), textwrap.shorten('Hello  world!', width=11),
      textwrap.shorten(text, 40), textwrap.shorten(text, 40, placeholder=' (more)'), repr(textwrap.shorten('', 10)))
print(textwrap.wrap(''), textwrap.wrap('   '), textwrap.fill('   '), textwrap.wrap('  lead', 10), textwrap.wrap('x ' * 5, 3))
print(textwrap.wrap('pre-processing co-operation e-mail well--known', 8), textwrap.wrap('---- -- a--b', 3))
print(textwrap.wrap('ab-cd-ef-gh', 4), textwrap.wrap('123-456-789', 4), textwrap.wrap('über-naïve-café', 6))
w = textwrap.TextWrapper(width=15, initial_indent='>> ', subsequent_indent='.. ', break_on_hyphens=False)
print(w.wrap(text[:60]), w.width, w.max_lines, w.placeholder)
w.width = 25
print(w.fill(text[:60]))
try:
    textwrap.wrap('abc', 0)
except ValueError as e:
    print(e)
try:
    textwrap.wrap('abc def', 5, max_lines=1, placeholder=' [........]')
except ValueError as e:
    print(e)

print(repr(textwrap.dedent('''
    def hello():
        print("hi")

    hello()
    ''')))
cases = ['', '\n', '  a\n  b', '  a\n    b\n  c', '\ta\n\tb', '  a\n\tb', '   \n  x\n  y\n', '  x\n \n  y',
         'no indent\n  indented', '    a\n  b', '  a  \n  b  ', '\n\n  a\n\n', '  \t a\n  \t b', ' x\n  \n y']
for c in cases:
    print(repr(c), repr(textwrap.dedent(c)))
print(repr(textwrap.indent('a\nb\n\nc\n', '> ')), repr(textwrap.indent('  \n x', '+')),
      repr(textwrap.indent('a\nbb\nccc', '-', lambda line: len(line) > 2)), repr(textwrap.indent('a\r\nb\rc', '#')))
print(textwrap.indent(textwrap.dedent('''\
    first
      second
    third'''), '    '))
