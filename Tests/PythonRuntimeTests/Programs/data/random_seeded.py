# Seeded sequences must match CPython's Mersenne Twister bit for bit.
import random

for s in [0, 1, 42, 2**32, 2**64 + 5, -7, 12345678901234567890123, "hello", b"bytes", bytearray(b"x"), 3.5, ""]:
    random.seed(s)
    print(repr(s), random.random(), random.getrandbits(70), random.randint(1, 100), random.randrange(0, 100, 7))

r = random.Random(99)
print([r.random() for _ in range(3)])
print(r.choice("abcdef"), r.choices(range(10), k=5), r.choices("abc", [1, 2, 3], k=6),
      r.choices("abc", cum_weights=[1, 2, 10], k=4))
l = list(range(20))
r.shuffle(l)
print(l)
print(r.sample(range(100), 10))
print(r.sample(range(10000), 30))
print(r.sample("abcdefgh", 3), r.sample(['a', 'b'], counts=[3, 2], k=4))
print(r.uniform(1, 5), r.triangular(0, 10, 3), r.gauss(), r.gauss(5, 2), r.normalvariate(1, 2), r.expovariate(2))
print(r.betavariate(2, 3), r.gammavariate(0.5, 1), r.gammavariate(1, 2), r.gammavariate(3, 2), r.lognormvariate(0, 1))
print(r.vonmisesvariate(1, 2), r.paretovariate(3), r.weibullvariate(1, 2), r.randbytes(5))
print(r.getrandbits(0), r.getrandbits(32), r.getrandbits(33), r.getrandbits(64), r.getrandbits(200))

st = r.getstate()
a = [r.random() for _ in range(3)]
r.setstate(st)
print(a == [r.random() for _ in range(3)])
print(len(st), st[0], len(st[1]), st[1][-1], st[2])

random.seed(5, version=1)
print(random.random())
random.seed("abc", version=1)
print(random.random())

# Many seeds, every distribution.
total = []
for s in list(range(60)) + [2**k + 1 for k in range(20, 300, 23)] + ["s%d" % i for i in range(10)]:
    g = random.Random(s)
    total.append((g.random(), g.getrandbits(5), g.getrandbits(100), g.randrange(10**30), g.randint(-5, 5),
                  g.sample(range(50), 7), g.sample(range(1000), 8), g.choices("abcdefg", k=3),
                  g.choices(range(4), weights=[0.1, 0.2, 0.3, 0.4], k=3), g.gauss(), g.normalvariate(),
                  g.expovariate(1.5), g.gammavariate(2.5, 1.0), g.gammavariate(0.3, 1.0), g.betavariate(0.5, 0.5),
                  g.vonmisesvariate(0, 4), g.triangular(), g.uniform(-1, 1)))
for t in total[::7]:
    print(t)
print(len(total))

# Subclass overriding random(): _randbelow uses random() only.
class Half(random.Random):
    def random(self):
        return 0.5
print(Half().randrange(10), Half().choice([1, 2, 3]))

class Counter(random.Random):
    def __init__(self):
        super().__init__(7)
        self.calls = 0
    def getrandbits(self, k):
        self.calls += 1
        return super().getrandbits(k)
c = Counter()
print(c.randrange(1000), c.calls)

# Module-level functions share one generator.
random.seed(2024)
x = random.random()
random.seed(2024)
print(x == random.random(), random.randint(1, 6), random.choice(["rock", "paper", "scissors"]))

try:
    random.choice([])
except IndexError as e:
    print("IndexError", e)
for bad in [(0,), (5, 5), (5, 1, 2), (1, 10, 0), (3.5,), (1, 5.5)]:
    try:
        random.randrange(*bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    random.seed([1])
except TypeError as e:
    print(e)
try:
    random.sample({1, 2}, 1)
except TypeError as e:
    print(e)
try:
    random.sample([1, 2], 3)
except ValueError as e:
    print(e)
try:
    random.choices([1, 2], 3)
except TypeError as e:
    print(e)
try:
    random.choices([1, 2], [1], k=2)
except ValueError as e:
    print(e)
try:
    random.getrandbits(-1)
except ValueError as e:
    print(e)
try:
    random.Random().setstate((3, (1, 2), None))
except ValueError as e:
    print(e)
try:
    random.setstate((9, (), None))
except ValueError as e:
    print(e)
try:
    random.SystemRandom().getstate()
except NotImplementedError as e:
    print(e)
sr = random.SystemRandom()
print(0.0 <= sr.random() < 1.0, 0 <= sr.randrange(10) < 10, len(sr.randbytes(4)))
