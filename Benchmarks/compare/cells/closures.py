from functools import reduce
xs = []
for i in range(200000):
    xs.append(float(i))
total = reduce(lambda a, b: a + b, list(filter(lambda x: x > 1000.0, list(map(lambda x: x * 2.0, xs)))), 0.0)
