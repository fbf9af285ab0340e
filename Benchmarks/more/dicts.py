# Dictionaries: counting, grouping, merging, comprehensions, key iteration.
words = [f"w{(i * 7919) % 1009}" for i in range(2000)]
counts = {}
groups = {}
for rep in range(60):
    for w in words:
        counts[w] = counts.get(w, 0) + 1
        groups.setdefault(len(w), []).append(w) if rep == 0 else None
squares = {k: v * v for k, v in counts.items() if v % 2 == 0}
merged = {**counts, **squares}
total = 0
for k in merged:
    total += merged[k]
inverted = {}
for k, v in counts.items():
    inverted.setdefault(v, set()).add(k)
lookups = 0
for i in range(300000):
    if f"w{i % 1500}" in counts:
        lookups += 1
print(len(counts), total, sorted(len(v) for v in groups.values()), len(inverted), lookups)
