from abc import ABC, ABCMeta, abstractmethod
import abc
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def perimeter(self): ...
    def describe(self): return f"{type(self).__name__} with area {self.area()}"
class Square(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
    def perimeter(self): return 4 * self.s
print(Square(3).describe(), Square(2).perimeter(), isinstance(Square(1), Shape))
try: Shape()
except TypeError as e: print(e)
class Half(Shape):
    def area(self): return 0
try: Half()
except TypeError as e: print(e)
print(sorted(Shape.__abstractmethods__), sorted(Half.__abstractmethods__), Square.__abstractmethods__ == frozenset())
class Drawable(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Drawable:
            return any("draw" in B.__dict__ for B in C.__mro__) or NotImplemented
        return NotImplemented
class Circle:
    def draw(self): return "circle"
class Blob: pass
print(issubclass(Circle, Drawable), isinstance(Circle(), Drawable), issubclass(Blob, Drawable))
class MyABC(ABC): pass
MyABC.register(tuple)
print(issubclass(tuple, MyABC), isinstance((), MyABC), issubclass(list, MyABC))
@MyABC.register
class Virtual: pass
print(issubclass(Virtual, MyABC), Virtual.__name__, MyABC in Virtual.__mro__)
class Base(ABC):
    @property
    @abstractmethod
    def name(self): ...
    @classmethod
    @abstractmethod
    def make(cls): ...
    @staticmethod
    @abstractmethod
    def helper(): ...
print(sorted(Base.__abstractmethods__))
class Impl(Base):
    name = "impl"
    @classmethod
    def make(cls): return cls()
    @staticmethod
    def helper(): return 1
print(Impl.make().name, Impl.helper())
print(type(Shape) is ABCMeta, abc.get_cache_token() >= 0, isinstance(ABC, ABCMeta))
try: MyABC.register(5)
except TypeError as e: print(e)
class Sub(Square): pass
print(issubclass(Sub, Shape), Sub(5).area())
