#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The progress line of a long run (SPEC §3, issue 12): on a terminal's stderr only — never
/// in a pipe, a file or cron — and only after about a second, so short runs stay silent.
/// "读取 12,345 / 250,000 个文件（4.9%）· 每秒 8,200 个 · 约剩 29 秒", redrawn in place; with
/// NO_COLOR or TERM=dumb a plain line without escape codes every few seconds instead.
///
/// The input pipeline calls `update(done:total:)` once per file read (from one thread);
/// `finish()` clears the line before the result is written.
public final class ProgressLine: @unchecked Sendable {
    /// The line being shown, so an error message can clear it first.
    nonisolated(unsafe) public static var current: ProgressLine?

    let lang: Language
    let plain: Bool
    let delay: Double
    private let start: Double
    private var lastDraw = 0.0
    private var shown = false
    private var lastLength = 0
    private let lock = NSLock()
    /// Where the line goes (stderr), and the clock: both replaceable for tests.
    let write: (String) -> Void
    let now: () -> Double

    public init(lang: Language, plain: Bool, delay: Double = 1, now: @escaping () -> Double = ProgressLine.monotonic,
                write: @escaping (String) -> Void) {
        self.lang = lang
        self.plain = plain
        self.delay = delay
        self.now = now
        self.write = write
        start = now()
    }

    /// A progress line on standard error when it is a terminal; nil otherwise.
    public static func forStandardError(lang: Language) -> ProgressLine? {
        guard isatty(2) == 1 else { return nil }
        let line = ProgressLine(lang: lang, plain: Terminal.plain(ProcessInfo.processInfo.environment)) { s in
            _ = StandardStream.write(Data(s.utf8), to: 2)
        }
        current = line
        return line
    }

    public static func monotonic() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// The hook the input pipeline calls: `done` files of `total` read so far.
    public func update(done: Int, total: Int) {
        let t = now()
        let elapsed = t - start
        guard elapsed >= delay, total > 0 else { return }
        lock.lock(); defer { lock.unlock() }
        let every = plain ? 5.0 : 0.1
        guard !shown || t - lastDraw >= every || done == total else { return }
        lastDraw = t
        let text = Self.text(done: done, total: total, elapsed: elapsed, lang: lang)
        if plain {
            write(text + "\n")
        } else {
            // Back to the start of the line and clear it: the line redraws itself in place.
            write("\r\u{1B}[K" + text)
        }
        shown = true
        lastLength = DisplayWidth.of(text)
    }

    /// Removes the line (a terminal line ends where the next output starts).
    public func finish() {
        lock.lock(); defer { lock.unlock() }
        clearLocked()
        if Self.current === self { Self.current = nil }
    }

    public func clear() {
        lock.lock(); defer { lock.unlock() }
        clearLocked()
    }

    private func clearLocked() {
        guard shown else { return }
        if !plain { write("\r\u{1B}[K") }
        shown = false
    }

    /// The line itself: files read of total, share, rate and time left.
    static func text(done: Int, total: Int, elapsed: Double, lang: Language) -> String {
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let pct = Num.fixed2(100 * Double(done) / Double(max(total, 1))).dropLast() // one decimal
        let left = rate > 0 ? Double(total - done) / rate : nil
        let leftText = left.map { duration($0, lang) } ?? "—"
        if lang == .zh {
            return "读取 \(grouped(done)) / \(grouped(total)) 个文件（\(pct)%）· 每秒 \(grouped(Int(rate.rounded()))) 个 · 约剩 \(leftText)"
        }
        return "read \(grouped(done)) of \(grouped(total)) files (\(pct)%) · \(grouped(Int(rate.rounded()))) files/s · about \(leftText) left"
    }

    /// 12,345.
    static func grouped(_ n: Int) -> String {
        var s = String(n), out = ""
        while s.count > 3 { out = "," + s.suffix(3) + out; s.removeLast(3) }
        return s + out
    }

    /// 29 秒, 2 分 05 秒 / 29 s, 2 min 05 s.
    static func duration(_ seconds: Double, _ lang: Language) -> String {
        let s = Int(seconds.rounded(.up))
        if s < 60 { return lang == .zh ? "\(s) 秒" : "\(s) s" }
        let m = s / 60, r = s % 60
        let rs = r < 10 ? "0\(r)" : "\(r)"
        return lang == .zh ? "\(m) 分 \(rs) 秒" : "\(m) min \(rs) s"
    }
}
