import Foundation

/// A fresh folder under the system temp directory, removed (permissions restored first) when
/// the value goes away. Hostile inputs with odd bytes, links or modes are made here at test
/// time rather than committed.
final class HostileDir {
    let url: URL
    var path: String { url.path }

    init(_ label: String = "hostile") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("svcaudit-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        // A test may leave a folder at mode 000; make everything removable again.
        if let e = FileManager.default.enumerator(atPath: path) {
            chmod(path, 0o755)
            while let rel = e.nextObject() as? String { chmod(path + "/" + rel, 0o755) }
        }
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `bytes` to `name` (folders created as needed); returns the full path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file.path
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Array(text.utf8))
    }

    func mkdir(_ name: String) throws -> String {
        let dir = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.path
    }

    /// `name` -> `target` (a relative target is relative to the link's folder).
    func symlink(_ name: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: url.appendingPathComponent(name).path, withDestinationPath: target)
    }

    /// Whether file permissions stop this process (false when running as root, where
    /// chmod 000 does not block reading).
    static let permissionsApply: Bool = {
        if getuid() == 0 { return CLI.unprivilegedPrefix != nil }  // as root: via setpriv, as nobody
        guard let dir = try? HostileDir("probe") else { return false }
        guard let f = try? dir.write("probe.yaml", "x: 1\n") else { return false }
        chmod(f, 0)
        let fd = open(f, O_RDONLY)
        if fd >= 0 { close(fd); return false }
        return true
    }()
}
