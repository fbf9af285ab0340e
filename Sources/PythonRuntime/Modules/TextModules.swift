/// The text modules: `string` and `textwrap`, both written in Python (no
/// dependency on `re`; the scanners that CPython expresses as regular
/// expressions are written out by hand with the same results).
extension TextModules {
  static var pythonModules: [(String, String)] {
    [("string", StringModuleSource.text), ("textwrap", TextwrapModuleSource.text)]
  }
}

enum StringModuleSource {
  static let text = #"""
"""A collection of string constants.

Public module variables:

whitespace -- a string containing all ASCII whitespace
ascii_lowercase -- a string containing all ASCII lowercase letters
ascii_uppercase -- a string containing all ASCII uppercase letters
ascii_letters -- a string containing all ASCII letters
digits -- a string containing all ASCII decimal digits
hexdigits -- a string containing all ASCII hexadecimal digits
octdigits -- a string containing all ASCII octal digits
punctuation -- a string containing all ASCII punctuation characters
printable -- a string containing all ASCII characters considered printable
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """capwords(s [,sep]) -> string

    Split the argument into words using split, capitalize each
    word using capitalize, and join the capitalized words using
    join.  If the optional second argument sep is absent or None,
    runs of whitespace characters are replaced by a single space
    and leading and trailing whitespace are removed, otherwise
    sep is used to split and join the words.
    """
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


_sentinel_dict = {}


class _ChainMapping:
    """The keyword arguments first, then the mapping (like ChainMap)."""
    def __init__(self, first, second):
        self._first = first
        self._second = second

    def __getitem__(self, key):
        try:
            return self._first[key]
        except KeyError:
            return self._second[key]


_ID_START = '_' + ascii_letters
_ID_CHARS = _ID_START + digits

# The default patterns, as CPython spells them; a subclass that changes
# them (or sets `pattern`) is matched with the `re` module instead.
_DEFAULT_IDPATTERN = r'(?a:[_a-z][_a-z0-9]*)'


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = _DEFAULT_IDPATTERN
    braceidpattern = None
    flags = 2  # re.IGNORECASE

    def __init_subclass__(cls):
        super().__init_subclass__()
        custom = ('pattern' in cls.__dict__ or cls.idpattern != _DEFAULT_IDPATTERN
                  or cls.braceidpattern is not None or cls.flags != 2)
        if custom:
            import re
            if 'pattern' in cls.__dict__:
                pattern = cls.pattern
            else:
                delim = re.escape(cls.delimiter)
                id = cls.idpattern
                bid = cls.braceidpattern or cls.idpattern
                pattern = fr"""
                {delim}(?:
                  (?P<escaped>{delim})  |
                  (?P<named>{id})       |
                  {{(?P<braced>{bid})}} |
                  (?P<invalid>)
                )
                """
            cls.pattern = re.compile(pattern, cls.flags | re.VERBOSE)

    def __init__(self, template):
        self.template = template

    # Scanning. Yields (start, end, kind, name) for each delimiter found,
    # kind being 'escaped', 'named', 'braced' or 'invalid'.
    def _scan(self):
        pattern = self.__class__.__dict__.get('pattern') or getattr(self, 'pattern', None)
        if pattern is not None and not isinstance(pattern, str):
            for mo in pattern.finditer(self.template):
                for kind in ('escaped', 'named', 'braced', 'invalid'):
                    value = mo.group(kind)
                    if value is not None:
                        start = mo.start('invalid') if kind == 'invalid' else mo.start()
                        yield mo.start(), mo.end(), kind, value, start
                        break
            return
        text = self.template
        delim = self.delimiter
        dlen = len(delim)
        n = len(text)
        i = text.find(delim)
        while i >= 0:
            j = i + dlen
            if text.startswith(delim, j):
                yield i, j + dlen, 'escaped', delim, i
                i = text.find(delim, j + dlen)
                continue
            if j < n and text[j] in _ID_START:
                k = j + 1
                while k < n and text[k] in _ID_CHARS:
                    k += 1
                yield i, k, 'named', text[j:k], i
                i = text.find(delim, k)
                continue
            if j < n and text[j] == '{' and j + 1 < n and text[j + 1] in _ID_START:
                k = j + 2
                while k < n and text[k] in _ID_CHARS:
                    k += 1
                if k < n and text[k] == '}':
                    yield i, k + 1, 'braced', text[j + 1:k], i
                    i = text.find(delim, k + 1)
                    continue
            yield i, j, 'invalid', '', j
            i = text.find(delim, j)

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainMapping(kws, mapping)
        parts = []
        pos = 0
        text = self.template
        for start, end, kind, name, errpos in self._scan():
            parts.append(text[pos:start])
            if kind == 'named' or kind == 'braced':
                parts.append(str(mapping[name]))
            elif kind == 'escaped':
                parts.append(self.delimiter)
            else:
                self._invalid(errpos)
            pos = end
        parts.append(text[pos:])
        return ''.join(parts)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainMapping(kws, mapping)
        parts = []
        pos = 0
        text = self.template
        for start, end, kind, name, errpos in self._scan():
            parts.append(text[pos:start])
            if kind == 'named' or kind == 'braced':
                try:
                    parts.append(str(mapping[name]))
                except KeyError:
                    parts.append(text[start:end])
            elif kind == 'escaped':
                parts.append(self.delimiter)
            else:
                parts.append(text[start:end])
            pos = end
        parts.append(text[pos:])
        return ''.join(parts)

    def is_valid(self):
        for start, end, kind, name, errpos in self._scan():
            if kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for start, end, kind, name, errpos in self._scan():
            if (kind == 'named' or kind == 'braced') and name not in ids:
                ids.append(name)
        return ids


def _parse_format(format_string):
    """Yields (literal_text, field_name, format_spec, conversion) like
    CPython's formatter_parser."""
    s = format_string
    n = len(s)
    i = 0
    literal = []
    while i < n:
        c = s[i]
        if c == '{':
            if i + 1 < n and s[i + 1] == '{':
                literal.append('{')
                yield ''.join(literal), None, None, None
                literal = []
                i += 2
                continue
            if i + 1 >= n:
                raise ValueError("Single '{' encountered in format string")
            # Find the matching '}' (braces nest inside the spec).
            depth = 1
            j = i + 1
            while j < n:
                if s[j] == '{':
                    depth += 1
                elif s[j] == '}':
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            if j >= n:
                raise ValueError("expected '}' before end of string")
            field = s[i + 1:j]
            # Split off the conversion and the spec (brackets protect ':' and '!').
            k = 0
            m = len(field)
            while k < m:
                if field[k] == '[':
                    while k < m and field[k] != ']':
                        k += 1
                    if k >= m:
                        break
                elif field[k] in '!:':
                    break
                k += 1
            name = field[:k]
            conversion = None
            spec = ''
            if k < m and field[k] == '!':
                if k + 1 >= m:
                    raise ValueError("end of string while looking for conversion specifier")
                conversion = field[k + 1]
                k += 2
                if k < m and field[k] != ':':
                    raise ValueError("expected ':' after conversion specifier")
            if k < m and field[k] == ':':
                spec = field[k + 1:]
            yield ''.join(literal), name, spec, conversion
            literal = []
            i = j + 1
            continue
        if c == '}':
            if i + 1 < n and s[i + 1] == '}':
                literal.append('}')
                yield ''.join(literal), None, None, None
                literal = []
                i += 2
                continue
            raise ValueError("Single '}' encountered in format string")
        literal.append(c)
        i += 1
    if literal:
        yield ''.join(literal), None, None, None


def _split_field_name(field_name):
    """('first', [(is_attr, key), ...]) like formatter_field_name_split."""
    i = 0
    n = len(field_name)
    while i < n and field_name[i] not in '.[':
        i += 1
    first = field_name[:i]
    if first.isdigit():
        first = int(first)
    rest = []
    while i < n:
        if field_name[i] == '.':
            j = i + 1
            while j < n and field_name[j] not in '.[':
                j += 1
            attr = field_name[i + 1:j]
            if not attr:
                raise ValueError("Empty attribute in format string")
            rest.append((True, attr))
            i = j
        elif field_name[i] == '[':
            j = field_name.find(']', i)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = field_name[i + 1:j]
            if not key:
                raise ValueError("Empty attribute in format string")
            rest.append((False, int(key) if key.isdigit() else key))
            i = j + 1
            if i < n and field_name[i] not in '.[':
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
    return first, rest


class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in \
                self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is not None:
                if field_name == '':
                    if auto_arg_index is False:
                        raise ValueError('cannot switch from manual field '
                                         'specification to automatic field '
                                         'numbering')
                    field_name = str(auto_arg_index)
                    auto_arg_index += 1
                elif field_name.isdigit():
                    if auto_arg_index:
                        # (CPython's message here names the switch the other way round.)
                        raise ValueError('cannot switch from manual field '
                                         'specification to automatic field '
                                         'numbering')
                    auto_arg_index = False
                obj, arg_used = self.get_field(field_name, args, kwargs)
                used_args.add(arg_used)
                obj = self.convert_field(obj, conversion)
                format_spec, auto_arg_index = self._vformat(
                    format_spec, args, kwargs,
                    used_args, recursion_depth - 1,
                    auto_arg_index=auto_arg_index)
                result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        else:
            return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        elif conversion == 's':
            return str(value)
        elif conversion == 'r':
            return repr(value)
        elif conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    def parse(self, format_string):
        return list(_parse_format(format_string))

    def get_field(self, field_name, args, kwargs):
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]
        return obj, first
"""#
}

enum TextwrapModuleSource {
  static let text = #"""
"""Text wrapping and filling.
"""

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

# Hardcode the recognized whitespace characters to the US-ASCII
# whitespace characters.
_whitespace = '\t\n\x0b\x0c\r '
_PUNCT = '_!"\'&.,?'


def _is_word(c):
    return c.isalnum() or c == '_'


def _is_letter(c):
    return (c.isalnum() or c == '_') and not c.isdecimal()


def _is_word_punct(c):
    return c.isalnum() or c in _PUNCT


def _dashes_then_word(text, q, n):
    """Two or more '-' at q followed by a word character."""
    j = q
    while j < n and text[j] == '-':
        j += 1
    return j - q >= 2 and j < n and _is_word(text[j])


def _split_on_hyphens(text):
    """Whitespace runs, words, hyphenated word parts and em-dashes."""
    chunks = []
    n = len(text)
    ws = _whitespace
    i = 0
    while i < n:
        c = text[i]
        if c in ws:
            j = i + 1
            while j < n and text[j] in ws:
                j += 1
            chunks.append(text[i:j])
            i = j
            continue
        if c == '-' and i > 0 and _is_word_punct(text[i - 1]):
            j = i
            while j < n and text[j] == '-':
                j += 1
            if j - i >= 2 and j < n and _is_word(text[j]):
                chunks.append(text[i:j])
                i = j
                continue
        q = i + 1
        while True:
            if q >= n or text[q] in ws:
                chunks.append(text[i:q])
                i = q
                break
            if text[q] == '-':
                # A hyphen that splits a word: two letters (or letter-hyphen-
                # letter) before it and a letter (optionally past one more
                # hyphen) followed by a letter after it.
                before = (q >= 2 and _is_letter(text[q - 1]) and _is_letter(text[q - 2])) or \
                         (q >= 3 and _is_letter(text[q - 1]) and text[q - 2] == '-' and _is_letter(text[q - 3]))
                if before and q + 1 < n and _is_letter(text[q + 1]) and q + 2 < n and (
                        _is_letter(text[q + 2]) or (text[q + 2] == '-' and q + 3 < n and _is_letter(text[q + 3]))):
                    chunks.append(text[i:q + 1])
                    i = q + 1
                    break
                if _is_word_punct(text[q - 1]) and _dashes_then_word(text, q, n):
                    chunks.append(text[i:q])
                    i = q
                    break
            q += 1
    return chunks


def _split_on_whitespace(text):
    chunks = []
    n = len(text)
    ws = _whitespace
    i = 0
    while i < n:
        j = i + 1
        if text[i] in ws:
            while j < n and text[j] in ws:
                j += 1
        else:
            while j < n and text[j] not in ws:
                j += 1
        chunks.append(text[i:j])
        i = j
    return chunks


def _ends_sentence(chunk):
    """A lowercase ASCII letter, then '.', '!' or '?', then an optional quote."""
    k = len(chunk)
    if k and chunk[k - 1] in '"\'':
        k -= 1
    return k >= 2 and chunk[k - 1] in '.!?' and 'a' <= chunk[k - 2] <= 'z'


class TextWrapper:
    """
    Object for wrapping/filling text.  The public interface consists of
    the wrap() and fill() methods; the other methods are just there for
    subclasses to override in order to tweak the default behaviour.
    If you want to completely replace the main wrapping algorithm,
    you'll probably have to override _wrap_chunks().
    """

    unicode_whitespace_trans = dict.fromkeys(map(ord, _whitespace), ord(' '))

    def __init__(self,
                 width=70,
                 initial_indent="",
                 subsequent_indent="",
                 expand_tabs=True,
                 replace_whitespace=True,
                 fix_sentence_endings=False,
                 break_long_words=True,
                 drop_whitespace=True,
                 break_on_hyphens=True,
                 tabsize=8,
                 *,
                 max_lines=None,
                 placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(self.unicode_whitespace_trans)
        return text

    def _split(self, text):
        if self.break_on_hyphens is True:
            return _split_on_hyphens(text)
        return _split_on_whitespace(text)

    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == " " and _ends_sentence(chunks[i]):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                # Prefer breaking after the last hyphen that fits (one not
                # at the very start of the word).
                hyphen = chunk.rfind('-', 0, space_left)
                if hyphen > 0 and chunk[:hyphen].strip('-'):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            indent = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")

        # Chunks are taken from the end of the reversed list.
        chunks.reverse()
        while chunks:
            line = []
            line_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)

            # A line never starts with whitespace (except the first).
            if self.drop_whitespace and chunks[-1].strip() == '' and lines:
                del chunks[-1]

            while chunks:
                size = len(chunks[-1])
                if line_len + size > width:
                    break
                line.append(chunks.pop())
                line_len += size

            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, line, line_len, width)
                line_len = sum(map(len, line))

            if self.drop_whitespace and line and line[-1].strip() == '':
                line_len -= len(line[-1])
                del line[-1]

            if not line:
                continue
            last_allowed = (self.max_lines is None or len(lines) + 1 < self.max_lines)
            rest_is_blank = (not chunks or
                             self.drop_whitespace and len(chunks) == 1 and not chunks[0].strip())
            if last_allowed or (rest_is_blank and line_len <= width):
                lines.append(indent + ''.join(line))
                continue
            # Out of lines: end this one with the placeholder.
            while line:
                if line[-1].strip() and line_len + len(self.placeholder) <= width:
                    line.append(self.placeholder)
                    lines.append(indent + ''.join(line))
                    break
                line_len -= len(line[-1])
                del line[-1]
            else:
                if lines:
                    previous = lines[-1].rstrip()
                    if len(previous) + len(self.placeholder) <= self.width:
                        lines[-1] = previous + self.placeholder
                        break
                lines.append(indent + self.placeholder.lstrip())
            break
        return lines

    def _split_chunks(self, text):
        text = self._munge_whitespace(text)
        return self._split(text)

    def wrap(self, text):
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    w = TextWrapper(width=width, **kwargs)
    return w.wrap(text)


def fill(text, width=70, **kwargs):
    w = TextWrapper(width=width, **kwargs)
    return w.fill(text)


def shorten(text, width, **kwargs):
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(' '.join(text.strip().split()))


def dedent(text):
    """Remove any common leading whitespace from every line in `text`.

    Entirely blank lines are normalized to a newline character.
    """
    try:
        lines = text.split('\n')
    except (AttributeError, TypeError):
        raise TypeError(f'expected str object, not {type(text).__qualname__!r}') from None
    # The margin is the common run of spaces and tabs at the start of the
    # lexicographically smallest and largest non-blank lines.
    first = last = None
    for line in lines:
        if line and not line.isspace():
            if first is None or line < first:
                first = line
            if last is None or line > last:
                last = line
    margin = 0
    if first is not None:
        while first[margin] in ' \t' and first[margin] == last[margin]:
            margin += 1
    return '\n'.join(['' if line.isspace() else line[margin:] for line in lines])


def indent(text, prefix, predicate=None):
    """Adds 'prefix' to the beginning of selected lines in 'text'.

    If 'predicate' is provided, 'prefix' will only be added to the lines
    where 'predicate(line)' is True. If 'predicate' is not provided,
    it will default to adding 'prefix' to all non-whitespace lines.
    """
    out = []
    for line in text.splitlines(True):
        if (predicate(line) if predicate is not None else not line.isspace()):
            out.append(prefix)
        out.append(line)
    return ''.join(out)
"""#
}
