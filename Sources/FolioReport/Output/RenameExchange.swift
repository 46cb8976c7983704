import Foundation

/// Swapping two paths in one atomic step: Linux's `renameat2(…, RENAME_EXCHANGE)`, looked up
/// in the C library at run time (Swift's Glibc module does not declare it).
enum RenameExchange {
    private typealias Function = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    private static let function: Function? = {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: Function.self)
        #else
        return nil
        #endif
    }()

    /// `RENAME_EXCHANGE` in `<linux/fs.h>`.
    private static let exchangeFlag: UInt32 = 1 << 1

    /// Exchanges `a` and `b` (both must exist); false when the system or the file system
    /// cannot, and nothing changed.
    static func swap(_ a: URL, _ b: URL) -> Bool {
        guard let function else { return false }
        return function(AT_FDCWD, a.path, AT_FDCWD, b.path, exchangeFlag) == 0
    }
}
