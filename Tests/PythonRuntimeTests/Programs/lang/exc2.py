def f():
    try:
        raise KeyError("k")
    except KeyError as e:
        raise ValueError("v") from e
try:
    f()
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)
try:
    try:
        1/0
    except ZeroDivisionError:
        raise TypeError("t")
except TypeError as e:
    print(type(e.__context__).__name__, e.__cause__)
class MyErr(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise MyErr(7)
except MyErr as e:
    print(e, e.code, e.args)
def g():
    try:
        return "try"
    finally:
        print("finally runs")
print(g())
def h():
    for i in range(3):
        try:
            if i == 1: continue
            if i == 2: break
        finally:
            print("fin", i)
h()
try:
    raise ExceptionGroup("many", [ValueError(1), TypeError(2)])
except* ValueError as eg:
    print("values", eg.exceptions)
except* TypeError as eg:
    print("types", eg.exceptions)
e = ValueError("x")
e.add_note("note1")
print(e.__notes__)
try:
    assert False
except AssertionError as e:
    print("assert", e.args)
try:
    x = [1][5]
except (IndexError, KeyError) as e:
    print(type(e).__name__, e)
import sys
try:
    raise RuntimeError("r")
except RuntimeError:
    print(sys.exc_info()[0].__name__)
print(sys.exc_info())
def nested():
    try:
        try:
            raise ValueError("inner")
        finally:
            print("inner finally")
    except ValueError as e:
        print("outer caught", e)
    else:
        print("no")
nested()
try:
    raise
except RuntimeError as e:
    print(e)
with_var = None
try:
    pass
except Exception as with_var:
    pass
print(with_var)
try:
    int("x")
except ValueError as err:
    pass
try:
    print(err)
except NameError as e:
    print("NameError", e)
