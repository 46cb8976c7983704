s = 0.0
for i in range(1000000):
    s += float(i) * 0.5
