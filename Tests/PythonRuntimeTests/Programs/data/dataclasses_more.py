# dataclasses: slots, frozen+slots pickling, __post_init__ validation, metadata.
# (3.14 forms, hand-checked: super() works in slots=True classes.)
from dataclasses import dataclass, field, asdict, fields
import dataclasses
@dataclass(slots=True)
class Base:
    x: int
    def show(self):
        return f"Base x={self.x}"
@dataclass(slots=True)
class Child(Base):
    y: int = 0
    def show(self):
        return super().show() + f" y={self.y}"
c = Child(1, 2)
print(c.show(), Child.__slots__)
try:
    c.z = 3
except AttributeError as e:
    print(e)
@dataclass(frozen=True, slots=True)
class FS:
    a: int
    b: list = field(default_factory=list)
f = FS(1)
print(f, hash(FS(1, ())) if False else '', f.b)
import pickle
print(pickle.loads(pickle.dumps(f)))
@dataclass
class Emp:
    name: str
    salary: float = 0.0
    def __post_init__(self):
        if self.salary < 0:
            raise ValueError('negative salary')
try:
    Emp('x', -1)
except ValueError as e:
    print(e)
e = Emp('Ann', 10.5)
print(pickle.loads(pickle.dumps(e)) == e, dataclasses.replace(e, salary=20))
print(Emp.__eq__(e, 5), e != 5, e == Emp('Ann', 10.5))
@dataclass
class Tree:
    name: str
    kids: 'list[Tree]' = field(default_factory=list)
t = Tree('a', [Tree('b')])
print(asdict(t), fields(Tree)[1].type)
@dataclass
class A:
    x: int = field(default=1, metadata={'unit': 'm'})
print(fields(A)[0].metadata['unit'], fields(A)[0].metadata)
print(repr(dataclasses.fields(A)[0]).split(",default_factory")[0])
