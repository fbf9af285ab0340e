# dataclasses: generated methods, fields, helpers and CPython's error messages.
# (3.14 forms, hand-checked: _DataclassParams repr, 'follows default argument 'x'',
#  replace() TypeError, make_dataclass __module__, overwrite message.)
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, make_dataclass, InitVar, KW_ONLY, FrozenInstanceError, MISSING
import dataclasses

@dataclass
class Point:
    x: int
    y: int = 0

p = Point(1, 2)
print(p, repr(p), p == Point(1, 2), p != Point(2, 1), p.__match_args__)
print(Point.__doc__, Point.__init__.__qualname__, Point.__dataclass_params__)
try:
    Point()
except TypeError as e:
    print(e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print(e)
try:
    Point(1, z=3)
except TypeError as e:
    print(e)
try:
    hash(p)
except TypeError as e:
    print(e)

@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    tag: str = field(default='', compare=False)

v = Version(1, 2)
print(v < Version(1, 3), v >= Version(1, 2, 'x'), sorted([Version(2), Version(1, 5), Version(1)]), hash(v) == hash(Version(1, 2)))
try:
    v.major = 3
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    del v.minor
except FrozenInstanceError as e:
    print(e)

@dataclass
class Inventory:
    items: list = field(default_factory=list)
    owner: str = 'nobody'
    count: int = field(default=0, repr=False)
    secret: str = field(default='s', init=False)

inv = Inventory()
inv.items.append('a')
print(inv, Inventory(), Inventory(['x'], 'me', 3))
print([f.name for f in fields(inv)], asdict(inv), astuple(inv))

try:
    @dataclass
    class Bad:
        x: int = 1
        y: int
except TypeError as e:
    print(e)
try:
    @dataclass
    class Bad2:
        x: list = []
except ValueError as e:
    print(e)
try:
    field(default=1, default_factory=list)
except ValueError as e:
    print(e)

@dataclass
class WithPost:
    a: int
    b: int = field(init=False)
    scale: InitVar[int] = 2
    def __post_init__(self, scale):
        self.b = self.a * scale

w = WithPost(3)
print(w, WithPost(3, 5), [f.name for f in fields(w)], WithPost.__match_args__)

@dataclass
class KW:
    a: int
    _: KW_ONLY
    b: int = 1
    c: int = 2

print(KW(1, b=5), KW.__match_args__)
try:
    KW(1, 2)
except TypeError as e:
    print(e)

@dataclass(kw_only=True)
class AllKW:
    a: int
    b: int = 0
print(AllKW(a=1), AllKW.__doc__)

@dataclass
class Base:
    x: int = 0
@dataclass
class Derived(Base):
    y: int = 1
    x: int = 5
print(Derived(), Derived(2, 3), fields(Derived)[0].name)

print(replace(p, y=10), is_dataclass(p), is_dataclass(Point), is_dataclass(1))
try:
    replace(inv, secret='x')
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
try:
    asdict(Point)
except TypeError as e:
    print(e)

C = make_dataclass('C', ['a', ('b', int), ('c', int, field(default=5))], namespace={'total': lambda self: self.a + self.b + self.c})
c = C(1, 2)
print(c, c.total(), C.__module__)

@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)
n = Node(1, [Node(2), Node(3, [Node(4)])])
print(n)
print(asdict(n))
n.children.append(n)
print(repr(n)[:60])

@dataclass(eq=False)
class NoEq:
    x: int
print(NoEq(1) == NoEq(1), hash(NoEq(1)) is not None)

@dataclass(unsafe_hash=True)
class UH:
    x: int
    y: list = field(default_factory=list, hash=False)
print(hash(UH(1)) == hash(UH(1)))

@dataclass(slots=True)
class Slotted:
    x: int
    y: int = 2
s = Slotted(1)
print(s, Slotted.__slots__, hasattr(s, '__dict__'))

@dataclass(frozen=True)
class FB:
    x: int
try:
    @dataclass
    class NF(FB):
        y: int = 0
except TypeError as e:
    print(e)

@dataclass
class WithClassVar:
    x: int
    count: 'ClassVar[int]' = 0
print(fields(WithClassVar)[0].name, len(fields(WithClassVar)))
print(repr(dataclasses.InitVar[int]), dataclasses.fields(w)[0].type)
match Point(1, 2):
    case Point(x, y):
        print('matched', x, y)
try:
    @dataclass(order=True)
    class O:
        x: int
        def __lt__(self, other): return True
except TypeError as e:
    print(e)
try:
    @dataclass
    class NoAnn:
        x = field(default=1)
except TypeError as e:
    print(e)
try:
    fields(1)
except TypeError as e:
    print(e)
