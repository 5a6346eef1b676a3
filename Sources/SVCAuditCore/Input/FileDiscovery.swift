#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Expands PATHS (files and directories) into the YAML files to read, in sorted order, so
/// every run sees the same files in the same order whatever the directory listing order is.
public enum FileDiscovery {
    public struct Result: Sendable {
        /// Files to read, as display paths (the given path joined with the relative part).
        public var files = PathList()
        /// Problems with the paths themselves (missing, unreadable, loops).
        public var diagnostics: [Diagnostic] = []
        /// Files inside directories that were not read because they are not `.yaml`/`.yml`.
        public var skipped: [String] = []
        /// Each file's place in byte-wise path order, when that is not its place in `files`
        /// (several PATHS not given in that order); nil when it is.
        public var order: [Int32]?
    }

    public static func isYAMLName(_ name: String) -> Bool {
        name.hasSuffix(".yaml") || name.hasSuffix(".yml")
    }

    /// `isYAMLName` on a name's bytes (the walk's, before any String is made of them).
    static func isYAMLName(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        func ends(_ suffix: StaticString) -> Bool {
            let n = suffix.utf8CodeUnitCount
            return name.count >= n && memcmp(name.baseAddress! + name.count - n, suffix.utf8Start, n) == 0
        }
        return ends(".yaml") || ends(".yml")
    }

    /// `-` stands for standard input and is passed through as is.
    public static func expand(_ paths: [String]) -> Result {
        var result = Result()
        var seenFiles = Set<String>()
        // Where each PATH's files start in `files`: each PATH's own files are in byte order.
        var starts: [Int] = []
        for path in paths {
            starts.append(result.files.count)
            if path == "-" {
                if seenFiles.insert("-").inserted { result.files.append(path: "-") }
                continue
            }
            var st = stat()
            guard stat(path, &st) == 0 else {
                result.diagnostics.append(pathError(path, whyUnreadable(path, errno)))
                continue
            }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                var found = PathList()
                var visited = Visited()
                walk(path, &found, &result, &visited)
                // The walk yields paths in byte order already. One folder cannot list a file
                // twice, so only a second path needs the duplicate check.
                if paths.count == 1 {
                    result.files = found
                } else {
                    for f in found where seenFiles.insert(f).inserted { result.files.append(path: f) }
                }
            } else if seenFiles.insert(path).inserted {
                // A file named explicitly is read whatever its extension: the user asked for it.
                result.files.append(path: path)
            }
        }
        result.skipped.sort(by: pathOrder)
        // A folder inside another PATH is walked twice; its files are kept once, and so are
        // the ones not read.
        if paths.count > 1 {
            var unique: [String] = []
            for p in result.skipped where unique.last != p { unique.append(p) }
            result.skipped = unique
        }
        result.files.trim()
        if paths.count > 1 { result.order = byteOrder(result.files, runs: starts) }
        return result
    }

    /// Each file's place in byte-wise path order, merging the runs (each in byte order
    /// already) by their first paths; nil when the list is in that order as it is. The paths
    /// are made one at a time: a million of them at once would be ~100 MB. The runs' heads
    /// wait in a binary heap, so ten thousand PATHS given one file each (a shell glob, in the
    /// shell's collation rather than byte order) take n log n comparisons, not n².
    static func byteOrder(_ files: PathList, runs starts: [Int]) -> [Int32]? {
        let bounds = zip(starts, starts.dropFirst() + [files.count]).filter { $0 < $1 }
        var inOrder = true
        for k in bounds.indices.dropFirst() where !pathOrder(files[bounds[k - 1].1 - 1], files[bounds[k].0]) { inOrder = false; break }
        if inOrder { return nil }
        typealias Head = (next: Int, end: Int, path: String)
        // Runs never share a path (discovery keeps one of each), so the order is total.
        var heap: [Head] = []
        heap.reserveCapacity(bounds.count)
        func below(_ i: Int, _ j: Int) -> Bool { pathOrder(heap[i].path, heap[j].path) }
        func siftDown(_ start: Int) {
            var i = start
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < heap.count && below(l, m) { m = l }
                if r < heap.count && below(r, m) { m = r }
                if m == i { return }
                heap.swapAt(i, m)
                i = m
            }
        }
        for (start, end) in bounds { heap.append((start, end, files[start])) }
        for i in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(i) }
        var order = [Int32](repeating: 0, count: files.count)
        for place in 0..<files.count {
            order[heap[0].next] = Int32(place)
            heap[0].next += 1
            if heap[0].next < heap[0].end {
                heap[0].path = files[heap[0].next]
            } else {
                heap.swapAt(0, heap.count - 1)
                heap.removeLast()
            }
            if !heap.isEmpty { siftDown(0) }
        }
        return order
    }

    /// Byte-wise order of paths, so `a/b.yaml` < `a-c.yaml` is stable across platforms.
    static func pathOrder(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    private struct DirID: Hashable { let dev: UInt64; let ino: UInt64 }

    /// Directories seen in one walk: each one's first path, and the ones open right now (the
    /// current directory and its parents), to tell a loop from a second link to one folder.
    private struct Visited {
        var firstPath: [DirID: String] = [:]
        var open: Set<DirID> = []
    }

    /// Why `stat` failed on `path` (errno `err`), in words: a loop, a link to nothing, or errno's text.
    static func whyUnreadable(_ path: String, _ err: Int32) -> DiagnosticArg {
        if err == ELOOP { return .phrase("符号链接成环", "symbolic link loop") }
        if err == ENOENT, let target = linkTarget(path) {
            return .phrase("符号链接指向的 '\(target)' 不存在", "dangling symbolic link to '\(target)' (what it points to does not exist)")
        }
        return SystemError.phrase(err)
    }

    /// The target of a symbolic link, nil when `path` is not one.
    static func linkTarget(_ path: String) -> String? {
        var buf = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = buf.withUnsafeMutableBytes { readlink(path, $0.baseAddress!.assumingMemoryBound(to: CChar.self), Int(PATH_MAX)) }
        guard n >= 0 else { return nil }
        return String(decoding: buf[0..<n], as: UTF8.self)
    }

    private static func walk(_ dir: String, _ found: inout PathList, _ result: inout Result, _ visited: inout Visited) {
        var st = stat()
        guard stat(dir, &st) == 0 else {
            result.diagnostics.append(pathError(dir, whyUnreadable(dir, errno)))
            return
        }
        let id = DirID(dev: UInt64(st.st_dev), ino: UInt64(st.st_ino))
        if visited.open.contains(id) {
            result.diagnostics.append(pathError(dir, .phrase("符号链接成环：它指回一个正在读取的文件夹；已跳过", "symbolic link loop: it leads back to a directory already being read; skipped")))
            return
        }
        if let first = visited.firstPath[id] {
            result.diagnostics.append(pathError(dir, .phrase("它与已读取的 '\(first)' 是同一个文件夹；已跳过", "it is the same directory as '\(first)', which is read already; skipped")))
            return
        }
        visited.firstPath[id] = dir
        visited.open.insert(id)
        defer { visited.open.remove(id) }
        guard let d = opendir(dir) else {
            result.diagnostics.append(pathError(dir, SystemError.phrase(errno)))
            return
        }
        defer { closedir(d) }
        // Entries with what readdir says they are (no stat for plain files and folders) and
        // the key they sort by: a folder's name + "/", so that walking in this order yields
        // whole paths already in byte order and no global sort is needed. The keys lie back
        // to back in one buffer and sort by memcmp: a folder of thousands of visit files is
        // then a few allocations, not three per name (the walk is serial work that every
        // reading thread waits for).
        var keys: [UInt8] = []
        var entries: [(start: Int32, count: Int32, type: UInt8)] = []
        while let entry = readdir(d) {
            let start = keys.count
            let ascii = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: UInt8.self, capacity: Int(NAME_MAX) + 1) { p -> Bool in
                    let n = strlen(UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self))
                    keys.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
                    return !UnsafeBufferPointer(start: p, count: n).contains { $0 >= 0x80 }
                }
            }
            if keys.count == start || keys[start] == UInt8(ascii: ".") {
                keys.removeSubrange(start...)  // ".", "..", hidden: .git, editor swap files
                continue
            }
            // Paths are Strings, so a name that is not UTF-8 (GBK names from a Windows zip)
            // cannot be opened: say so, rather than "no such file" for its repaired spelling.
            if !ascii && String(validating: keys[start...], as: UTF8.self) == nil {
                let raw = Array(keys[start...])
                keys.removeSubrange(start...)
                badName(dir, raw, shown: String(decoding: raw, as: UTF8.self), &result)
                continue
            }
            var type = entry.pointee.d_type
            if type != UInt8(DT_REG) && type != UInt8(DT_DIR) {
                // A link, or a file system that does not say: ask stat (errors are reported below).
                var s = stat()
                let name = String(decoding: keys[start...], as: UTF8.self)
                let full = dir.hasSuffix("/") ? dir + name : dir + "/" + name
                type = stat(full, &s) == 0 ? dtType(s.st_mode) : UInt8(DT_UNKNOWN)
            }
            if type == UInt8(DT_DIR) { keys.append(0x2F) }
            entries.append((Int32(start), Int32(keys.count - start), type))
        }
        guard !entries.isEmpty else { return }
        let prefix = dir.hasSuffix("/") ? dir : dir + "/"
        keys.withUnsafeBufferPointer { k in
            let base = k.baseAddress!
            // Every name in a folder is another key (a folder's ends in "/", no name holds one).
            entries.sort { a, b in
                let r = memcmp(base + Int(a.start), base + Int(b.start), Int(min(a.count, b.count)))
                return r != 0 ? r < 0 : a.count < b.count
            }
            for e in entries {
                let key = UnsafeBufferPointer(start: base + Int(e.start), count: Int(e.count))
                if e.type == UInt8(DT_REG) {
                    if isYAMLName(key) { found.append(key, in: prefix) } else { result.skipped.append(prefix + String(decoding: key, as: UTF8.self)) }
                    continue
                }
                let name = String(decoding: e.type == UInt8(DT_DIR) ? UnsafeBufferPointer(rebasing: key.dropLast()) : key, as: UTF8.self)
                let full = prefix + name
                if e.type == UInt8(DT_DIR) {
                    walk(full, &found, &result, &visited)
                    continue
                }
                var s = stat()
                guard stat(full, &s) == 0 else {
                    result.diagnostics.append(pathError(full, whyUnreadable(full, errno)))
                    continue
                }
                let mode = s.st_mode & S_IFMT
                if mode == S_IFREG {
                    if isYAMLName(name) { found.append(name, in: prefix) } else { result.skipped.append(full) }
                } else if isYAMLName(name) {
                    // Opening a named pipe would wait for a writer: never read one found in a folder.
                    let what: (String, String) = mode == S_IFIFO ? ("命名管道", "a named pipe") : mode == S_IFSOCK ? ("套接字", "a socket") : ("设备", "a device")
                    result.diagnostics.append(pathError(full, .phrase("它是\(what.0)，不是普通文件；已跳过", "it is \(what.1), not a regular file; skipped")))
                } else {
                    result.skipped.append(full)
                }
            }
        }
    }

    /// The `d_type` that a `stat` mode stands for (folders and regular files; others as unknown).
    private static func dtType(_ mode: mode_t) -> UInt8 {
        switch mode & S_IFMT {
        case S_IFDIR: return UInt8(DT_DIR)
        case S_IFREG: return UInt8(DT_REG)
        default: return UInt8(DT_UNKNOWN)
        }
    }

    /// A directory entry whose name is not valid UTF-8: an error when it is a folder or a
    /// YAML file (it would have been read), otherwise named among the files not read.
    private static func badName(_ dir: String, _ raw: [UInt8], shown: String, _ result: inout Result) {
        let full = dir.hasSuffix("/") ? dir + shown : dir + "/" + shown
        var bytes = Array(dir.utf8)
        if !dir.hasSuffix("/") { bytes.append(0x2F) }
        bytes += raw + [0]
        var s = stat()
        let isDir = bytes.withUnsafeBufferPointer { p in
            p.withMemoryRebound(to: CChar.self) { stat($0.baseAddress!, &s) == 0 && (s.st_mode & S_IFMT) == S_IFDIR }
        }
        guard isDir || isYAMLName(shown) else {
            result.skipped.append(full)
            return
        }
        let hex = raw.map { ($0 < 0x10 ? "0" : "") + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
        result.diagnostics.append(pathError(full, .phrase(
            "文件名不是有效的 UTF-8（字节 \(hex)）；请用 UTF-8 重新命名（Windows 压缩包里的 GBK 文件名可用 convmv -f gbk -t utf8 转换）",
            "its name is not valid UTF-8 (bytes \(hex)); rename it in UTF-8 (a GBK name from a Windows archive: convmv -f gbk -t utf8)")))
    }

    static func pathError(_ path: String, _ reason: DiagnosticArg) -> Diagnostic {
        Diagnostic(file: path, mark: .start, severity: .error, code: .path, args: ["path": .text(path), "reason": reason])
    }
}

/// The files of a run in path order, packed: each folder's path is kept once, and each
/// file's name is coded against the name before it — the bytes they share at the front and
/// at the back are counted, not stored (`BR1383-20260714-01.yaml` after
/// `BR1383-20260708-01.yaml` is 13 + "14" + 8: 5 bytes). A million files cost ~6 bytes each,
/// where a name's bytes and a 4-byte end took ~45 with the store's growth, and a String object
/// each ~170 (SPEC §5 allows 64 a file). A path is made again as a String when asked for.
public struct PathList: RandomAccessCollection, Equatable, Sendable {
    /// Per name: varint(bytes shared with the previous name's front), varint(shared with its
    /// back), varint(count of the rest), the rest. The first name of each block of
    /// `blockSize` is coded against nothing, so any name is at most a block's decoding away.
    private var store: [UInt8] = []
    /// Where each block starts in `store`.
    private var blocks: [UInt32] = []
    private var count_ = 0
    /// The longest name's length in bytes (room to decode any).
    private var longest = 0
    /// The last name added, to code the next one against.
    private var last: [UInt8] = []
    /// Runs of consecutive files in one folder: the first file's number and the folder's
    /// path with its "/" ("" for a path given whole, which is kept whole as its name).
    private var runs: [(first: Int, prefix: String)] = []
    private static let blockShift = 4

    public init() {}

    public init(_ paths: some Sequence<String>) {
        for p in paths { append(path: p) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count_ }

    public subscript(i: Int) -> String {
        precondition(i >= 0 && i < count_, "PathList index out of range")
        var prefix = runs[run(of: i)].prefix
        return prefix.withUTF8 { p in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: p.count + longest + 1) { buf in
                let b = buf.baseAddress!
                if p.count > 0 { b.update(from: p.baseAddress!, count: p.count) }
                let n = name(i, into: b + p.count)
                return String(decoding: UnsafeBufferPointer(start: b, count: p.count + n), as: UTF8.self)
            }
        }
    }

    /// Writes file `i`'s name at `b` (room for `longest` bytes), decoding its block up to it,
    /// in place: the bytes kept from the back are moved first (they may lie where the new
    /// middle goes), then the middle is copied in. Returns the name's length.
    private func name(_ i: Int, into b: UnsafeMutablePointer<UInt8>) -> Int {
        store.withUnsafeBufferPointer { st in
            var len = 0
            var pos = Int(blocks[i >> Self.blockShift])
            for _ in (i >> Self.blockShift) << Self.blockShift ... i {
                let front = Self.varint(st, &pos), back = Self.varint(st, &pos), rest = Self.varint(st, &pos)
                if back > 0 { memmove(b + front + rest, b + len - back, back) }
                if rest > 0 { (b + front).update(from: st.baseAddress! + pos, count: rest) }
                pos += rest
                len = front + rest + back
            }
            return len
        }
    }

    private static func varint(_ st: UnsafeBufferPointer<UInt8>, _ pos: inout Int) -> Int {
        var v = 0, shift = 0
        while true {
            let b = st[pos]
            pos += 1
            v |= Int(b & 0x7F) << shift
            if b < 0x80 { return v }
            shift += 7
        }
    }

    private mutating func put(_ v: Int) {
        var v = v
        while v >= 0x80 {
            store.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        store.append(UInt8(v))
    }

    /// The run holding file `i`: the last run starting at or before it.
    private func run(of i: Int) -> Int {
        var lo = 0, hi = runs.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if runs[mid].first <= i { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// Adds `prefix + name` (`prefix` ends with "/").
    public mutating func append(_ name: String, in prefix: String) {
        var name = name
        name.withUTF8 { append($0, in: prefix) }
    }

    /// Adds `prefix + name`, the name as its UTF-8 bytes (valid UTF-8).
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, in prefix: String) {
        if runs.last?.prefix != prefix { runs.append((count_, prefix)) }
        if count_ & ((1 << Self.blockShift) - 1) == 0 {
            precondition(store.count <= Int(UInt32.max), "more than 4 GB of file names")
            blocks.append(UInt32(store.count))
            last.removeAll(keepingCapacity: true)
        }
        var front = 0
        let most = Swift.min(last.count, bytes.count)
        while front < most, last[front] == bytes[front] { front += 1 }
        var back = 0
        let mostBack = Swift.min(last.count, bytes.count - front)
        while back < mostBack, last[last.count - 1 - back] == bytes[bytes.count - 1 - back] { back += 1 }
        put(front)
        put(back)
        put(bytes.count - front - back)
        store.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[front..<(bytes.count - back)]))
        last.removeAll(keepingCapacity: true)
        last.append(contentsOf: bytes)
        longest = Swift.max(longest, bytes.count)
        count_ += 1
    }

    /// Gives back the room the stores grew into beyond what they hold (up to half of it).
    public mutating func trim() {
        if store.capacity > store.count + 4096 { store = Self.fitted(store) }
        if blocks.capacity > blocks.count + 1024 { blocks = Self.fitted(blocks) }
    }

    /// A copy with room for its elements only (`Array(a[...])` would hand back the same buffer).
    private static func fitted<T>(_ a: [T]) -> [T] {
        var out: [T] = []
        out.reserveCapacity(a.count)
        out.append(contentsOf: a)
        return out
    }

    /// Adds a path as it was given.
    public mutating func append(path: String) { append(path, in: "") }

    public static func == (a: PathList, b: PathList) -> Bool { a.elementsEqual(b) }
}
