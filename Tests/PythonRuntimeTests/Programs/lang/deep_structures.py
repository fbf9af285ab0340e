# Deeply nested and very long chained structures: freeing them must not
# exhaust the native stack, and recursive operations raise RecursionError.
import copy, json, pickle

nested = []
for _ in range(300000):
    nested = [nested]
print("nested list built")
for name, op in [("repr", repr), ("str", str), ("json", json.dumps), ("pickle", pickle.dumps)]:
    try:
        op(nested)
        print(name, "returned")
    except RecursionError as e:
        print(name, "RecursionError")
other = []
for _ in range(300000):
    other = [other]
try:
    print(nested == other)
except RecursionError as e:
    print(e)
nested = other = None
print("nested lists freed")

class Node:
    __slots__ = ("next",)
    def __init__(self, nxt):
        self.next = nxt

class Plain:
    def __init__(self, nxt):
        self.next = nxt

for cls in (Node, Plain):
    head = None
    for _ in range(300000):
        head = cls(head)
    n = 0
    node = head
    while node is not None:
        n += 1
        node = node.next
    head = None
    print(cls.__name__, "chain of", n, "freed")

t = ()
d = {}
for _ in range(300000):
    t = (t,)
    d = {"d": d}
t = d = None
print("tuples and dicts freed")
