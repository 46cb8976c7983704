var text = ""
for i in 0..<100000 {
    text += "\(i % 10),"
}
text.count
