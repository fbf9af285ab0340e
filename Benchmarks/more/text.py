# Text processing: split, join, formatting, f-strings, replace, case, find.
lines = [f"{i:05d},name{i % 97},{i * 3.25:.2f},{'yes' if i % 3 else 'no'}" for i in range(60000)]
total = 0.0
names = {}
out = []
for line in lines:
    ident, name, amount, flag = line.split(",")
    total += float(amount)
    names[name] = names.get(name, 0) + (flag == "yes")
    out.append("{:>8}|{:<10}|{}".format(ident.lstrip("0") or "0", name.upper(), flag.replace("y", "Y")))
report = "\n".join(out)
hits = sum(1 for l in out if l.find("NAME1") >= 0)
words = report.lower().split()
print(round(total, 2), len(names), hits, len(report), len(words), report[:40].strip())
