import contextlib, io, sys
from contextlib import contextmanager, suppress, closing, nullcontext, ExitStack, redirect_stdout, redirect_stderr
@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")
with tag("h1") as t: print("body", t)
try:
    with tag("p"): raise ValueError("boom")
except ValueError as e: print("caught", e)
@contextmanager
def swallow():
    try: yield
    except KeyError as e: print("swallowed", repr(e))
with swallow(): raise KeyError("k")
print("after")
@tag("deco")
def decorated(): print("inside decorated")
decorated(); decorated()
with suppress(ZeroDivisionError): 1 / 0
print("suppressed")
class Res:
    def close(self): print("closed")
with closing(Res()) as r: print(type(r).__name__)
with nullcontext(5) as v: print(v)
with ExitStack() as stack:
    for n in ["a", "b"]: stack.enter_context(tag(n))
    stack.callback(print, "callback ran")
    print("in stack")
buf = io.StringIO()
with redirect_stdout(buf): print("hidden"); print("also", 1, sep="-")
print(repr(buf.getvalue()))
s = io.StringIO("line1\nline2\nline3")
print(s.readline(), s.read(3), s.tell(), s.read(), repr(s.read()), s.seek(0), s.readlines())
s2 = io.StringIO(); s2.write("hello "); s2.write("world"); print(s2.getvalue(), s2.tell(), s2.seek(0), s2.write("J"), s2.getvalue())
for line in io.StringIO("a\nb\n"): print(repr(line))
print(s2.closed); s2.close(); print(s2.closed)
try: s2.getvalue()
except ValueError as e: print(e)
b = io.BytesIO(b"abc"); b.seek(0, 2); b.write(b"def"); print(b.getvalue(), b.tell(), b.seek(1), b.read(2), b.read())
print(isinstance(io.StringIO(), io.TextIOBase), isinstance(sys.stdout, io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase))
try: io.StringIO().write(5)
except TypeError as e: print(e)
print(io.StringIO("x\r\ny", newline=None).getvalue().split("\n"))
with io.StringIO() as f: print("x", file=f); print(repr(f.getvalue()))
try:
    with ExitStack() as st:
        st.callback(lambda: print("cleanup"))
        raise RuntimeError("in block")
except RuntimeError as e: print("propagated", e)
@contextmanager
def noyield():
    if False: yield
try:
    with noyield(): pass
except RuntimeError as e: print(e)
err = io.StringIO()
with redirect_stderr(err): print("to err", file=sys.stderr)
print(repr(err.getvalue()))
print(isinstance(tag("x"), contextlib.AbstractContextManager), issubclass(io.StringIO, contextlib.AbstractContextManager))
