import heapq, bisect
h = []
for x in [5, 1, 8, 3, 9, 2, 7, 1, 4]: heapq.heappush(h, x)
print(h, heapq.heappop(h), h)
l = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]; heapq.heapify(l); print(l)
print(heapq.heapreplace(l, 10), l, heapq.heappushpop(l, -1), heapq.heappushpop(l, 5), l)
print(heapq.nlargest(3, [1, 8, 2, 23, 7, -4, 18, 23, 42, 37, 2]), heapq.nsmallest(3, [1, 8, 2, 23, 7, -4, 18, 23, 42, 37, 2]))
print(heapq.nsmallest(2, [{'n': 'a', 'p': 3}, {'n': 'b', 'p': 1}, {'n': 'c', 'p': 1}], key=lambda d: d['p']))
print(list(heapq.merge([1, 3, 5, 7], [0, 2, 4, 8], [5, 10, 15])), list(heapq.merge(['a', 'bb'], ['c', 'dd'], key=len)))
print(list(heapq.merge([7, 5, 1], [8, 2], reverse=True)))
tasks = []
heapq.heappush(tasks, (2, 'write')); heapq.heappush(tasks, (1, 'read')); heapq.heappush(tasks, (3, 'exec'))
print([heapq.heappop(tasks) for _ in range(3)])
try: heapq.heappop([])
except IndexError as e: print(e)
try: heapq.heappush((), 1)
except TypeError as e: print(e)
a = [1, 2, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 5), bisect.bisect(a, 0, 1, 3))
bisect.insort(a, 3); bisect.insort_left(a, 4); print(a)
def grade(score, breakpoints=[60, 70, 80, 90], grades='FDCBA'):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
recs = [('a', 1), ('b', 3), ('c', 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1])); bisect.insort(recs, ('z', 4), key=lambda r: r[1]); print(recs)
try: bisect.bisect([], 1, -1)
except ValueError as e: print(e)

data = list(range(50, 0, -3)); heapq.heapify(data); print(data)
