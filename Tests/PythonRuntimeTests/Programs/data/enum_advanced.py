# enum: custom __new__/__init__, _ignore_/_order_, member/nonmember, boundaries,
# verify, functional API options. (3.14 forms, hand-checked: empty-enum call
# message, nested classes are not members.)
import enum, json
from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique, verify, UNIQUE, CONTINUOUS, member, nonmember, FlagBoundary, CONFORM, EJECT, KEEP, STRICT

class Coordinate(bytes, Enum):
    def __new__(cls, value, label, unit):
        obj = bytes.__new__(cls, [value])
        obj._value_ = value
        obj.label = label
        obj.unit = unit
        return obj
    PX = (0, 'P.X', 'km')
    PY = (1, 'P.Y', 'km')
print(Coordinate.PY.label, Coordinate(1))

class Ordinal(Enum):
    _ignore_ = ['helper']
    FIRST = 1
    SECOND = 2
    helper = 99
    @property
    def next(self):
        return Ordinal(self.value + 1) if self.value < 2 else None
    def __str__(self):
        return self.name[0] + self.name[1:].lower()
print(Ordinal.FIRST.next, str(Ordinal.SECOND), f"{Ordinal.FIRST}", hasattr(Ordinal, 'helper'))

class Status(Enum):
    ACTIVE = 'active'
    INACTIVE = 'inactive'
    def is_active(self):
        return self is Status.ACTIVE

def check(s):
    match s:
        case Status.ACTIVE:
            return 'on'
        case Status.INACTIVE:
            return 'off'
print(check(Status.ACTIVE), check(Status('inactive')), Status.ACTIVE.is_active())
print(json.dumps({'n': IntEnum('N', 'A B').B, 's': StrEnum('S', [('X', 'ex')]).X}))
print(list(reversed(Status)), dict(Status.__members__.items()))

class Color(Enum):
    RED = auto()
    GREEN = auto()
    _order_ = 'RED GREEN'
print(list(Color))
try:
    class Wrong(Enum):
        _order_ = 'B A'
        A = 1
        B = 2
except TypeError as e:
    print(e)

class Cfg(Enum):
    A = 1
    B = nonmember(2)
    C = member(lambda x: x)
print(list(Cfg.__members__), Cfg.B)

class Conform(Flag, boundary=CONFORM):
    A = 1
    B = 2
print(repr(Conform(7)), repr(Conform(-1)))
class Ej(Flag, boundary=EJECT):
    A = 1
print(Ej(5), type(Ej(5)).__name__)
print(repr(IntFlag('IF', 'X Y')(8)), repr(~IntFlag('IF2', 'X Y').X))
print(FlagBoundary.STRICT, STRICT, repr(KEEP))
try:
    @verify(UNIQUE)
    class V(Enum):
        A = 1
        B = 1
except ValueError as e:
    print(e)
try:
    @verify(CONTINUOUS)
    class V2(Enum):
        A = 1
        C = 3
except ValueError as e:
    print(e)
Start = Enum('Start', 'a b c', start=10)
print([m.value for m in Start])
IntE = Enum('IntE', 'x y', type=int)
print(IntE.x + 1, repr(IntE.y), IntE.__mro__[1])
try:
    Enum('NoNames')
except TypeError as e:
    print(e)
try:
    Status()
except TypeError as e:
    print(e)
class WithInit(Enum):
    A = 1
    class Inner:
        pass
print(list(WithInit), WithInit.Inner)
print(sorted(dir(Status))[:8])
class Base(Enum):
    def hello(self):
        return 'hi ' + self.name
class Derived(Base):
    X = 1
print(Derived.X.hello())
try:
    StrEnum('Bad', [('A', 1)])
except TypeError as e:
    print(e)
class Neg(IntFlag):
    A = 1
    B = 2
print(repr(Neg(-1)), repr(Neg.A | Neg.B), ~Neg.A, repr(~Neg.A))
print(Status.ACTIVE.__class__ is Status, isinstance(Status.ACTIVE, Enum), issubclass(Status, Enum), type(Status))
class Pet(Enum):
    CAT = 'cat'
    DOG = 'dog'
    @classmethod
    def from_str(cls, s):
        return cls(s.lower())
print(Pet.from_str('DOG'), Pet.CAT.value.upper())
print(enum.EnumMeta is enum.EnumType, Pet.__members__['CAT'])
