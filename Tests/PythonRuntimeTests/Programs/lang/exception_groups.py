def show(f):
    try:
        f()
    except BaseException as e:
        print(type(e).__name__, repr(e))
        if isinstance(e, BaseExceptionGroup):
            for x in e.exceptions: print("   ", repr(x))

def a():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        print("caught", repr(e))
show(a)

def b():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError('x')
show(b)

def c():
    try:
        raise ValueError(3)
    except* ValueError as e:
        print("naked", repr(e))
show(c)

def d():
    try:
        raise ValueError(3)
    except* TypeError:
        print("no")
show(d)

def e():
    try:
        raise ExceptionGroup("eg", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(5)])])
    except* ValueError:
        raise
show(e)

def f():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as v:
        raise v
    except* TypeError:
        raise RuntimeError("r")
show(f)

def g():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* (ValueError, TypeError) as v:
        print(repr(v))
show(g)

def h():
    try:
        raise ValueError(1)
    except* ValueError:
        raise TypeError(9)
show(h)

try:
    try:
        raise ValueError(1)
    except* ExceptionGroup:
        pass
except TypeError as e:
    print(e)
try:
    try:
        raise ValueError(1)
    except* int:
        pass
except TypeError as e:
    print(e)
import sys
try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
except* ValueError:
    print("exc", repr(sys.exception()))
except* TypeError:
    print("exc", repr(sys.exception()))
print(repr(sys.exception()))
for i in range(3):
    try:
        raise ExceptionGroup("eg", [ValueError(i)])
    except* ValueError:
        for j in range(3):
            if j == 1: break
        print("loop", i)
src = "for i in range(2):\n  try:\n    pass\n  except* ValueError:\n    break\n"
try:
    compile(src, "<s>", "exec")
except SyntaxError as e:
    print(e)
src = "def f():\n  try:\n    pass\n  except* ValueError:\n    return 1\n"
try:
    compile(src, "<s>", "exec")
except SyntaxError as e:
    print(e)
eg = ExceptionGroup("x", [ValueError(1), TypeError(2), ExceptionGroup("y", [KeyError(3)])])
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(repr(eg.subgroup(lambda e: isinstance(e, KeyError))))
print(repr(eg.split(lambda e: True)))
eg.add_note("hello")
m, r = eg.split(TypeError)
print(m.__notes__, r.__notes__, m.__notes__ is eg.__notes__)
class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + "!", excs)
m, r = MyEG("m", [ValueError(1), TypeError(2)]).split(ValueError)
print(repr(m), repr(r))
print(repr(BaseExceptionGroup("b", [KeyboardInterrupt()])), type(BaseExceptionGroup("b", [ValueError()])).__name__)
for bad in [lambda: ExceptionGroup("x", []), lambda: ExceptionGroup("x", [1]), lambda: ExceptionGroup(1, [ValueError()]),
            lambda: ExceptionGroup("x", ValueError()), lambda: ExceptionGroup("x", [KeyboardInterrupt()]), lambda: ExceptionGroup("x")]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
print(str(ExceptionGroup("one", [ValueError()])))

def nested():
    try:
        try:
            raise ExceptionGroup("outer", [ValueError("a"), OSError("b")])
        except* ValueError as v:
            try:
                raise KeyError("k")
            except KeyError:
                print("inner handled, exc is", repr(sys.exception()))
            def helper():
                return 42
            print("helper", helper())
        else:
            print("no else")
        finally:
            print("finally runs")
    except* OSError as o:
        print("outer caught", repr(o))
nested()

def notes_kept():
    eg = ExceptionGroup("noted", [ValueError(1), TypeError(2)])
    eg.add_note("a note")
    try:
        raise eg
    except* ValueError:
        pass
show(lambda: notes_kept())
try:
    notes_kept()
except ExceptionGroup as e:
    print(e.__notes__, repr(e))

def cause():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as v:
        raise TypeError("t") from v
try:
    cause()
except TypeError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__))

def two_raised():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError:
        raise RuntimeError("one")
    except* TypeError:
        raise ExceptionGroup("new", [AttributeError("two")])
show(two_raised)

def with_else():
    try:
        pass
    except* ValueError:
        print("no")
    else:
        print("else ran")
with_else()

def bad_type_expr():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* undefined_name:
        pass
show(bad_type_expr)

def base_group():
    try:
        raise BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError(1)])
    except* KeyboardInterrupt as k:
        print("ki", repr(k))
show(base_group)

def gen():
    try:
        yield 1
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        yield 2
g1 = gen(); print(next(g1))
try:
    list(gen())
except ExceptionGroup as e:
    print("gen left", repr(e))

class Custom(ExceptionGroup):
    def __new__(cls, message, excs, code):
        self = super().__new__(cls, message, excs)
        self.code = code
        return self
    def derive(self, excs):
        return Custom(self.message, excs, self.code)
c = Custom("c", [ValueError(1), TypeError(2)], 7)
m, r = c.split(TypeError)
print(type(m).__name__, m.code, repr(m.exceptions), r.code)
print(c.args)
lst = [ValueError(1)]
g = ExceptionGroup("l", lst)
lst.append(TypeError(2))
print(len(g.exceptions), str(g))
print(ExceptionGroup[int])
