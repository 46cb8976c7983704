xs = []
for i in range(500000):
    xs.append(float(i) * 2.0)
