/// `typing`: the names annotations use, with working subscription,
/// `Generic`/`TypeVar`, `Protocol` (`runtime_checkable`), class-syntax
/// `NamedTuple` and `TypedDict`, and the introspection helpers.
/// As in CPython 3.14, `Union[...]`/`Optional[...]` build `X | Y` unions.
enum TypingSource {
  static let text = #"""
"""Support for type hints (PEP 484 and successors)."""

import collections
import collections.abc
import functools
import operator
import sys
import types
import _coreutil
import contextlib as _contextlib
from abc import ABCMeta, abstractmethod

_GenericAliasType = types.GenericAlias
_UnionType = types.UnionType


def _type_repr(obj):
    if isinstance(obj, type) and not isinstance(obj, _GenericAliasType):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if isinstance(obj, types.FunctionType):
        return obj.__name__
    if isinstance(obj, tuple):
        return '[' + ', '.join(_type_repr(t) for t in obj) + ']'
    return repr(obj)


def _as_tuple(params):
    return params if isinstance(params, tuple) else (params,)


class ForwardRef:
    """Internal wrapper to hold a forward reference."""

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError(f"Forward reference must be a string -- got {arg!r}")
        self.__forward_arg__ = arg
        self.__forward_module__ = module

    def evaluate(self, *, globals=None, locals=None, type_params=None, owner=None, format=None):
        return eval(self.__forward_arg__, globals or {}, locals)

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __repr__(self):
        return f'ForwardRef({self.__forward_arg__!r})'


def _convert(arg):
    if arg is None:
        return type(None)
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


def _check_type(arg, msg):
    arg = _convert(arg)
    if isinstance(arg, _SpecialForm) and arg in (Any, NoReturn, Never, Self, LiteralString, ClassVar, Final, TypeAlias):
        if arg in (ClassVar, Final):
            raise TypeError(f"Plain {arg} is not valid as type argument")
        return arg
    if type(arg) is tuple:
        raise TypeError(f"{msg} Got {arg!r:.100}.")
    return arg


def _collect_parameters(args):
    params = []
    for t in args:
        if isinstance(t, (TypeVar, ParamSpec, TypeVarTuple)):
            if t not in params:
                params.append(t)
        elif isinstance(t, (list, tuple)):
            for p in _collect_parameters(t):
                if p not in params:
                    params.append(p)
        else:
            for p in getattr(t, '__parameters__', ()):
                if isinstance(p, (TypeVar, ParamSpec, TypeVarTuple)) and p not in params:
                    params.append(p)
    return tuple(params)


def _substitute(arg, mapping):
    if isinstance(arg, (TypeVar, ParamSpec)):
        return mapping.get(arg, arg)
    if isinstance(arg, list):
        return [_substitute(a, mapping) for a in arg]
    if isinstance(arg, tuple):
        return tuple(_substitute(a, mapping) for a in arg)
    sub = getattr(arg, '__parameters__', None)
    if sub and hasattr(arg, '__getitem__') and not isinstance(arg, type):
        return arg[tuple(mapping.get(p, p) for p in sub)]
    return arg


# --------------------------------------------------------------- special forms

class _SpecialForm:
    """A name with special meaning to type checkers (Any, ClassVar, ...)."""

    def __init__(self, name, doc='', getitem=None):
        self._name = name
        self.__doc__ = doc
        self._getitem = getitem

    @property
    def __name__(self):
        return self._name

    def __repr__(self):
        return 'typing.' + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError(f"Cannot instantiate {self!r}")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError(f"{self} cannot be used with isinstance()")

    def __subclasscheck__(self, cls):
        raise TypeError(f"{self} cannot be used with issubclass()")

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass {self!r}")

    def __getitem__(self, parameters):
        if self._getitem is None:
            raise TypeError(f"{self} is not subscriptable")
        return self._getitem(self, parameters)


class _AnyMeta(type):
    def __instancecheck__(self, obj):
        if self is Any:
            raise TypeError("typing.Any cannot be used with isinstance()")
        return super().__instancecheck__(obj)

    def __repr__(self):
        if self is Any:
            return "typing.Any"
        return super().__repr__()


class Any(metaclass=_AnyMeta):
    """Special type indicating an unconstrained type."""

    def __new__(cls, *args, **kwargs):
        if cls is Any:
            raise TypeError("Any cannot be instantiated")
        return super().__new__(cls)


def _single_arg_form(kind):
    def getitem(self, parameters):
        item = _check_type(parameters, f'{self} accepts only single type.')
        return _GenericAlias(self, (item,), special_form=True)
    return getitem


NoReturn = _SpecialForm('NoReturn', 'Special type indicating functions that never return.')
Never = _SpecialForm('Never', 'The bottom type, a type that has no members.')
Self = _SpecialForm('Self', 'Used to spell the type of "self" in classes.')
LiteralString = _SpecialForm('LiteralString', 'Represents an arbitrary literal string.')
TypeAlias = _SpecialForm('TypeAlias', 'Special form for marking type aliases.')
ClassVar = _SpecialForm('ClassVar', 'Special type construct to mark class variables.', _single_arg_form('ClassVar'))
Final = _SpecialForm('Final', 'Special typing construct to indicate final names to type checkers.', _single_arg_form('Final'))
Required = _SpecialForm('Required', 'A special typing construct to mark a key of a total=False TypedDict as required.', _single_arg_form('Required'))
NotRequired = _SpecialForm('NotRequired', 'A special typing construct to mark a key of a TypedDict as potentially missing.', _single_arg_form('NotRequired'))
ReadOnly = _SpecialForm('ReadOnly', 'A special typing construct to mark an item of a TypedDict as read-only.', _single_arg_form('ReadOnly'))
TypeGuard = _SpecialForm('TypeGuard', 'Special typing construct for marking user-defined type predicate functions.', _single_arg_form('TypeGuard'))
TypeIs = _SpecialForm('TypeIs', 'Special typing construct for marking user-defined type predicate functions.', _single_arg_form('TypeIs'))


def _union_getitem(self, parameters):
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    params = []
    for p in _as_tuple(parameters):
        p = _check_type(p, "Union[arg, ...]: each arg must be a type.")
        members = p.__args__ if isinstance(p, _UnionType) else (p,)
        for m in members:
            if m not in params:
                params.append(m)
    if len(params) == 1:
        return params[0]
    return _coreutil.union(*params)


def _optional_getitem(self, parameters):
    arg = _check_type(parameters, f"{self} requires a single type.")
    return Union[arg, type(None)]


Union = _SpecialForm('Union', 'Union type; Union[X, Y] means either X or Y.', _union_getitem)
Optional = _SpecialForm('Optional', 'Optional[X] is equivalent to Union[X, None].', _optional_getitem)


def _literal_getitem(self, parameters):
    values = []
    for v in _as_tuple(parameters):
        if isinstance(v, _GenericAlias) and v.__origin__ is Literal:
            candidates = v.__args__
        else:
            candidates = (v,)
        for c in candidates:
            if not any(c == seen and type(c) is type(seen) for seen in values):
                values.append(c)
    return _LiteralAlias(self, tuple(values))


Literal = _SpecialForm('Literal', 'Special typing form to define literal types (a.k.a. value types).', _literal_getitem)


def _concatenate_getitem(self, parameters):
    parameters = _as_tuple(parameters)
    if not parameters:
        raise TypeError("Cannot take a Concatenate of no types.")
    return _GenericAlias(self, parameters, special_form=True)


Concatenate = _SpecialForm('Concatenate', 'Special form for annotating higher-order functions.', _concatenate_getitem)


def _unpack_getitem(self, parameters):
    item = _check_type(parameters, f'{self} accepts only single type.')
    return _UnpackAlias(self, (item,), special_form=True)


Unpack = _SpecialForm('Unpack', 'Type unpack operator.', _unpack_getitem)


# ------------------------------------------------------------ generic aliases

class _BaseGenericAlias:
    def __init__(self, origin, *, inst=True, name=None):
        self._inst = inst
        self._name = name
        self.__origin__ = origin

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(f"Type {self._name} cannot be instantiated; "
                            f"use {self.__origin__.__name__}() instead")
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __mro_entries__(self, bases):
        entries = []
        if self.__origin__ not in bases:
            entries.append(self.__origin__)
        later = bases[bases.index(self) + 1:]
        if not any(isinstance(b, _BaseGenericAlias) or (isinstance(b, type) and issubclass(b, Generic)) for b in later):
            entries.append(Generic)
        return tuple(entries)

    def __getattr__(self, attr):
        if attr in ('__origin__', '__args__', '_name', '_inst'):
            raise AttributeError(attr)
        if not (attr.startswith('__') and attr.endswith('__')):
            return getattr(self.__origin__, attr)
        raise AttributeError(attr)

    def __instancecheck__(self, obj):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __subclasscheck__(self, cls):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _GenericAlias(_BaseGenericAlias):
    """A parameterised generic: List[int], Generic[T], ClassVar[int], ..."""

    def __init__(self, origin, args, *, inst=True, name=None, special_form=False):
        super().__init__(origin, inst=inst, name=name)
        self.__args__ = tuple(... if a is _TypingEllipsis else a for a in _as_tuple(args))
        self.__parameters__ = _collect_parameters(self.__args__)
        self._special_form = special_form
        if not name and not special_form:
            self.__module__ = getattr(origin, '__module__', 'typing')

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __getitem__(self, args):
        if self.__origin__ in (Generic, Protocol):
            raise TypeError(f"Cannot subscript already-subscripted {self}")
        if not self.__parameters__:
            raise TypeError(f"{self} is not a generic class")
        args = _as_tuple(args)
        params = self.__parameters__
        if len(args) != len(params):
            raise TypeError(f"Too {'many' if len(args) > len(params) else 'few'} arguments for {self}; "
                            f"actual {len(args)}, expected {len(params)}")
        mapping = dict(zip(params, (_convert(a) for a in args)))
        new_args = tuple(_substitute(a, mapping) for a in self.__args__)
        return self.copy_with(new_args)

    def copy_with(self, args):
        return type(self)(self.__origin__, args, name=self._name, inst=self._inst, special_form=self._special_form)

    def _origin_repr(self):
        if self._name:
            return 'typing.' + self._name
        return _type_repr(self.__origin__)

    def __repr__(self):
        if not self.__args__:
            return f'{self._origin_repr()}[()]'
        return f'{self._origin_repr()}[{", ".join(_type_repr(a) for a in self.__args__)}]'

    def __mro_entries__(self, bases):
        if self._name:
            return super().__mro_entries__(bases)
        if self.__origin__ is Generic:
            if Protocol in bases:
                return ()
            for b in bases[bases.index(self) + 1:]:
                if isinstance(b, _BaseGenericAlias) and b is not self:
                    return ()
        return (self.__origin__,)

    def __reduce__(self):
        origin = self.__origin__ if not self._name else globals()[self._name]
        return operator.getitem, (origin, self.__args__ if len(self.__args__) != 1 else self.__args__[0])


class _TypingEllipsis:
    """Internal placeholder for ... (ellipsis)."""


class _LiteralAlias(_GenericAlias):
    def __eq__(self, other):
        if not isinstance(other, _LiteralAlias):
            return NotImplemented
        return set((a, type(a)) for a in self.__args__) == set((a, type(a)) for a in other.__args__)

    def __hash__(self):
        return hash(frozenset((a, type(a)) for a in self.__args__))

    def __repr__(self):
        return f'typing.Literal[{", ".join(repr(a) for a in self.__args__)}]'


class _UnpackAlias(_GenericAlias):
    def __repr__(self):
        arg = self.__args__[0]
        if isinstance(arg, TypeVarTuple):
            return f'*{arg!r}'
        return f'typing.Unpack[{_type_repr(arg)}]'


class _AnnotatedAlias(_GenericAlias):
    def __init__(self, origin, metadata):
        if isinstance(origin, _AnnotatedAlias):
            metadata = origin.__metadata__ + metadata
            origin = origin.__origin__
        super().__init__(origin, origin, name='Annotated')
        self.__metadata__ = metadata

    def copy_with(self, params):
        return _AnnotatedAlias(params[0], self.__metadata__)

    def __repr__(self):
        return f'typing.Annotated[{_type_repr(self.__origin__)}, {", ".join(repr(m) for m in self.__metadata__)}]'

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__metadata__ == other.__metadata__

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))

    def __getattr__(self, attr):
        if attr in {'__name__', '__qualname__'}:
            return 'Annotated'
        return super().__getattr__(attr)

    def __mro_entries__(self, bases):
        return (self.__origin__,)


class _AnnotatedForm:
    def __repr__(self):
        return 'typing.Annotated'

    def __call__(self, *args, **kwargs):
        raise TypeError("Cannot instantiate typing.Annotated")

    def __getitem__(self, params):
        params = _as_tuple(params)
        if len(params) < 2:
            raise TypeError("Annotated[...] should be used with at least two arguments "
                            "(a type and an annotation).")
        origin = _check_type(params[0], "Annotated[t, ...]: t must be a type.")
        return _AnnotatedAlias(origin, tuple(params[1:]))


Annotated = _AnnotatedForm()


class _SpecialGenericAlias(_BaseGenericAlias):
    """An unsubscripted alias of a builtin or ABC: typing.List, typing.Iterable."""

    def __init__(self, origin, nparams, *, inst=True, name=None, defaults=()):
        if name is None:
            name = origin.__name__
        super().__init__(origin, inst=inst, name=name)
        self._nparams = nparams
        self._defaults = defaults
        self.__module__ = 'typing'

    def __getitem__(self, params):
        params = tuple(_convert(p) for p in _as_tuple(params))
        expected = self._nparams
        if len(params) < expected and len(params) + len(self._defaults) >= expected:
            params = params + self._defaults[len(params) + len(self._defaults) - expected:]
        if len(params) != expected:
            raise TypeError(f"Too {'many' if len(params) > expected else 'few'} arguments for {self}; "
                            f"actual {len(params)}, expected {expected}")
        return _GenericAlias(self.__origin__, params, name=self._name, inst=self._inst)

    def __repr__(self):
        return 'typing.' + self._name

    def __subclasscheck__(self, cls):
        if isinstance(cls, _SpecialGenericAlias):
            return issubclass(cls.__origin__, self.__origin__)
        if not isinstance(cls, _GenericAlias):
            return issubclass(cls, self.__origin__)
        return super().__subclasscheck__(cls)

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __reduce__(self):
        return self._name

    def __eq__(self, other):
        if not isinstance(other, _SpecialGenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self._name == other._name

    def __hash__(self):
        return hash((self.__origin__, self._name))


class _CallableType(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as Callable[[arg, ...], result].")
        args, result = params
        if args is ...:
            flat = (_TypingEllipsis, _convert(result))
        elif isinstance(args, (list, tuple)):
            flat = (*(_convert(a) for a in args), _convert(result))
        elif isinstance(args, (ParamSpec, _GenericAlias)):
            flat = (args, _convert(result))
        else:
            raise TypeError(f"Callable[args, result]: args must be a list. Got {args!r:.100}.")
        return _CallableGenericAlias(self.__origin__, flat, name=self._name, inst=self._inst)


class _CallableGenericAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and (args[0] is Ellipsis or isinstance(args[0], ParamSpec)):
            return f'typing.Callable[{_type_repr(args[0])}, {_type_repr(args[1])}]'
        return f'typing.Callable[[{", ".join(_type_repr(a) for a in args[:-1])}], {_type_repr(args[-1])}]'

    def copy_with(self, args):
        return _CallableGenericAlias(self.__origin__, args, name=self._name, inst=self._inst)


class _TupleType(_SpecialGenericAlias):
    def __getitem__(self, params):
        if params == ():
            return _GenericAlias(tuple, (), name='Tuple', inst=False)
        params = _as_tuple(params)
        if len(params) >= 2 and params[-1] is ...:
            return _GenericAlias(tuple, (*(_convert(p) for p in params[:-1]), _TypingEllipsis), name='Tuple', inst=False)
        return _GenericAlias(tuple, tuple(_convert(p) for p in params), name='Tuple', inst=False)


_abc = collections.abc

Hashable = _SpecialGenericAlias(_abc.Hashable, 0)
Awaitable = _SpecialGenericAlias(_abc.Awaitable, 1)
Coroutine = _SpecialGenericAlias(_abc.Coroutine, 3)
AsyncIterable = _SpecialGenericAlias(_abc.AsyncIterable, 1)
AsyncIterator = _SpecialGenericAlias(_abc.AsyncIterator, 1)
Iterable = _SpecialGenericAlias(_abc.Iterable, 1)
Iterator = _SpecialGenericAlias(_abc.Iterator, 1)
Reversible = _SpecialGenericAlias(_abc.Reversible, 1)
Sized = _SpecialGenericAlias(_abc.Sized, 0)
Container = _SpecialGenericAlias(_abc.Container, 1)
Collection = _SpecialGenericAlias(_abc.Collection, 1)
Callable = _CallableType(_abc.Callable, 2)
AbstractSet = _SpecialGenericAlias(_abc.Set, 1, name='AbstractSet')
MutableSet = _SpecialGenericAlias(_abc.MutableSet, 1)
Mapping = _SpecialGenericAlias(_abc.Mapping, 2)
MutableMapping = _SpecialGenericAlias(_abc.MutableMapping, 2)
Sequence = _SpecialGenericAlias(_abc.Sequence, 1)
MutableSequence = _SpecialGenericAlias(_abc.MutableSequence, 1)
Tuple = _TupleType(tuple, -1, inst=False, name='Tuple')
List = _SpecialGenericAlias(list, 1, inst=False, name='List')
Deque = _SpecialGenericAlias(collections.deque, 1, name='Deque')
Set = _SpecialGenericAlias(set, 1, inst=False, name='Set')
FrozenSet = _SpecialGenericAlias(frozenset, 1, inst=False, name='FrozenSet')
MappingView = _SpecialGenericAlias(_abc.MappingView, 1)
KeysView = _SpecialGenericAlias(_abc.KeysView, 1)
ItemsView = _SpecialGenericAlias(_abc.ItemsView, 2)
ValuesView = _SpecialGenericAlias(_abc.ValuesView, 1)
Dict = _SpecialGenericAlias(dict, 2, inst=False, name='Dict')
DefaultDict = _SpecialGenericAlias(collections.defaultdict, 2, name='DefaultDict')
OrderedDict = _SpecialGenericAlias(collections.OrderedDict, 2)
Counter = _SpecialGenericAlias(collections.Counter, 1)
ChainMap = _SpecialGenericAlias(collections.ChainMap, 2)
Generator = _SpecialGenericAlias(_abc.Generator, 3, defaults=(type(None), type(None)))
AsyncGenerator = _SpecialGenericAlias(_abc.AsyncGenerator, 2, defaults=(type(None),))
Type = _SpecialGenericAlias(type, 1, inst=False, name='Type')
Text = str


# --------------------------------------------------------- type variables

class _NoDefaultType:
    def __repr__(self):
        return 'typing.NoDefault'

NoDefault = _NoDefaultType()


def _caller_module(depth=2):
    try:
        return sys._getframe(depth).f_globals.get('__name__', '__main__')
    except (AttributeError, ValueError):
        return None


class TypeVar:
    """Type variable."""

    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False, infer_variance=False, default=NoDefault):
        if covariant and contravariant:
            raise ValueError("Bivariant type variables are not supported.")
        if infer_variance and (covariant or contravariant):
            raise ValueError("Variance cannot be specified with infer_variance.")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        self.__name__ = name
        self.__constraints__ = tuple(_convert(c) for c in constraints)
        self.__bound__ = _convert(bound) if bound is not None else None
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__infer_variance__ = bool(infer_variance)
        self.__default__ = default
        module = _caller_module()
        if module != 'typing':
            self.__module__ = module

    def has_default(self):
        return self.__default__ is not NoDefault

    def __repr__(self):
        if self.__infer_variance__:
            prefix = ''
        elif self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __reduce__(self):
        return self.__name__

    def __mro_entries__(self, bases):
        raise TypeError("Cannot subclass an instance of TypeVar")

    def __typing_subst__(self, arg):
        return _convert(arg)


class ParamSpecArgs:
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f"{self.__origin__.__name__}.args"


class ParamSpecKwargs:
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f"{self.__origin__.__name__}.kwargs"


class ParamSpec:
    """Parameter specification variable."""

    def __init__(self, name, *, bound=None, covariant=False, contravariant=False,
                 infer_variance=False, default=NoDefault):
        self.__name__ = name
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant
        self.__infer_variance__ = infer_variance
        self.__default__ = default
        module = _caller_module()
        if module != 'typing':
            self.__module__ = module

    @property
    def args(self):
        return ParamSpecArgs(self)

    @property
    def kwargs(self):
        return ParamSpecKwargs(self)

    def has_default(self):
        return self.__default__ is not NoDefault

    def __repr__(self):
        if self.__covariant__:
            return '+' + self.__name__
        if self.__contravariant__:
            return '-' + self.__name__
        return '~' + self.__name__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class TypeVarTuple:
    """Type variable tuple."""

    def __init__(self, name, *, default=NoDefault):
        self.__name__ = name
        self.__default__ = default
        module = _caller_module()
        if module != 'typing':
            self.__module__ = module

    def has_default(self):
        return self.__default__ is not NoDefault

    def __iter__(self):
        yield Unpack[self]

    def __repr__(self):
        return self.__name__


AnyStr = TypeVar('AnyStr', bytes, str)
AnyStr.__module__ = 'typing'


# ------------------------------------------------------------------- Generic

def _generic_class_getitem(cls, params):
    params = tuple(_convert(p) for p in _as_tuple(params))
    if cls in (Generic, Protocol):
        if not params:
            raise TypeError(f"Parameter list to {cls.__qualname__}[...] cannot be empty")
        if not all(isinstance(p, (TypeVar, ParamSpec, TypeVarTuple)) or
                   (isinstance(p, _UnpackAlias) and isinstance(p.__args__[0], TypeVarTuple)) for p in params):
            raise TypeError(f"Parameters to {cls.__name__}[...] must all be type variables "
                            f"or parameter specification variables.")
        if len(set(params)) != len(params):
            raise TypeError(f"Parameters to {cls.__name__}[...] must all be unique")
        return _GenericAlias(cls, tuple(p.__args__[0] if isinstance(p, _UnpackAlias) else p for p in params))
    expected = getattr(cls, '__parameters__', ())
    if not expected:
        raise TypeError(f"{cls} is not a generic class")
    if len(params) != len(expected) and not any(isinstance(p, TypeVarTuple) for p in expected):
        raise TypeError(f"Too {'many' if len(params) > len(expected) else 'few'} arguments for {cls}; "
                        f"actual {len(params)}, expected {len(expected)}")
    return _GenericAlias(cls, params)


class Generic:
    """Abstract base class for generic types."""
    __slots__ = ()
    _is_protocol = False

    def __class_getitem__(cls, params):
        return _generic_class_getitem(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        orig = cls.__dict__.get('__orig_bases__')
        if orig is None:
            if Generic in cls.__bases__ and cls.__name__ != 'Protocol' and type(cls) is not _TypedDictMeta:
                raise TypeError("Cannot inherit from plain Generic")
            tvars = ()
        else:
            if Generic in orig:
                raise TypeError("Cannot inherit from plain Generic")
            tvars = _collect_parameters(orig)
            declared = None
            for base in orig:
                if isinstance(base, _GenericAlias) and base.__origin__ in (Generic, Protocol):
                    if declared is not None and base.__origin__ is Generic:
                        raise TypeError("Cannot inherit from Generic[...] multiple times.")
                    declared = base.__parameters__
            if declared is not None:
                missing = [t for t in tvars if t not in declared]
                if missing:
                    s_vars = ', '.join(str(t) for t in missing)
                    s_args = ', '.join(str(g) for g in declared)
                    origin = 'Generic'
                    raise TypeError(f"Some type variables ({s_vars}) are not listed in {origin}[{s_args}]")
                tvars = declared
        cls.__parameters__ = tuple(tvars)


# ------------------------------------------------------------------ Protocol

_PROTO_IGNORED = frozenset({
    '__abstractmethods__', '__annotations__', '__annotate__', '__dict__', '__doc__',
    '__init__', '__module__', '__new__', '__slots__', '__subclasshook__', '__weakref__',
    '__class_getitem__', '__match_args__', '__static_attributes__', '__firstlineno__',
    '__qualname__', '__parameters__', '__orig_bases__', '__protocol_attrs__',
    '__non_callable_proto_members__', '__type_params__', '_is_protocol',
    '_is_runtime_protocol', '__init_subclass__', '__classcell__', '_abc_impl',
    '__orig_class__', '__hash__', '__eq__', '__ne__',
})


def _protocol_attrs(cls):
    attrs = []
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        names = list(base.__dict__) + list(base.__dict__.get('__annotations__', {}))
        for name in names:
            if name not in _PROTO_IGNORED and not name.startswith('_abc_') and name not in attrs:
                attrs.append(name)
    return attrs


class _ProtocolMeta(ABCMeta):
    def __new__(mcls, name, bases, namespace, /, **kwargs):
        if name == "Protocol" and bases == (Generic,):
            pass
        elif Protocol in bases:
            for base in bases:
                if not (base in (object, Generic) or base.__name__ in ('Protocol',) or
                        getattr(base, '_is_protocol', False) or
                        base.__module__ == 'collections.abc'):
                    raise TypeError(f"Protocols can only inherit from other protocols, got {base!r}")
        return super().__new__(mcls, name, bases, namespace, **kwargs)

    def __init__(cls, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if getattr(cls, "_is_protocol", False):
            cls.__protocol_attrs__ = _protocol_attrs(cls)

    def __instancecheck__(cls, instance):
        if cls is Protocol:
            return type.__instancecheck__(cls, instance)
        if not getattr(cls, "_is_protocol", False):
            return super().__instancecheck__(instance)
        if not getattr(cls, '_is_runtime_protocol', False):
            raise TypeError("Instance and class checks can only be used with "
                            "@runtime_checkable protocols")
        if super().__instancecheck__(instance):
            return True
        for attr in cls.__protocol_attrs__:
            try:
                value = getattr(instance, attr)
            except AttributeError:
                return False
            if value is None and attr not in cls.__non_callable_proto_members__:
                return False
        return True

    def __subclasscheck__(cls, other):
        if cls is Protocol:
            return type.__subclasscheck__(cls, other)
        if getattr(cls, '_is_protocol', False) and not getattr(cls, '_is_runtime_protocol', False):
            raise TypeError("Instance and class checks can only be used with "
                            "@runtime_checkable protocols")
        if (getattr(cls, '_is_protocol', False) and
                getattr(cls, '__non_callable_proto_members__', None) and
                cls.__dict__.get("__subclasshook__") is _proto_hook):
            names = sorted(cls.__non_callable_proto_members__)
            raise TypeError(f"Protocols with non-method members don't support issubclass()."
                            f" Non-method members: {str(names)[1:-1]}.")
        return super().__subclasscheck__(other)


def _proto_hook(cls, other):
    if not cls.__dict__.get('_is_protocol', False):
        return NotImplemented
    for attr in cls.__protocol_attrs__:
        for base in other.__mro__:
            if attr in base.__dict__:
                if base.__dict__[attr] is None:
                    return NotImplemented
                break
            annotations = base.__dict__.get('__annotations__', {})
            if isinstance(annotations, dict) and attr in annotations and issubclass(other, Generic) and getattr(other, '_is_protocol', False):
                break
        else:
            return NotImplemented
    return True


def _no_init(self, *args, **kwargs):
    if type(self)._is_protocol:
        raise TypeError('Protocols cannot be instantiated')


class Protocol(Generic, metaclass=_ProtocolMeta):
    """Base class for protocol classes."""
    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)
        if '__subclasshook__' not in cls.__dict__:
            cls.__subclasshook__ = classmethod(_proto_hook)
        if cls._is_protocol and cls.__init__ is Protocol.__init__:
            cls.__init__ = _no_init


def runtime_checkable(cls):
    """Mark a protocol class as a runtime protocol."""
    if not (isinstance(cls, type) and issubclass(cls, Generic)) or not getattr(cls, '_is_protocol', False):
        raise TypeError('@runtime_checkable can be only applied to protocol classes,'
                        f' got {cls!r}')
    cls._is_runtime_protocol = True
    non_callable = set()
    for attr in cls.__protocol_attrs__:
        try:
            is_callable = callable(getattr(cls, attr, None))
        except Exception:
            is_callable = False
        if not is_callable:
            non_callable.add(attr)
    cls.__non_callable_proto_members__ = frozenset(non_callable)
    return cls


@runtime_checkable
class SupportsInt(Protocol):
    """An ABC with one abstract method __int__."""
    __slots__ = ()

    @abstractmethod
    def __int__(self) -> int:
        pass


@runtime_checkable
class SupportsFloat(Protocol):
    """An ABC with one abstract method __float__."""
    __slots__ = ()

    @abstractmethod
    def __float__(self) -> float:
        pass


@runtime_checkable
class SupportsComplex(Protocol):
    """An ABC with one abstract method __complex__."""
    __slots__ = ()

    @abstractmethod
    def __complex__(self) -> complex:
        pass


@runtime_checkable
class SupportsBytes(Protocol):
    """An ABC with one abstract method __bytes__."""
    __slots__ = ()

    @abstractmethod
    def __bytes__(self) -> bytes:
        pass


@runtime_checkable
class SupportsIndex(Protocol):
    """An ABC with one abstract method __index__."""
    __slots__ = ()

    @abstractmethod
    def __index__(self) -> int:
        pass


@runtime_checkable
class SupportsAbs(Protocol):
    """An ABC with one abstract method __abs__ that is covariant in its return type."""
    __slots__ = ()

    @abstractmethod
    def __abs__(self):
        pass


@runtime_checkable
class SupportsRound(Protocol):
    """An ABC with one abstract method __round__ that is covariant in its return type."""
    __slots__ = ()

    @abstractmethod
    def __round__(self, ndigits: int = 0):
        pass


# ---------------------------------------------------------------- NamedTuple

_NT_PROHIBITED = frozenset({'__new__', '__init__', '__slots__', '__getnewargs__',
                            '_fields', '_field_defaults', '_make', '_replace', '_asdict', '_source'})
_NT_SPECIAL = frozenset({'__module__', '__name__', '__annotations__', '__annotate__',
                         '__qualname__', '__doc__', '__firstlineno__', '__static_attributes__'})


def _make_nmtuple(name, fields, module, defaults=()):
    fields = list(fields)
    nm_tpl = collections.namedtuple(name, [n for n, t in fields], defaults=defaults, module=module)
    nm_tpl.__annotations__ = {n: _check_type(t, "field annotation must be a type") for n, t in fields}
    return nm_tpl


class NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        for base in bases:
            if base is not _NamedTuple and base is not Generic:
                raise TypeError('can only inherit from a NamedTuple type and Generic')
        annotations = ns.get('__annotations__', {})
        defaulted = []
        for name in annotations:
            if name in ns:
                defaulted.append(name)
            elif defaulted:
                raise TypeError(f"Non-default namedtuple field {name} cannot follow default "
                                f"field{'s' if len(defaulted) > 1 else ''} {', '.join(defaulted)}")
        nm_tpl = _make_nmtuple(typename, annotations.items(),
                               defaults=[ns[n] for n in defaulted], module=ns['__module__'])
        for key, value in ns.items():
            if key in _NT_PROHIBITED:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            if key not in _NT_SPECIAL and key not in nm_tpl._fields:
                setattr(nm_tpl, key, value)
                set_name = getattr(type(value), '__set_name__', None)
                if set_name is not None:
                    set_name(value, nm_tpl, key)
        if ns.get('__doc__') is not None:
            nm_tpl.__doc__ = ns['__doc__']
        if Generic in bases:
            nm_tpl.__init_subclass__()
        return nm_tpl


def NamedTuple(typename, fields=None, /, **kwargs):
    """Typed version of namedtuple."""
    if fields is None:
        fields = kwargs.items()
    elif kwargs:
        raise TypeError("Either list of fields or keywords can be provided to NamedTuple, not both")
    nt = _make_nmtuple(typename, fields, module=_caller_module())
    nt.__orig_bases__ = (NamedTuple,)
    return nt


_NamedTuple = type.__new__(NamedTupleMeta, 'NamedTuple', (), {'__module__': 'typing'})
NamedTuple.__mro_entries__ = lambda bases: (_NamedTuple,)


# ----------------------------------------------------------------- TypedDict

def _strip_qualifiers(t):
    qualifiers = set()
    while isinstance(t, _GenericAlias) and t.__origin__ in (Required, NotRequired, ReadOnly, ClassVar, Final):
        qualifiers.add(t.__origin__)
        t = t.__args__[0]
    return t, qualifiers


class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
        for base in bases:
            if type(base) is not _TypedDictMeta and base is not Generic:
                raise TypeError('cannot inherit from both a TypedDict type '
                                'and a non-TypedDict base class')
        generic = (Generic,) if any(b is Generic for b in bases) else ()
        tp_dict = type.__new__(_TypedDictMeta, name, (*generic, dict), ns)
        own = ns.get('__annotations__', {})
        annotations = {}
        required, optional, readonly, mutable = set(), set(), set(), set()
        for base in bases:
            if base is Generic:
                continue
            own_dict = base.__dict__
            annotations.update(own_dict.get('__annotations__', {}))
            required |= own_dict.get('__required_keys__', set())
            optional |= own_dict.get('__optional_keys__', set())
            readonly |= own_dict.get('__readonly_keys__', set())
            mutable |= own_dict.get('__mutable_keys__', set())
        for key, tp in own.items():
            tp = _convert(tp)
            annotations[key] = tp
            _, quals = _strip_qualifiers(tp)
            is_required = Required in quals or (total and NotRequired not in quals)
            (required if is_required else optional).add(key)
            (optional if is_required else required).discard(key)
            if ReadOnly in quals:
                readonly.add(key)
                mutable.discard(key)
            else:
                mutable.add(key)
                readonly.discard(key)
        tp_dict.__annotations__ = annotations
        tp_dict.__required_keys__ = frozenset(required)
        tp_dict.__optional_keys__ = frozenset(optional)
        tp_dict.__readonly_keys__ = frozenset(readonly)
        tp_dict.__mutable_keys__ = frozenset(mutable)
        tp_dict.__total__ = total
        return tp_dict

    __call__ = dict

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')

    __instancecheck__ = __subclasscheck__


def TypedDict(typename, fields=None, /, *, total=True):
    """A simple typed namespace. At runtime it is equivalent to a plain dict."""
    ns = {'__annotations__': dict(fields or {}), '__module__': _caller_module()}
    td = _TypedDictMeta(typename, (), ns, total=total)
    td.__orig_bases__ = (TypedDict,)
    return td


_TypedDict = type.__new__(_TypedDictMeta, 'TypedDict', (), {'__module__': 'typing'})
TypedDict.__mro_entries__ = lambda bases: (_TypedDict,)


def is_typeddict(tp):
    """Check if an annotation is a TypedDict class."""
    return isinstance(tp, _TypedDictMeta)


# ------------------------------------------------------------------- helpers

class NewType:
    """NewType creates simple unique types with almost zero runtime overhead."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        if '.' in name:
            name = name.rpartition('.')[-1]
        self.__name__ = name
        self.__supertype__ = tp
        module = _caller_module()
        if module != 'typing':
            self.__module__ = module

    def __mro_entries__(self, bases):
        superclass_name = self.__name__

        class Dummy:
            def __init_subclass__(cls):
                subclass_name = cls.__name__
                raise TypeError(
                    f"Cannot subclass an instance of NewType. Perhaps you were looking for: "
                    f"`{subclass_name} = NewType({subclass_name!r}, {superclass_name})`")
        return (Dummy,)

    def __repr__(self):
        return f'{self.__module__}.{self.__qualname__}'

    def __call__(self, x):
        return x

    def __reduce__(self):
        return self.__qualname__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def cast(typ, val):
    """Cast a value to a type. At runtime this returns the value unchanged."""
    return val


def assert_type(val, typ, /):
    """Ask a static type checker to confirm that the value is of the given type."""
    return val


def reveal_type(obj, /):
    """Ask a static type checker to reveal the inferred type of an expression."""
    print(f"Runtime type is {type(obj).__name__!r}", file=sys.stderr)
    return obj


def assert_never(arg, /):
    """Statically assert that a line of code is unreachable."""
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError(f"Expected code to be unreachable, but got: {value}")


def final(f):
    """Decorator to indicate final methods and final classes."""
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def override(method, /):
    """Indicate that a method is intended to override a method in a base class."""
    try:
        method.__override__ = True
    except (AttributeError, TypeError):
        pass
    return method


def no_type_check(arg):
    """Decorator to indicate that annotations are not type hints."""
    try:
        arg.__no_type_check__ = True
    except TypeError:
        pass
    return arg


def no_type_check_decorator(decorator):
    return decorator


def dataclass_transform(*, eq_default=True, order_default=False, kw_only_default=False,
                        frozen_default=False, field_specifiers=(), **kwargs):
    """Decorator to mark an object as providing dataclass-like behaviour."""
    def decorator(cls_or_fn):
        cls_or_fn.__dataclass_transform__ = {
            "eq_default": eq_default,
            "order_default": order_default,
            "kw_only_default": kw_only_default,
            "frozen_default": frozen_default,
            "field_specifiers": field_specifiers,
            "kwargs": kwargs,
        }
        return cls_or_fn
    return decorator


_overload_registry = {}


def _overload_dummy(*args, **kwds):
    """Helper for @overload to raise when called."""
    raise NotImplementedError(
        "You should not call an overloaded function. "
        "A series of @overload-decorated functions "
        "outside a stub module should always be followed "
        "by an implementation that is not @overload-ed.")


def overload(func):
    """Decorator for overloaded functions/methods."""
    f = getattr(func, "__func__", func)
    try:
        key = (f.__module__, f.__qualname__)
        _overload_registry.setdefault(key, []).append(func)
    except AttributeError:
        pass
    return _overload_dummy


def get_overloads(func):
    """Return all defined overloads for *func* as a sequence."""
    f = getattr(func, "__func__", func)
    return list(_overload_registry.get((getattr(f, '__module__', None), getattr(f, '__qualname__', None)), []))


def clear_overloads():
    """Clear all overloads in the registry."""
    _overload_registry.clear()


def get_origin(tp):
    """Get the unsubscripted version of a type."""
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, (_BaseGenericAlias, _GenericAliasType, ParamSpecArgs, ParamSpecKwargs)):
        return tp.__origin__
    if tp is Generic:
        return Generic
    if isinstance(tp, _UnionType):
        return _UnionType
    return None


def get_args(tp):
    """Get type arguments with all substitutions performed."""
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, _CallableGenericAlias):
        args = tp.__args__
        if len(args) == 2 and (args[0] is Ellipsis or isinstance(args[0], ParamSpec)):
            return args
        return (list(args[:-1]), args[-1])
    if isinstance(tp, (_GenericAlias, _GenericAliasType)):
        return tuple(tp.__args__)
    if isinstance(tp, _UnionType):
        return tuple(tp.__args__)
    if isinstance(tp, collections.abc._CallableGenericAlias):
        return (list(tp.__args__[:-1]), tp.__args__[-1])
    return ()


def _eval_hint(value, globalns, localns):
    if value is None:
        return type(None)
    if isinstance(value, str):
        value = eval(value, globalns, localns)
    if isinstance(value, ForwardRef):
        value = eval(value.__forward_arg__, globalns, localns)
    if isinstance(value, _GenericAlias) and any(isinstance(a, ForwardRef) for a in value.__args__):
        args = tuple(_eval_hint(a, globalns, localns) if isinstance(a, ForwardRef) else a for a in value.__args__)
        if isinstance(value, _AnnotatedAlias):
            return value
        value = value.copy_with(args)
    return value


def _strip_annotations(t):
    if isinstance(t, _AnnotatedAlias):
        return _strip_annotations(t.__origin__)
    if isinstance(t, _GenericAlias) and t.__origin__ in (Required, NotRequired, ReadOnly):
        return _strip_annotations(t.__args__[0])
    if isinstance(t, _GenericAlias) and not isinstance(t, _CallableGenericAlias):
        stripped = tuple(_strip_annotations(a) for a in t.__args__)
        if stripped != t.__args__:
            return t.copy_with(stripped)
    return t


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """Return type hints for an object (evaluating string annotations)."""
    if getattr(obj, '__no_type_check__', None):
        return {}
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            annotations = base.__dict__.get('__annotations__', {})
            if not isinstance(annotations, dict):
                continue
            module = sys.modules.get(base.__module__)
            base_globals = globalns if globalns is not None else getattr(module, '__dict__', {})
            base_locals = dict(vars(base)) if localns is None else localns
            for name, value in annotations.items():
                hints[name] = _eval_hint(value, base_globals, base_locals)
    else:
        if isinstance(obj, types.ModuleType):
            annotations = obj.__dict__.get('__annotations__', {})
            default_globals = obj.__dict__
        else:
            annotations = getattr(obj, '__annotations__', None)
            if annotations is None:
                if isinstance(obj, (types.FunctionType, types.BuiltinFunctionType, types.MethodType)):
                    return {}
                raise TypeError(f'{obj!r} is not a module, class, method, or function.')
            wrapped = obj
            while hasattr(wrapped, '__wrapped__'):
                wrapped = wrapped.__wrapped__
            default_globals = getattr(wrapped, '__globals__', {})
        if globalns is None:
            globalns = default_globals
        if localns is None:
            localns = globalns
        for name, value in annotations.items():
            hints[name] = _eval_hint(value, globalns, localns)
    if include_extras:
        return hints
    return {k: _strip_annotations(v) for k, v in hints.items()}


def is_protocol(tp, /):
    """Return True if the given type is a Protocol."""
    return (isinstance(tp, type) and getattr(tp, '_is_protocol', False) and tp != Protocol)


def get_protocol_members(tp, /):
    """Return the set of members defined in a Protocol."""
    if not is_protocol(tp):
        raise TypeError(f'{tp!r} is not a Protocol')
    return frozenset(tp.__protocol_attrs__)


# ----------------------------------------------------------------- IO types

class IO(Generic[AnyStr]):
    """Generic base class for TextIO and BinaryIO."""
    __slots__ = ()


class BinaryIO(IO[bytes]):
    """Typed version of the return of open() in binary mode."""
    __slots__ = ()


class TextIO(IO[str]):
    """Typed version of the return of open() in text mode."""
    __slots__ = ()


TYPE_CHECKING = False

__all__ = [
    'Annotated', 'Any', 'Callable', 'ClassVar', 'Concatenate', 'Final', 'ForwardRef',
    'Generic', 'Literal', 'Optional', 'ParamSpec', 'Protocol', 'Tuple', 'Type', 'TypeVar',
    'TypeVarTuple', 'Union', 'AbstractSet', 'Container', 'ContextManager',
    'Hashable', 'ItemsView', 'Iterable', 'Iterator', 'KeysView', 'Mapping', 'MappingView',
    'MutableMapping', 'MutableSequence', 'MutableSet', 'Sequence', 'Sized', 'ValuesView',
    'Awaitable', 'AsyncIterator', 'AsyncIterable', 'Coroutine', 'Collection',
    'AsyncGenerator', 'AsyncContextManager', 'Reversible', 'SupportsAbs', 'SupportsBytes',
    'SupportsComplex', 'SupportsFloat', 'SupportsIndex', 'SupportsInt', 'SupportsRound',
    'ChainMap', 'Counter', 'Deque', 'Dict', 'DefaultDict', 'List', 'OrderedDict', 'Set',
    'FrozenSet', 'NamedTuple', 'TypedDict', 'Generator', 'BinaryIO', 'IO', 'TextIO', 'AnyStr', 'assert_type', 'assert_never', 'cast', 'clear_overloads',
    'dataclass_transform', 'final', 'get_args', 'get_origin', 'get_overloads',
    'get_protocol_members', 'get_type_hints', 'is_protocol', 'is_typeddict', 'LiteralString',
    'Never', 'NewType', 'no_type_check', 'no_type_check_decorator', 'NoDefault', 'NoReturn',
    'NotRequired', 'overload', 'override', 'ParamSpecArgs', 'ParamSpecKwargs', 'ReadOnly',
    'Required', 'reveal_type', 'runtime_checkable', 'Self', 'Text', 'TYPE_CHECKING',
    'TypeAlias', 'TypeGuard', 'TypeIs', 'Unpack',
]


ContextManager = _SpecialGenericAlias(_contextlib.AbstractContextManager, 2, name='ContextManager',
                                      defaults=(bool | None,))
AsyncContextManager = _SpecialGenericAlias(_contextlib.AbstractAsyncContextManager, 2,
                                           name='AsyncContextManager', defaults=(bool | None,))


def __getattr__(name):
    # re is imported only when Pattern or Match is used.
    if name in ('Pattern', 'Match'):
        try:
            import re
        except ImportError:
            raise AttributeError(f"module 'typing' has no attribute '{name}'") from None
        target = type(re.compile('')) if name == 'Pattern' else type(re.match('', ''))
        alias = _SpecialGenericAlias(target, 1, name=name)
        globals()[name] = alias
        return alias
    raise AttributeError(f"module 'typing' has no attribute '{name}'")
"""#
}
