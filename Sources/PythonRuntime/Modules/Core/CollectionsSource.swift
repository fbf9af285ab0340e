/// The `collections` package: `deque` comes from `_collections` (Swift);
/// the other containers are Python classes here, with their hot loops
/// (`Counter` counting, `defaultdict.__missing__`, `OrderedDict` moves)
/// in Swift helpers.
enum CollectionsSource {
  static let text = #"""
"""Container datatypes: deque, defaultdict, Counter, namedtuple, OrderedDict,
ChainMap, UserDict, UserList and UserString."""

__all__ = ['ChainMap', 'Counter', 'OrderedDict', 'UserDict', 'UserList',
           'UserString', 'defaultdict', 'deque', 'namedtuple']

import sys as _sys
import _collections_abc
from itertools import chain as _chain, repeat as _repeat, starmap as _starmap
from keyword import iskeyword as _iskeyword
from operator import eq as _eq, itemgetter as _itemgetter
from _collections import (deque, _count_elements, _defaultdict_missing,
                          _move_to_end, _popfirst, _isidentifier)

_abc = _collections_abc
_abc.MutableSequence.register(deque)
_MISSING = object()


# ---------------------------------------------------------------- OrderedDict

def _odict_view(base, label, render):
    class View(base):
        def __repr__(self):
            return f'{label}({render(self._mapping)!r})'

        def __reversed__(self):
            m = self._mapping
            for k in reversed(list(dict.keys(m))):
                yield render.item(m, k)
    View.__name__ = View.__qualname__ = label
    return View


class _Render:
    def __init__(self, item):
        self.item = item

    def __call__(self, mapping):
        return [self.item(mapping, k) for k in dict.keys(mapping)]


_odict_keys = _odict_view(_abc.KeysView, 'odict_keys', _Render(lambda m, k: k))
_odict_values = _odict_view(_abc.ValuesView, 'odict_values', _Render(lambda m, k: m[k]))
_odict_items = _odict_view(_abc.ItemsView, 'odict_items', _Render(lambda m, k: (k, m[k])))


class OrderedDict(dict):
    'Dictionary that remembers insertion order'

    def popitem(self, last=True):
        """Remove and return a (key, value) pair from the dictionary.

        Pairs are returned in LIFO order if last is true or FIFO order if false."""
        if len(self) == 0:
            raise KeyError('dictionary is empty')
        return dict.popitem(self) if last else _popfirst(self)

    def move_to_end(self, key, last=True):
        """Move an existing element to the end (or beginning if last is false).

        Raise KeyError if the element does not exist."""
        _move_to_end(self, key, last)

    def keys(self):
        return _odict_keys(self)

    def values(self):
        return _odict_values(self)

    def items(self):
        return _odict_items(self)

    def __reversed__(self):
        return reversed(list(dict.keys(self)))

    def pop(self, key, default=_MISSING):
        """Remove the key and return its value; default (if given) when absent."""
        if default is _MISSING:
            return dict.pop(self, key)
        return dict.pop(self, key, default)

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
            return default
        return self[key]

    def __repr__(self):
        name = type(self).__name__
        return f'{name}({dict(self.items())!r})' if self else f'{name}()'

    def __reduce__(self):
        extra = getattr(self, '__dict__', None) or None
        return type(self), (), extra, None, iter(list(self.items()))

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    @classmethod
    def fromkeys(cls, iterable, value=None):
        new = cls()
        for key in iterable:
            new[key] = value
        return new

    def __eq__(self, other):
        same = dict.__eq__(self, other)
        if same is NotImplemented or not same or not isinstance(other, OrderedDict):
            return same
        return all(map(_eq, self, other))

    def __ne__(self, other):
        same = self.__eq__(other)
        return same if same is NotImplemented else not same

    __hash__ = None

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        merged = type(self)(self)
        merged.update(other)
        return merged

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        merged = type(self)(other)
        merged.update(self)
        return merged


# ----------------------------------------------------------------- namedtuple

def _validate_names(typename, names, rename):
    if rename:
        seen = set()
        for i, name in enumerate(names):
            bad = (not _isidentifier(name) or _iskeyword(name)
                   or name.startswith('_') or name in seen)
            seen.add(name)
            if bad:
                names[i] = f'_{i}'
    for name in [typename, *names]:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not _isidentifier(name):
            raise ValueError(f'Type names and field names must be valid identifiers: {name!r}')
        if _iskeyword(name):
            raise ValueError(f'Type names and field names cannot be a keyword: {name!r}')
    seen = set()
    for name in names:
        if not rename and name.startswith('_'):
            raise ValueError(f'Field names cannot start with an underscore: {name!r}')
        if name in seen:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        seen.add(name)


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Returns a new subclass of tuple with named fields."""
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    names = [str(n) for n in field_names]
    typename = _sys.intern(str(typename))
    _validate_names(typename, names, rename)

    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(names):
            raise TypeError('Got more default values than field names')
        if defaults:
            field_defaults = dict(zip(names[len(names) - len(defaults):], defaults))

    fields = tuple(_sys.intern(n) for n in names)
    count = len(fields)
    params = ', '.join(fields)
    packed = params + (',' if count == 1 else '')
    shown = ', '.join(f'{n}=%r' for n in fields)
    new_tuple = tuple.__new__

    # __new__ is compiled so that its signature (and its error messages)
    # name the fields; defining it inside a class gives it the qualified
    # name 'Typename.__new__'.
    import builtins
    scope = {'_new_tuple': new_tuple, '__name__': f'namedtuple_{typename}',
             '__builtins__': {'__build_class__': builtins.__build_class__}}
    exec(f'class {typename}:\n def __new__(_cls, {params}): return _new_tuple(_cls, ({packed}))\n', scope)
    new = scope[typename].__dict__['__new__'].__func__
    new.__doc__ = f'Create new instance of {typename}({params})'
    if defaults is not None:
        new.__defaults__ = defaults

    def _make(cls, iterable):
        made = new_tuple(cls, iterable)
        if len(made) != count:
            raise TypeError(f'Expected {count} arguments, got {len(made)}')
        return made
    _make.__doc__ = f'Make a new {typename} object from a sequence or iterable'

    def _replace(self, /, **kwds):
        values = [kwds.pop(n, v) for n, v in zip(fields, self)]
        if kwds:
            raise TypeError(f'Got unexpected field names: {list(kwds)!r}')
        return self._make(values)
    _replace.__doc__ = f'Return a new {typename} object replacing specified fields with new values'

    def __repr__(self):
        'Return a nicely formatted representation string'
        return type(self).__name__ + '(' + (shown % tuple(self)) + ')'

    def _asdict(self):
        'Return a new dict which maps field names to their values.'
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        'Return self as a plain tuple.  Used by copy and pickle.'
        return tuple(self)

    for f in (new, _make, _replace, __repr__, _asdict, __getnewargs__):
        f.__qualname__ = f'{typename}.{f.__name__}'

    body = {
        '__doc__': f'{typename}({params})',
        '__slots__': (),
        '_fields': fields,
        '_field_defaults': field_defaults,
        '__new__': new,
        '_make': classmethod(_make),
        '_replace': _replace,
        '__replace__': _replace,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__match_args__': fields,
    }
    for i, name in enumerate(fields):
        body[name] = property(_itemgetter(i), doc=_sys.intern(f'Alias for field number {i}'))
    cls = type(typename, (tuple,), body)

    if module is None:
        try:
            module = _sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            module = None
    if module is not None:
        cls.__module__ = module
    return cls


# -------------------------------------------------------------------- Counter

def _counter_binary(keep):
    """An operator on two Counters: keep(a, b) gives the new count (or None)."""
    def op(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        out = Counter()
        for elem in _chain(self, (e for e in other if e not in self)):
            n = keep(self[elem], other[elem], elem in self, elem in other)
            if n is not None and n > 0:
                out[elem] = n
        return out
    return op


def _counter_compare(test, strict):
    def op(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        ok = all(test(self[e], other[e]) for c in (self, other) for e in c)
        if strict:
            ok = ok and not all(self[e] == other[e] for c in (self, other) for e in c)
        return ok
    return op


class Counter(dict):
    """Dict subclass for counting hashable items.  Sometimes called a bag
    or multiset.  Elements are stored as dictionary keys and their counts
    are stored as dictionary values."""

    def __init__(self, iterable=None, /, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        'The count of elements not in the Counter is zero.'
        return 0

    def total(self):
        'Sum of the counts'
        return sum(self.values())

    def most_common(self, n=None):
        """List the n most common elements and their counts from the most
        common to the least.  If n is None, then list all element counts."""
        ranked = sorted(self.items(), key=_itemgetter(1), reverse=True)
        return ranked if n is None else ranked[:max(n, 0)]

    def elements(self):
        """Iterator over elements repeating each as many times as its count."""
        return _chain.from_iterable(_starmap(_repeat, self.items()))

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        """Like dict.update() but add counts instead of replacing them."""
        if iterable is not None:
            if not isinstance(iterable, _abc.Mapping):
                _count_elements(self, iterable)
            elif not self:
                dict.update(self, iterable)
            else:
                for elem, n in iterable.items():
                    self[elem] = n + self.get(elem, 0)
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        """Like dict.update() but subtracts counts instead of replacing them."""
        if iterable is not None:
            pairs = iterable.items() if isinstance(iterable, _abc.Mapping) else ((e, 1) for e in iterable)
            for elem, n in pairs:
                self[elem] = self.get(elem, 0) - n
        if kwds:
            self.subtract(kwds)

    def copy(self):
        'Return a shallow copy.'
        return type(self)(self)

    def __reduce__(self):
        return type(self), (dict(self),)

    def __delitem__(self, elem):
        'Like dict.__delitem__() but does not raise KeyError for missing values.'
        if elem in self:
            dict.__delitem__(self, elem)

    def __repr__(self):
        name = type(self).__name__
        if not self:
            return f'{name}()'
        try:
            shown = dict(self.most_common())
        except TypeError:
            shown = dict(self)
        return f'{name}({shown!r})'

    __eq__ = _counter_compare(lambda a, b: a == b, False)
    __le__ = _counter_compare(lambda a, b: a <= b, False)
    __lt__ = _counter_compare(lambda a, b: a <= b, True)
    __ge__ = _counter_compare(lambda a, b: a >= b, False)
    __gt__ = _counter_compare(lambda a, b: a >= b, True)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    __hash__ = None

    __add__ = _counter_binary(lambda a, b, ina, inb: a + b)
    __sub__ = _counter_binary(lambda a, b, ina, inb: a - b)
    __or__ = _counter_binary(lambda a, b, ina, inb: a if a >= b else b)
    __and__ = _counter_binary(lambda a, b, ina, inb: (a if a <= b else b) if ina else None)

    def __pos__(self):
        'Adds an empty counter, effectively stripping negative and zero counts'
        return Counter({e: n for e, n in self.items() if n > 0})

    def __neg__(self):
        """Subtracts from an empty counter.  Strips positive and zero counts,
        and flips the sign on negative counts."""
        return Counter({e: 0 - n for e, n in self.items() if n < 0})

    def _keep_positive(self):
        for elem in [e for e, n in self.items() if not n > 0]:
            del self[elem]
        return self

    def __iadd__(self, other):
        for elem, n in other.items():
            self[elem] += n
        return self._keep_positive()

    def __isub__(self, other):
        for elem, n in other.items():
            self[elem] -= n
        return self._keep_positive()

    def __ior__(self, other):
        for elem, n in other.items():
            if n > self[elem]:
                self[elem] = n
        return self._keep_positive()

    def __iand__(self, other):
        for elem, n in self.items():
            if other[elem] < n:
                self[elem] = other[elem]
        return self._keep_positive()


# ------------------------------------------------------------------- ChainMap

class ChainMap(_abc.MutableMapping):
    """A ChainMap groups multiple dicts (or other mappings) together
    to create a single, updateable view."""

    def __init__(self, *maps):
        self.maps = list(maps) if maps else [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for m in self.maps:
            try:
                return m[key]
            except KeyError:
                continue
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        order = {}
        for m in reversed(self.maps):
            order.update(dict.fromkeys(m))
        return iter(order)

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __bool__(self):
        return any(self.maps)

    def __repr__(self):
        return f'{type(self).__name__}({", ".join(repr(m) for m in self.maps)})'

    @classmethod
    def fromkeys(cls, iterable, value=None, /):
        return cls(dict.fromkeys(iterable, value))

    def copy(self):
        'New ChainMap or subclass with a new copy of maps[0] and refs to maps[1:]'
        first, *rest = self.maps
        return type(self)(first.copy(), *rest)

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        """New ChainMap with a new map followed by all previous maps.
        If no map is provided, an empty dict is used.
        Keyword arguments update the map or new empty dict."""
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return type(self)(m, *self.maps)

    @property
    def parents(self):
        'New ChainMap from maps[1:].'
        return type(self)(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def popitem(self):
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError('No keys found in the first mapping.')

    def pop(self, key, *args):
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def clear(self):
        self.maps[0].clear()

    def __ior__(self, other):
        self.maps[0].update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, _abc.Mapping):
            return NotImplemented
        result = self.copy()
        result.maps[0].update(other)
        return result

    def __ror__(self, other):
        if not isinstance(other, _abc.Mapping):
            return NotImplemented
        merged = dict(other)
        for m in reversed(self.maps):
            merged.update(m)
        return type(self)(merged)


# ---------------------------------------------------------------- defaultdict

class defaultdict(dict):
    """defaultdict(default_factory=None, /, [...]) --> dict with default factory

The default factory is called without arguments to produce
a new value when a key is not present, in __getitem__ only.
A defaultdict compares equal to a dict with the same items.
All remaining arguments are treated the same as if they were
passed to the dict constructor, including keyword arguments.
"""

    def __init__(self, default_factory=None, /, *args, **kwargs):
        if not (default_factory is None or callable(default_factory)):
            raise TypeError("first argument must be callable or None")
        dict.__init__(self, *args, **kwargs)
        self.default_factory = default_factory

    __missing__ = _defaultdict_missing

    def __repr__(self):
        return f'{type(self).__name__}({self.default_factory!r}, {dict.__repr__(self)})'

    def copy(self):
        """D.copy() -> a shallow copy of D."""
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        factory = self.default_factory
        return type(self), (() if factory is None else (factory,)), None, None, iter(list(self.items()))

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        merged = type(self)(self.default_factory, self)
        merged.update(other)
        return merged

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        merged = type(self)(self.default_factory, other)
        merged.update(self)
        return merged


# ---------------------------------------------------- UserDict, UserList, UserString

def _unwrap(x, cls):
    return x.data if isinstance(x, cls) else x


class UserDict(_abc.MutableMapping):

    def __init__(self, dict=None, /, **kwargs):
        self.data = {}
        for source in (dict, kwargs):
            if source:
                self.update(source)

    def __len__(self):
        return len(self.data)

    def __getitem__(self, key):
        if key in self.data:
            return self.data[key]
        missing = getattr(type(self), '__missing__', None)
        if missing is not None:
            return missing(self, key)
        raise KeyError(key)

    def __setitem__(self, key, item):
        self.data[key] = item

    def __delitem__(self, key):
        del self.data[key]

    def __iter__(self):
        return iter(self.data)

    def __contains__(self, key):
        return key in self.data

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __repr__(self):
        return repr(self.data)

    def __or__(self, other):
        if isinstance(other, (UserDict, dict)):
            return type(self)(self.data | _unwrap(other, UserDict))
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, (UserDict, dict)):
            return type(self)(_unwrap(other, UserDict) | self.data)
        return NotImplemented

    def __ior__(self, other):
        self.data |= _unwrap(other, UserDict)
        return self

    def __copy__(self):
        clone = type(self).__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone.__dict__['data'] = self.__dict__['data'].copy()
        return clone

    def copy(self):
        if type(self) is UserDict:
            return UserDict(self.data.copy())
        import copy
        saved, self.data = self.data, {}
        try:
            clone = copy.copy(self)
        finally:
            self.data = saved
        clone.update(self)
        return clone

    @classmethod
    def fromkeys(cls, iterable, value=None):
        new = cls()
        for key in iterable:
            new[key] = value
        return new


class UserList(_abc.MutableSequence):
    """A more or less complete user-defined wrapper around list objects."""

    def __init__(self, initlist=None):
        if initlist is None:
            self.data = []
        elif isinstance(initlist, UserList):
            self.data = initlist.data[:]
        else:
            self.data = list(initlist)

    def __repr__(self):
        return repr(self.data)

    def __lt__(self, other):
        return self.data < _unwrap(other, UserList)

    def __le__(self, other):
        return self.data <= _unwrap(other, UserList)

    def __eq__(self, other):
        return self.data == _unwrap(other, UserList)

    def __gt__(self, other):
        return self.data > _unwrap(other, UserList)

    def __ge__(self, other):
        return self.data >= _unwrap(other, UserList)

    def __contains__(self, item):
        return item in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        got = self.data[i]
        return type(self)(got) if isinstance(i, slice) else got

    def __setitem__(self, i, item):
        self.data[i] = item

    def __delitem__(self, i):
        del self.data[i]

    def _as_list(self, other):
        if isinstance(other, UserList):
            return other.data
        return other if isinstance(other, list) else list(other)

    def __add__(self, other):
        return type(self)(self.data + self._as_list(other))

    def __radd__(self, other):
        return type(self)(self._as_list(other) + self.data)

    def __iadd__(self, other):
        self.data += self._as_list(other)
        return self

    def __mul__(self, n):
        return type(self)(self.data * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self.data *= n
        return self

    def __copy__(self):
        clone = type(self).__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone.__dict__['data'] = self.__dict__['data'][:]
        return clone

    def append(self, item):
        self.data.append(item)

    def insert(self, i, item):
        self.data.insert(i, item)

    def pop(self, i=-1):
        return self.data.pop(i)

    def remove(self, item):
        self.data.remove(item)

    def clear(self):
        self.data.clear()

    def copy(self):
        return type(self)(self)

    def count(self, item):
        return self.data.count(item)

    def index(self, item, *args):
        return self.data.index(item, *args)

    def reverse(self):
        self.data.reverse()

    def sort(self, /, *args, **kwds):
        self.data.sort(*args, **kwds)

    def extend(self, other):
        self.data.extend(_unwrap(other, UserList))


class UserString(_abc.Sequence):

    def __init__(self, seq):
        if isinstance(seq, str):
            self.data = seq
        elif isinstance(seq, UserString):
            self.data = seq.data[:]
        else:
            self.data = str(seq)

    def __str__(self):
        return str(self.data)

    def __repr__(self):
        return repr(self.data)

    def __int__(self):
        return int(self.data)

    def __float__(self):
        return float(self.data)

    def __complex__(self):
        return complex(self.data)

    def __hash__(self):
        return hash(self.data)

    def __getnewargs__(self):
        return (self.data[:],)

    def __eq__(self, other):
        return self.data == _unwrap(other, UserString)

    def __lt__(self, other):
        return self.data < _unwrap(other, UserString)

    def __le__(self, other):
        return self.data <= _unwrap(other, UserString)

    def __gt__(self, other):
        return self.data > _unwrap(other, UserString)

    def __ge__(self, other):
        return self.data >= _unwrap(other, UserString)

    def __contains__(self, char):
        return _unwrap(char, UserString) in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, index):
        return type(self)(self.data[index])

    def __add__(self, other):
        other = _unwrap(other, UserString)
        return type(self)(self.data + (other if isinstance(other, str) else str(other)))

    def __radd__(self, other):
        return type(self)((other if isinstance(other, str) else str(other)) + self.data)

    def __mul__(self, n):
        return type(self)(self.data * n)

    __rmul__ = __mul__

    def __mod__(self, args):
        return type(self)(self.data % args)

    def __rmod__(self, template):
        return type(self)(str(template) % self)

    if hasattr(str, 'maketrans'):
        maketrans = str.maketrans

    def encode(self, encoding='utf-8', errors='strict'):
        return self.data.encode('utf-8' if encoding is None else encoding,
                                'strict' if errors is None else errors)

    def format(self, /, *args, **kwds):
        return self.data.format(*args, **kwds)


def _user_string_methods():
    # Methods returning a new string wrap their result; the others pass it through.
    wrapping = ['capitalize', 'casefold', 'center', 'expandtabs', 'ljust', 'lower',
                'lstrip', 'removeprefix', 'removesuffix', 'replace', 'rjust', 'rstrip',
                'strip', 'swapcase', 'title', 'translate', 'upper', 'zfill']
    plain = ['count', 'endswith', 'find', 'format_map', 'index', 'isalpha', 'isalnum',
             'isascii', 'isdecimal', 'isdigit', 'isidentifier', 'islower', 'isnumeric',
             'isprintable', 'isspace', 'istitle', 'isupper', 'join', 'partition',
             'rfind', 'rindex', 'rpartition', 'split', 'rsplit', 'splitlines', 'startswith']

    def make(name, wrap):
        method = getattr(str, name, None)
        if method is None:
            return None
        def delegate(self, *args):
            result = method(self.data, *[_unwrap(a, UserString) for a in args])
            return type(self)(result) if wrap else result
        delegate.__name__ = name
        delegate.__qualname__ = f'UserString.{name}'
        return delegate

    for names, wrap in ((wrapping, True), (plain, False)):
        for name in names:
            method = make(name, wrap)
            if method is not None:
                setattr(UserString, name, method)


_user_string_methods()
del _user_string_methods
"""#
}
