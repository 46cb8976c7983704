var counts: [Int: Int] = [:]
for i in 0..<300000 {
    let k = i % 97
    counts[k] = counts[k, default: 0] + 1
}
counts.count
