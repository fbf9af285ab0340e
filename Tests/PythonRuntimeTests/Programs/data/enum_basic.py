# enum: members, reprs, Flag combinations, functional API, errors.
# (3.14 forms, hand-checked: 'value in EnumClass' returns bool.)
from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique
import enum

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value, type(Color.RED), Color)
print(list(Color), len(Color), Color['GREEN'], Color(3), Color.CRIMSON is Color.RED)
print(Color.__members__)
print(list(Color.__members__), Color.RED in Color, isinstance(Color.GREEN, Color))
print(f"{Color.RED}", format(Color.RED, '>12'), '%s' % Color.BLUE, str(Color.BLUE))
try:
    Color(7)
except ValueError as e:
    print('ValueError', e)
try:
    Color['PURPLE']
except KeyError as e:
    print('KeyError', e)
try:
    Color.RED = 5
except AttributeError as e:
    print(e)
try:
    Color.RED < Color.GREEN
except TypeError as e:
    print(e)
print(Color.RED == Color.RED, Color.RED == 1, hash(Color.RED) == hash('RED'))
d = {Color.RED: 'r'}
print(d[Color.CRIMSON])

class Number(IntEnum):
    ONE = 1
    TWO = 2
print(Number.ONE, repr(Number.TWO), Number.ONE + 1, Number.TWO == 2, Number(2), sorted([Number.TWO, Number.ONE]), f"{Number.ONE:03d}", str(Number.TWO))

class Shade(StrEnum):
    LIGHT = auto()
    DARK = 'dark-ish'
print(Shade.LIGHT, repr(Shade.LIGHT), Shade.DARK.upper(), Shade('light'), Shade.LIGHT == 'light')

class Perm(Flag):
    R = 4
    W = 2
    X = 1
rw = Perm.R | Perm.W
print(rw, repr(rw), Perm(7), repr(Perm(0)), str(Perm(0)), Perm.R in rw, Perm.X in rw, list(rw), len(rw), bool(Perm(0)))
print(repr(~Perm.R), repr(rw & Perm.W), repr(rw ^ Perm.R), list(Perm))
try:
    Perm(8)
except ValueError as e:
    print(e)

class Opt(IntFlag):
    A = auto()
    B = auto()
    C = auto()
print(Opt.A, repr(Opt.A | Opt.C), Opt.A | 8, repr(Opt(12)), Opt.B + 1, list(Opt), [o.value for o in Opt])

class Auto(Enum):
    A = auto()
    B = auto()
    C = 10
    D = auto()
print(list(Auto), [m.value for m in Auto])

Animal = Enum('Animal', 'ANT BEE CAT')
print(Animal, list(Animal), Animal.BEE.value, repr(Animal.CAT), Animal.__module__)
Pair = Enum('Pair', [('X', 'x'), ('Y', 'y')])
print(list(Pair), Pair('y'))
Dct = IntEnum('Dct', {'LOW': 1, 'HIGH': 10})
print(list(Dct), Dct.HIGH > Dct.LOW)

class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def surface_gravity(self):
        G = 6.67300E-11
        return G * self.mass / (self.radius * self.radius)
print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 2))

class Mood(Enum):
    HAPPY = 3
    SAD = 1
    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            return cls[value.upper()]
        return None
    def describe(self):
        return self.name.lower()
print(Mood('happy'), Mood.SAD.describe())

try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print(e)
try:
    class MoreColor(Color):
        PINK = 17
except TypeError as e:
    print(e)
try:
    class Bad(Enum):
        A = 1
        A = 2
except TypeError as e:
    print(e)
import pickle
print(pickle.loads(pickle.dumps(Color.GREEN)) is Color.GREEN, pickle.loads(pickle.dumps(Number.TWO)) is Number.TWO)
print(Color.RED.__class__.__name__, Color.__name__, Color.RED._value_, Color._member_names_)
for m in Color:
    print(m.name, m.value, end='; ')
print()
print(1 in Color, 5 in Color)
class E2(Enum):
    pass
print(list(E2), repr(E2))
print(Perm.R | Perm.W | Perm.X, repr(Perm.W | Perm.X))
class Weekday(Flag):
    MONDAY = 1
    TUESDAY = 2
    WEDNESDAY = 4
    WEEKDAYS = 7
print(list(Weekday), Weekday.WEEKDAYS, repr(Weekday.MONDAY | Weekday.TUESDAY), list(Weekday.__members__))
