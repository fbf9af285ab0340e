/// `copy`: shallow and deep copies through `__copy__`, `__deepcopy__` and
/// the `__reduce_ex__` protocol (`object.__reduce_ex__` is provided by the
/// runtime for instances of user classes).
enum CopySource {
  static let text = #"""
"""Generic (shallow and deep) copying operations."""

import types

__all__ = ["Error", "copy", "deepcopy", "replace"]


class Error(Exception):
    pass

error = Error

# Values that are their own copy (shallow or deep).
_IMMUTABLE = frozenset({
    type(None), int, float, bool, complex, str, bytes, type, range,
    types.BuiltinFunctionType, types.FunctionType, types.CodeType,
    type(Ellipsis), type(NotImplemented), property,
})
# Containers whose shallow copy is their own .copy().
_SHALLOW = {list: list.copy, dict: dict.copy, set: set.copy, bytearray: lambda b: bytearray(b)}


def _reduce(x, cls):
    reductor = getattr(cls, "__reduce_ex__", None)
    if reductor is not None:
        rv = reductor(x, 4)
    else:
        reductor = getattr(x, "__reduce__", None)
        if reductor is None:
            raise Error(f"un(shallow)copyable object of type {cls}")
        rv = reductor()
    return rv


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if cls in _IMMUTABLE or cls is tuple or cls is frozenset or issubclass(cls, type):
        return x
    shallow = _SHALLOW.get(cls)
    if shallow is not None:
        return shallow(x)
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x, cls)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    cls = type(x)
    if cls in _IMMUTABLE or issubclass(cls, type):
        return x
    if memo is None:
        memo = {}
    key = id(x)
    done = memo.get(key, _nil)
    if done is not _nil:
        return done

    if cls is list:
        y = []
        memo[key] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is dict:
        y = {}
        memo[key] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        # A tuple whose items were all their own copies is itself.
        done = memo.get(key, _nil)
        if done is not _nil:
            return done
        y = x if all(a is b for a, b in zip(items, x)) else tuple(items)
    elif cls is types.MethodType:
        y = cls(x.__func__, deepcopy(x.__self__, memo))
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x, cls)
            if isinstance(rv, str):
                y = x
            else:
                y = _reconstruct(x, memo, *rv)

    if y is not x:
        memo[key] = y
        # Keep x alive while the memo is in use (ids are only unique among
        # live objects).
        memo.setdefault(id(memo), []).append(x)
    return y


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        setter = getattr(y, "__setstate__", None)
        if setter is not None:
            setter(state)
        else:
            slots = None
            if isinstance(state, tuple) and len(state) == 2:
                state, slots = state
            if state:
                y.__dict__.update(state)
            if slots:
                for name, value in slots.items():
                    setattr(y, name, value)

    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for k, v in dictiter:
            if deep:
                k, v = deepcopy(k, memo), deepcopy(v, memo)
            y[k] = v
    return y


def replace(obj, /, **changes):
    """Return a new object replacing specified fields with new values."""
    cls = obj.__class__
    func = getattr(cls, '__replace__', None)
    if func is None:
        raise TypeError(f"replace() does not support {cls.__name__} objects")
    return func(obj, **changes)
"""#
}
