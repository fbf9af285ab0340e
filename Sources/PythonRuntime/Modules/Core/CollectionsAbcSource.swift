/// `_collections_abc` (the ABCs with their mixin methods) and
/// `collections.abc`, which re-exports them.
enum CollectionsAbcImplSource {
  static let text = #"""
"""Abstract Base Classes for containers (PEP 3119)."""

from abc import ABCMeta, abstractmethod
import sys

__all__ = ["Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator", "AsyncGenerator",
           "Hashable", "Iterable", "Iterator", "Generator", "Reversible",
           "Sized", "Container", "Callable", "Collection",
           "Set", "MutableSet", "Mapping", "MutableMapping",
           "MappingView", "KeysView", "ItemsView", "ValuesView",
           "Sequence", "MutableSequence", "Buffer"]

# Classes defined below report this module name, as in CPython.
__name__ = "collections.abc"

GenericAlias = type(list[int])

def _gen():
    yield
generator = type(_gen())
del _gen
dict_keys = type({}.keys())
dict_values = type({}.values())
dict_items = type({}.items())
mappingproxy = type(type.__dict__)


def _has_methods(C, *methods):
    """True when every method is defined (and not None) somewhere in C's MRO,
    NotImplemented otherwise (the verdict __subclasshook__ returns)."""
    for name in methods:
        owner = next((B for B in C.__mro__ if name in B.__dict__), None)
        if owner is None or owner.__dict__[name] is None:
            return NotImplemented
    return True


def _structural(*methods):
    """A __subclasshook__ recognising classes that define `methods`; it only
    answers for the ABC that declares it, not for its subclasses."""
    def hook(cls, C):
        if cls is hook.owner:
            return _has_methods(C, *methods)
        return NotImplemented
    return hook


def _declare(cls, hook):
    hook.owner = cls
    cls.__subclasshook__ = classmethod(hook)
    return cls


def _raise_into(typ, val=None, tb=None):
    if val is None:
        if tb is None:
            raise typ
        val = typ()
    if tb is not None:
        val = val.with_traceback(tb)
    raise val


class Hashable(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __hash__(self):
        return 0

_declare(Hashable, _structural("__hash__"))


class Awaitable(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __await__(self):
        yield

    __class_getitem__ = classmethod(GenericAlias)

_declare(Awaitable, _structural("__await__"))


class Coroutine(Awaitable):
    __slots__ = ()

    @abstractmethod
    def send(self, value):
        raise StopIteration

    @abstractmethod
    def throw(self, typ, val=None, tb=None):
        _raise_into(typ, val, tb)

    def close(self):
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration):
            return
        raise RuntimeError("coroutine ignored GeneratorExit")

_declare(Coroutine, _structural('__await__', 'send', 'throw', 'close'))


class AsyncIterable(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __aiter__(self):
        return AsyncIterator()

    __class_getitem__ = classmethod(GenericAlias)

_declare(AsyncIterable, _structural("__aiter__"))


class AsyncIterator(AsyncIterable):
    __slots__ = ()

    @abstractmethod
    async def __anext__(self):
        raise StopAsyncIteration

    def __aiter__(self):
        return self

_declare(AsyncIterator, _structural("__anext__", "__aiter__"))


class AsyncGenerator(AsyncIterator):
    __slots__ = ()

    async def __anext__(self):
        return await self.asend(None)

    @abstractmethod
    async def asend(self, value):
        raise StopAsyncIteration

    @abstractmethod
    async def athrow(self, typ, val=None, tb=None):
        _raise_into(typ, val, tb)

    async def aclose(self):
        try:
            await self.athrow(GeneratorExit)
        except (GeneratorExit, StopAsyncIteration):
            return
        raise RuntimeError("asynchronous generator ignored GeneratorExit")

_declare(AsyncGenerator, _structural('__aiter__', '__anext__', 'asend', 'athrow', 'aclose'))


class Iterable(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __iter__(self):
        return iter(())

    __class_getitem__ = classmethod(GenericAlias)

_declare(Iterable, _structural("__iter__"))


class Iterator(Iterable):
    __slots__ = ()

    @abstractmethod
    def __next__(self):
        'Return the next item from the iterator. When exhausted, raise StopIteration'
        raise StopIteration

    def __iter__(self):
        return self

_declare(Iterator, _structural('__iter__', '__next__'))


class Reversible(Iterable):
    __slots__ = ()

    @abstractmethod
    def __reversed__(self):
        return iter(())

_declare(Reversible, _structural("__reversed__", "__iter__"))


class Generator(Iterator):
    __slots__ = ()

    def __next__(self):
        return self.send(None)

    @abstractmethod
    def send(self, value):
        raise StopIteration

    @abstractmethod
    def throw(self, typ, val=None, tb=None):
        _raise_into(typ, val, tb)

    def close(self):
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration):
            return
        raise RuntimeError("generator ignored GeneratorExit")

_declare(Generator, _structural('__iter__', '__next__', 'send', 'throw', 'close'))
Generator.register(generator)


class Sized(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __len__(self):
        return 0

_declare(Sized, _structural("__len__"))


class Container(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __contains__(self, x):
        return False

    __class_getitem__ = classmethod(GenericAlias)

_declare(Container, _structural("__contains__"))


class Collection(Sized, Iterable, Container):
    __slots__ = ()

_declare(Collection, _structural("__len__", "__iter__", "__contains__"))


class Buffer(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __buffer__(self, flags: int, /):
        raise NotImplementedError

_declare(Buffer, _structural("__buffer__"))
Buffer.register(bytes)
Buffer.register(bytearray)


def _type_repr(x):
    if x is Ellipsis:
        return '...'
    if isinstance(x, type) and not isinstance(x, GenericAlias):
        return x.__qualname__ if x.__module__ == 'builtins' else f'{x.__module__}.{x.__qualname__}'
    return repr(x)


class _CallableGenericAlias:
    """Callable[[arg, ...], result]."""

    def __init__(self, origin, args):
        if not (isinstance(args, tuple) and len(args) == 2):
            raise TypeError("Callable must be used as Callable[[arg, ...], result].")
        params, result = args
        self.__origin__ = origin
        self._params = params
        self.__args__ = (*params, result) if isinstance(params, (tuple, list)) else (params, result)

    def __repr__(self):
        origin = f'{self.__origin__.__module__}.{self.__origin__.__qualname__}'
        result = _type_repr(self.__args__[-1])
        if self._params is Ellipsis:
            return f'{origin}[..., {result}]'
        params = ', '.join(_type_repr(a) for a in self.__args__[:-1])
        return f'{origin}[[{params}], {result}]'

    def __eq__(self, other):
        if not isinstance(other, _CallableGenericAlias):
            return NotImplemented
        return (self.__origin__, self.__args__) == (other.__origin__, other.__args__)

    def __hash__(self):
        return hash((self.__origin__, self.__args__))


class Callable(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __call__(self, *args, **kwds):
        return False

    @classmethod
    def __class_getitem__(cls, item):
        return _CallableGenericAlias(cls, item)

_declare(Callable, _structural("__call__"))


# ----------------------------------------------------------------------- sets

def _set_op(build):
    def op(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return build(self, other)
    return op


def _as_set(self, other):
    return other if isinstance(other, Set) else self._from_iterable(other)


class Set(Collection):
    """A set is a finite, iterable container."""
    __slots__ = ()

    def __le__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) <= len(other) and all(e in other for e in self)

    def __lt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) < len(other) and self.__le__(other)

    def __ge__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) >= len(other) and all(e in self for e in other)

    def __gt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) > len(other) and self.__ge__(other)

    def __eq__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) == len(other) and self.__le__(other)

    @classmethod
    def _from_iterable(cls, it):
        return cls(it)

    __and__ = __rand__ = _set_op(lambda s, o: s._from_iterable(v for v in o if v in s))
    __or__ = __ror__ = _set_op(lambda s, o: s._from_iterable(v for part in (s, o) for v in part))
    __sub__ = _set_op(lambda s, o: (lambda other: s._from_iterable(v for v in s if v not in other))(_as_set(s, o)))
    __rsub__ = _set_op(lambda s, o: (lambda other: s._from_iterable(v for v in other if v not in s))(_as_set(s, o)))
    __xor__ = __rxor__ = _set_op(lambda s, o: (lambda other: (s - other) | (other - s))(_as_set(s, o)))

    def isdisjoint(self, other):
        'Return True if two sets have a null intersection.'
        return not any(v in self for v in other)

    def _hash(self):
        full = 2 * sys.maxsize + 1
        h = (1927868237 * (len(self) + 1)) & full
        for item in self:
            hx = hash(item)
            h = (h ^ ((hx ^ (hx << 16) ^ 89869747) * 3644798167)) & full
        h ^= (h >> 11) ^ (h >> 25)
        h = (h * 69069 + 907133923) & full
        if h > sys.maxsize:
            h -= full + 1
        return 590923713 if h == -1 else h

Set.register(frozenset)


class MutableSet(Set):
    """A mutable set is a finite, iterable container."""
    __slots__ = ()

    @abstractmethod
    def add(self, value):
        """Add an element."""
        raise NotImplementedError

    @abstractmethod
    def discard(self, value):
        """Remove an element.  Do not raise an exception if absent."""
        raise NotImplementedError

    def remove(self, value):
        """Remove an element. If not a member, raise a KeyError."""
        if value not in self:
            raise KeyError(value)
        self.discard(value)

    def pop(self):
        """Return the popped value.  Raise KeyError if empty."""
        for value in self:
            self.discard(value)
            return value
        raise KeyError

    def clear(self):
        """This is slow (creates N new iterators!) but effective."""
        while True:
            try:
                self.pop()
            except KeyError:
                return

    def __ior__(self, it):
        for value in it:
            self.add(value)
        return self

    def __iand__(self, it):
        for value in self - it:
            self.discard(value)
        return self

    def __ixor__(self, it):
        if it is self:
            self.clear()
            return self
        for value in _as_set(self, it):
            if value in self:
                self.discard(value)
            else:
                self.add(value)
        return self

    def __isub__(self, it):
        if it is self:
            self.clear()
            return self
        for value in it:
            self.discard(value)
        return self

MutableSet.register(set)


# ------------------------------------------------------------------- mappings

_absent = object()


class Mapping(Collection):
    """A Mapping is a generic container for associating key/value pairs."""
    __slots__ = ()
    # Lets `match` treat subclasses as mappings.
    _abc_mapping = True

    @abstractmethod
    def __getitem__(self, key):
        raise KeyError

    def get(self, key, default=None):
        'D.get(k[,d]) -> D[k] if k in D, else d.  d defaults to None.'
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key):
        try:
            self[key]
            return True
        except KeyError:
            return False

    def keys(self):
        "D.keys() -> a set-like object providing a view on D's keys"
        return KeysView(self)

    def items(self):
        "D.items() -> a set-like object providing a view on D's items"
        return ItemsView(self)

    def values(self):
        "D.values() -> an object providing a view on D's values"
        return ValuesView(self)

    def __eq__(self, other):
        if not isinstance(other, Mapping):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    __reversed__ = None

Mapping.register(mappingproxy)


class MappingView(Sized):
    __slots__ = ('_mapping',)

    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return f'{type(self).__name__}({self._mapping!r})'

    __class_getitem__ = classmethod(GenericAlias)


class KeysView(MappingView, Set):
    __slots__ = ()

    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        yield from self._mapping

KeysView.register(dict_keys)


class ItemsView(MappingView, Set):
    __slots__ = ()

    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, item):
        key, value = item
        found = _lookup(self._mapping, key)
        return found is not _absent and (found is value or found == value)

    def __iter__(self):
        m = self._mapping
        for key in m:
            yield (key, m[key])

ItemsView.register(dict_items)


def _lookup(mapping, key):
    try:
        return mapping[key]
    except KeyError:
        return _absent


class ValuesView(MappingView, Collection):
    __slots__ = ()

    def __contains__(self, value):
        return any(v is value or v == value for v in self)

    def __iter__(self):
        m = self._mapping
        for key in m:
            yield m[key]

ValuesView.register(dict_values)


class MutableMapping(Mapping):
    """A MutableMapping is a generic container for associating key/value pairs."""
    __slots__ = ()

    @abstractmethod
    def __setitem__(self, key, value):
        raise KeyError

    @abstractmethod
    def __delitem__(self, key):
        raise KeyError

    def pop(self, key, default=_absent):
        """D.pop(k[,d]) -> v, remove specified key and return the corresponding value.
          If key is not found, d is returned if given, otherwise KeyError is raised."""
        try:
            value = self[key]
        except KeyError:
            if default is _absent:
                raise
            return default
        del self[key]
        return value

    def popitem(self):
        """D.popitem() -> (k, v), remove and return some (key, value) pair
           as a 2-tuple; but raise KeyError if D is empty."""
        for key in self:
            value = self[key]
            del self[key]
            return key, value
        raise KeyError

    def clear(self):
        'D.clear() -> None.  Remove all items from D.'
        while True:
            try:
                self.popitem()
            except KeyError:
                return

    def update(self, other=(), /, **kwds):
        """D.update([E, ]**F) -> None.  Update D from mapping/iterable E and F."""
        if isinstance(other, Mapping) or hasattr(other, "keys"):
            for key in (other if isinstance(other, Mapping) else other.keys()):
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def setdefault(self, key, default=None):
        'D.setdefault(k[,d]) -> D.get(k,d), also set D[k]=d if k not in D'
        try:
            return self[key]
        except KeyError:
            self[key] = default
            return default

MutableMapping.register(dict)


# ------------------------------------------------------------------ sequences

class Sequence(Reversible, Collection):
    """All the operations on a read-only sequence.

    Concrete subclasses must override __new__ or __init__,
    __getitem__, and __len__."""
    __slots__ = ()
    # Lets `match` treat subclasses as sequences.
    _abc_sequence = True

    @abstractmethod
    def __getitem__(self, index):
        raise IndexError

    def __iter__(self):
        i = 0
        while True:
            try:
                item = self[i]
            except IndexError:
                return
            yield item
            i += 1

    def __contains__(self, value):
        return any(v is value or v == value for v in self)

    def __reversed__(self):
        for i in range(len(self) - 1, -1, -1):
            yield self[i]

    def index(self, value, start=0, stop=None):
        """S.index(value, [start, [stop]]) -> integer -- return first index of value.
           Raises ValueError if the value is not present."""
        if start is not None and start < 0:
            start = max(len(self) + start, 0)
        if stop is not None and stop < 0:
            stop += len(self)
        i = start
        while stop is None or i < stop:
            try:
                v = self[i]
            except IndexError:
                break
            if v is value or v == value:
                return i
            i += 1
        raise ValueError

    def count(self, value):
        'S.count(value) -> integer -- return number of occurrences of value'
        return sum(1 for v in self if v is value or v == value)

for _t in (tuple, str, bytes, range, memoryview):
    Sequence.register(_t)
del _t


class MutableSequence(Sequence):
    """All the operations on a read-write sequence."""
    __slots__ = ()

    @abstractmethod
    def __setitem__(self, index, value):
        raise IndexError

    @abstractmethod
    def __delitem__(self, index):
        raise IndexError

    @abstractmethod
    def insert(self, index, value):
        'S.insert(index, value) -- insert value before index'
        raise IndexError

    def append(self, value):
        'S.append(value) -- append value to the end of the sequence'
        self.insert(len(self), value)

    def clear(self):
        'S.clear() -> None -- remove all items from S'
        while True:
            try:
                self.pop()
            except IndexError:
                return

    def reverse(self):
        'S.reverse() -- reverse *IN PLACE*'
        n = len(self)
        for i in range(n // 2):
            j = n - 1 - i
            self[i], self[j] = self[j], self[i]

    def extend(self, values):
        'S.extend(iterable) -- extend sequence by appending elements from the iterable'
        for v in (list(values) if values is self else values):
            self.append(v)

    def pop(self, index=-1):
        """S.pop([index]) -> item -- remove and return item at index (default last).
           Raise IndexError if list is empty or index is out of range."""
        item = self[index]
        del self[index]
        return item

    def remove(self, value):
        """S.remove(value) -- remove first occurrence of value.
           Raise ValueError if the value is not present."""
        del self[self.index(value)]

    def __iadd__(self, values):
        self.extend(values)
        return self

MutableSequence.register(list)
MutableSequence.register(bytearray)

__name__ = "_collections_abc"
"""#
}

enum CollectionsAbcSource {
  static let text = #"""
from _collections_abc import *
from _collections_abc import __all__, _CallableGenericAlias
"""#
}
