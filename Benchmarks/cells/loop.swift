var s = 0.0
for i in 0..<1000000 { s += Double(i) * 0.5 }
s
