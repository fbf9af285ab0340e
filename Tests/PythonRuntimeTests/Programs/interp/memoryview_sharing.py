from concurrent import interpreters
b = bytearray(b"hello")
m = memoryview(b)
m[1] = ord('a')
s = m[2:4]
s[0] = ord('X')
print(b, s.tobytes(), s.obj is b, m.readonly, len(s))
interp = interpreters.create()
interp.prepare_main(view=m)
interp.exec("view[0] = ord('J'); print(view.readonly, bytes(view))")
print(b)
q = interpreters.create_queue()
q.put(m[1:3])
interp.prepare_main(q=q)
interp.exec("v = q.get(); v[0] = ord('E'); print(v.tobytes())")
print(b)
rm = memoryview(b"abc")
interp.prepare_main(r=rm)
interp.exec("print(r.readonly, r.tobytes())\ntry:\n    r[0] = 1\nexcept TypeError as e:\n    print(e)")
m.release()
try:
    m[0]
except ValueError as e:
    print(e)
