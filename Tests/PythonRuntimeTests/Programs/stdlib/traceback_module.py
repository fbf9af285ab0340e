import traceback, sys
def f():
    raise ValueError("boom")
def g():
    f()
try:
    g()
except ValueError:
    print(traceback.format_exc())
    traceback.print_exc(file=sys.stdout)
try:
    g()
except Exception as e:
    print(traceback.format_exception_only(e))
    print(''.join(traceback.format_exception(e)))
    print(len(traceback.format_exception(e)))
    tb = e.__traceback__
    print([(fs.name, fs.lineno, fs.line) for fs in traceback.extract_tb(tb)])
    print(traceback.format_tb(tb)[-1], end='')
    print(traceback.extract_tb(tb)[0])
def h():
    try:
        raise KeyError('k')
    except KeyError as e:
        raise RuntimeError("wrapped") from e
try:
    h()
except RuntimeError as e:
    traceback.print_exception(e, file=sys.stdout)
    traceback.print_exception(e, file=sys.stdout, chain=False)
print(traceback.format_exception_only(ValueError("x")), traceback.format_exception_only(KeyError('k')))
try:
    try:
        raise ZeroDivisionError('z')
    except ZeroDivisionError:
        g()
except ValueError as e:
    print(''.join(traceback.format_exception(e)), end='')
print(repr(traceback.format_exc()))
te = traceback.TracebackException.from_exception(ValueError("te"))
print(list(te.format_exception_only()), str(te))
stack = traceback.extract_stack()
print(type(stack).__name__, stack[-1].name)
