import Foundation

/// `--files-from`: PATHS read from a list, one a line, so that thousands of names do not go
/// through the argument parser (quadratic in the number of positionals). The names it gives
/// go to FileDiscovery.expand like positional PATHS; nothing here walks or sorts.
public enum PathListFile {
    public enum Failure: Error, Equatable {
        case missing
        case isDirectory
        case unreadable(reason: String)
        /// 1-based line number.
        case notUTF8(line: Int)
        /// A `-` entry (one visit on standard input) in a list that is itself standard input.
        case stdinEntry(line: Int)
    }

    /// The list at `path` (`-`: standard input), read whole and split in one pass.
    public static func read(_ path: String) -> Result<[String], Failure> {
        if path == "-" {
            return parse(FileHandle.standardInput.readDataToEndOfFile(), fromStdin: true)
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return .failure(.missing) }
        if isDir.boolValue { return .failure(.isDirectory) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(.unreadable(reason: String(cString: strerror(access(path, R_OK) == 0 ? EIO : errno))))
        }
        return parse(data, fromStdin: false)
    }

    /// One name a line; blank lines skipped; a trailing `\r` (lists saved on Windows) and a
    /// leading UTF-8 BOM removed. Linear in the size of the list.
    public static func parse(_ data: Data, fromStdin: Bool) -> Result<[String], Failure> {
        var names: [String] = []
        var failure: Failure?
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
            var line = 0
            while start < bytes.count {
                line += 1
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                var stop = end
                if stop > start, bytes[stop - 1] == 0x0D { stop -= 1 }
                if stop > start {
                    guard let name = String(validating: UnsafeBufferPointer(rebasing: bytes[start..<stop]), as: UTF8.self) else {
                        failure = .notUTF8(line: line); return
                    }
                    if fromStdin, name == "-" { failure = .stdinEntry(line: line); return }
                    names.append(name)
                }
                start = end + 1
            }
        }
        if let failure { return .failure(failure) }
        return .success(names)
    }
}
