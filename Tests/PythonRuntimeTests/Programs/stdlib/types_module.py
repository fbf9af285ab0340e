import types, sys
def f(): pass
class C:
    def m(self): pass
print(isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType), isinstance(C().m, types.MethodType), isinstance(sys, types.ModuleType))
print(isinstance(lambda: 0, types.LambdaType), type(f.__code__) is types.CodeType, isinstance((x for x in []), types.GeneratorType), types.NoneType, types.EllipsisType, types.NotImplementedType)
ns = types.SimpleNamespace(a=1, b='x'); ns.c = [1]; print(ns, ns.a, ns == types.SimpleNamespace(a=1, b='x', c=[1]))
mp = types.MappingProxyType({'k': 1}); print(mp['k'], len(mp), list(mp), 'k' in mp)
try: mp['z'] = 2
except TypeError as e: print('TypeError')
bm = types.MethodType(lambda self, x: (self, x), 'obj'); print(bm(5))
M = types.ModuleType('mymod', 'doc'); M.x = 1; print(M.__name__, M.__doc__, M.x)
def body(ns): ns['greet'] = lambda self: 'hi'
K = types.new_class('K', (object,), exec_body=body); print(K.__name__, K().greet())
print(types.resolve_bases((int, str)), types.prepare_class('X')[0])
print(types.GenericAlias(list, (int,)), list[int] == types.GenericAlias(list, (int,)), int | str, type(int | str) is types.UnionType)
print(types.get_original_bases(K))
