counts = {}
for i in range(300000):
    k = i % 97
    counts[k] = counts.get(k, 0) + 1
