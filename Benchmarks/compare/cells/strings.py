text = ""
for i in range(100000):
    text += f"{i % 10},"
