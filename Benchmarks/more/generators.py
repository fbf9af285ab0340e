# Generators: pipelines, yield from, generator expressions, send.
def numbers(n):
    for i in range(n):
        yield i

def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x

def scaled(src, k):
    yield from (x * k for x in src)

def chunks(src, size):
    buf = []
    for x in src:
        buf.append(x)
        if len(buf) == size:
            yield buf
            buf = []
    if buf:
        yield buf

def averager():
    total, count, avg = 0, 0, None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total / count

total = sum(scaled(evens(numbers(600000)), 3))
sizes = sum(len(c) for c in chunks(numbers(200000), 7))
acc = averager()
next(acc)
for v in range(200000):
    last = acc.send(v)
print(total, sizes, last, max(x * x % 1000 for x in range(300000)))
