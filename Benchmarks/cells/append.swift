var xs: [Double] = []
for i in 0..<500000 {
    xs.append(Double(i) * 2.0)
}
xs.count
