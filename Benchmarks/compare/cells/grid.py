total = 0.0
for i in range(600):
    for j in range(600):
        x = float(i) * 0.01
        y = float(j) * 0.01
        if x < y:
            total += x * y
        else:
            total -= x - y
