var total = 0.0
for i in 0..<600 {
    for j in 0..<600 {
        let x = Double(i) * 0.01
        let y = Double(j) * 0.01
        if x < y {
            total += x * y
        } else {
            total -= x - y
        }
    }
}
total
