var xs: [Double] = []
for i in 0..<200000 { xs.append(Double(i)) }
let total = xs.map { $0 * 2.0 }.filter { $0 > 1000.0 }.reduce(0.0) { $0 + $1 }
total
