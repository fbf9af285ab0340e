/// `abc`: abstract base classes. The runtime itself computes
/// `__abstractmethods__` for every class and refuses to instantiate a class
/// that still has abstract methods; ABCMeta adds virtual subclasses
/// (`register`), `__subclasshook__` and the isinstance/issubclass caches.
enum AbcSource {
  static let text = #"""
"""Abstract Base Classes (ABCs) according to PEP 3119."""


def abstractmethod(funcobj):
    """A decorator indicating abstract methods."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    """A decorator indicating abstract classmethods (deprecated)."""
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    """A decorator indicating abstract staticmethods (deprecated)."""
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    """A decorator indicating abstract properties (deprecated)."""
    __isabstractmethod__ = True


# Bumped by every register() call: negative caches older than this are stale.
_token = [0]


class _AbcData:
    """Per-ABC bookkeeping: registered virtual subclasses and two caches."""
    __slots__ = ('registry', 'positive', 'negative', 'version')

    def __init__(self):
        self.registry = []
        self.positive = set()
        self.negative = set()
        self.version = _token[0]

    def remember(self, subclass, verdict):
        (self.positive if verdict else self.negative).add(subclass)
        return verdict


def _data(cls):
    data = cls.__dict__.get('_abc_impl')
    if data is None:
        data = _AbcData()
        type.__setattr__(cls, '_abc_impl', data)
    return data


class ABCMeta(type):
    """Metaclass for defining Abstract Base Classes (ABCs)."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        type.__setattr__(cls, '_abc_impl', _AbcData())
        return cls

    def register(cls, subclass):
        """Register a virtual subclass of an ABC.

        Returns the subclass, to allow usage as a class decorator."""
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        _data(cls).registry.append(subclass)
        _token[0] += 1
        return subclass

    def __instancecheck__(cls, instance):
        """Override for isinstance(instance, cls)."""
        data = _data(cls)
        claimed = instance.__class__
        if claimed in data.positive:
            return True
        actual = type(instance)
        if actual is claimed:
            if data.version == _token[0] and claimed in data.negative:
                return False
            return cls.__subclasscheck__(claimed)
        return cls.__subclasscheck__(claimed) or cls.__subclasscheck__(actual)

    def __subclasscheck__(cls, subclass):
        """Override for issubclass(subclass, cls)."""
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        data = _data(cls)
        if subclass in data.positive:
            return True
        if data.version != _token[0]:
            data.negative = set()
            data.version = _token[0]
        elif subclass in data.negative:
            return False
        verdict = cls.__subclasshook__(subclass)
        if verdict is not NotImplemented:
            return data.remember(subclass, bool(verdict))
        if cls in subclass.__mro__:
            return data.remember(subclass, True)
        for candidate in (*data.registry, *type.__subclasses__(cls)):
            if issubclass(subclass, candidate):
                return data.remember(subclass, True)
        return data.remember(subclass, False)

    def _dump_registry(cls, file=None):
        data = _data(cls)
        print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)
        print(f"Inv. counter: {get_cache_token()}", file=file)
        print(f"_abc_registry: {set(data.registry)!r}", file=file)
        print(f"_abc_cache: {data.positive!r}", file=file)
        print(f"_abc_negative_cache: {data.negative!r}", file=file)
        print(f"_abc_negative_cache_version: {data.version!r}", file=file)

    def _abc_registry_clear(cls):
        _data(cls).registry.clear()

    def _abc_caches_clear(cls):
        data = _data(cls)
        data.positive.clear()
        data.negative.clear()


def get_cache_token():
    """Returns the current ABC cache token."""
    return _token[0]


def update_abstractmethods(cls):
    """Recalculate the set of abstract methods of an abstract class."""
    return cls


class ABC(metaclass=ABCMeta):
    """Helper class that provides a standard way to create an ABC using
    inheritance."""
    __slots__ = ()
"""#
}
