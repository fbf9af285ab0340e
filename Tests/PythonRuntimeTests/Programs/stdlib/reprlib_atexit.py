import reprlib, atexit
print(reprlib.repr(list(range(100))), reprlib.repr('a' * 100), reprlib.repr({i: i for i in range(10)}), reprlib.repr(set(range(20))), reprlib.repr((1,)), reprlib.repr(10**50))
r = reprlib.Repr(); r.maxlist = 3; print(r.repr([1, [2, [3, [4, [5, [6, [7, [8]]]]]]], 9, 10]))
class X:
    def __init__(self): self.items = [self]
    @reprlib.recursive_repr()
    def __repr__(self): return f"X({self.items})"
print(X())
def bye(n): print("bye", n)
print(atexit.register(bye, 1) is bye)
atexit._run_exitfuncs(); print(atexit._ncallbacks())
