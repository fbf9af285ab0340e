import typing
from typing import *
class A: a: int
class B(A): b: 'str'
print(get_type_hints(B))
T = TypeVar('T')
class Stack(Generic[T]): pass
print(Stack[int], Stack.__parameters__, Generic[T], List[int], Dict[str, List[int]], Tuple[int, ...], Tuple[()], Callable[[int], str], Callable[..., int])
print(Optional[int], Union[int, str], Union[int], Literal[1, 'a'], Annotated[int, 'm'], ClassVar[int], Final[int], Any, List, Type[int], Iterable[int], typing.Deque[int])
print(List['Foo'], Optional['Foo'] if False else '', repr(T), TypeVar('U', bound=int), TypeVar('C', covariant=True), get_origin(List[int]), get_args(Dict[str, int]))
print(Sequence, Mapping[str, int])
from typing import (NamedTuple, TypedDict, Protocol, runtime_checkable, TypeVar, Generic, Optional, List, Dict,
                    Any, cast, overload, TYPE_CHECKING, get_type_hints, Literal, Final, ClassVar, NewType, Callable,
                    Iterator, Union, Sequence, Self, Annotated, get_origin, get_args, NotRequired, Required)
class Employee(NamedTuple):
    name: str
    id: int = 3
    def greet(self): return f"hi {self.name}"
e = Employee('Guido'); print(e, e.greet(), e._fields, Employee._field_defaults, Employee.__annotations__, e._replace(id=5), isinstance(e, tuple))
E2 = NamedTuple('E2', [('a', int), ('b', str)]); print(E2(1, 'x'), E2.__annotations__)
try:
    class Bad(NamedTuple):
        x: int = 1
        y: int
except TypeError as ex: print(ex)
class Movie(TypedDict):
    name: str
    year: int
m = Movie(name='Blade Runner', year=1982); print(m, type(m), Movie.__required_keys__ == {'name', 'year'}, Movie.__annotations__)
class M2(Movie, total=False):
    rating: float
print(sorted(M2.__optional_keys__), sorted(M2.__required_keys__), M2.__total__)
try: isinstance(m, Movie)
except TypeError as ex: print(ex)
class Point2(TypedDict):
    x: int
    y: NotRequired[int]
print(sorted(Point2.__required_keys__), sorted(Point2.__optional_keys__))
@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...
class F:
    def close(self): pass
print(isinstance(F(), Closable), isinstance(1, Closable), issubclass(F, Closable))
class P2(Protocol):
    def meth(self) -> int: ...
try: isinstance(F(), P2)
except TypeError as ex: print(ex)
try: P2()
except TypeError as ex: print(ex)
class Impl(P2):
    def meth(self): return 1
print(Impl().meth())
T = TypeVar('T')
class Box(Generic[T]):
    def __init__(self, item: T): self.item = item
    def get(self) -> T: return self.item
b = Box[int](5); print(b.get(), Box[int], Box.__parameters__, b.__orig_class__)
try: Box[int, str]
except TypeError as ex: print(ex)
print(cast(int, 'x'), TYPE_CHECKING, NewType('UserId', int)(5), NewType('UserId', int))
@overload
def f(x: int) -> int: ...
@overload
def f(x: str) -> str: ...
def f(x): return x
print(f(3), len(typing.get_overloads(f)))
def g(a: 'int', b: Optional[str] = None) -> List[int]: return []
print(get_type_hints(g))
print(get_origin(Dict[str, int]), get_args(Dict[str, int]), get_origin(Literal[1]), get_args(Callable[[int], str]), get_args(Annotated[int, 'x']))
print(Optional[List[int]], Union[int, None, str], Literal['a', 'b'], Final, ClassVar[int])
print(isinstance(3, Union[int, str]), List[int] == List[int], typing.Any, Self)
try: isinstance(3, List[int])
except TypeError as ex: print(ex)
print(isinstance([], typing.List), isinstance({}, typing.Mapping), issubclass(list, typing.Sequence))
UserId = NewType('UserId', int)
print(UserId(3) + 1, UserId.__supertype__)
def deco(fn: Callable[..., int]) -> Callable[..., int]: return fn
class Node(Generic[T]):
    def __init__(self, v: T, nxt: 'Optional[Node[T]]' = None): self.v, self.nxt = v, nxt
n = Node(1, Node(2)); print(n.nxt.v)
print(typing.SupportsInt, isinstance(3, typing.SupportsInt), isinstance('x', typing.SupportsInt))
class C2:
    x: ClassVar[int] = 3
    y: 'List[int]'
print(get_type_hints(C2))
print(Employee.__doc__ if False else Employee.__mro__)
