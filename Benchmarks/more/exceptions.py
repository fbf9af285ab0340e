# Exceptions and context managers in loops: raise, catch, finally, with.
class Invalid(Exception):
    def __init__(self, value):
        super().__init__(f"invalid {value}")
        self.value = value

class Tracker:
    def __init__(self):
        self.depth = 0
        self.entered = 0
    def __enter__(self):
        self.depth += 1
        self.entered += 1
        return self
    def __exit__(self, kind, value, tb):
        self.depth -= 1
        return kind is KeyError

def check(x):
    if x % 5 == 0:
        raise Invalid(x)
    return x

tracker = Tracker()
bad = good = finals = swallowed = 0
data = {}
for i in range(200000):
    try:
        good += check(i)
    except Invalid as e:
        bad += e.value % 3
    finally:
        finals += 1
    with tracker:
        if i % 11 == 0:
            data[i]
        swallowed += 1
print(good, bad, finals, swallowed, tracker.entered, tracker.depth)
