#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

public enum Terminal {
    /// Colour only on a terminal, and not when NO_COLOR (https://no-color.org) is set to
    /// anything non-empty or TERM is "dumb" (Emacs shells, some CI logs).
    public static func colorEnabled(fd: Int32 = 1) -> Bool {
        colorEnabled(isTTY: isatty(fd) == 1, environment: ProcessInfo.processInfo.environment)
    }

    static func colorEnabled(isTTY: Bool, environment: [String: String]) -> Bool {
        guard isTTY else { return false }
        return !plain(environment)
    }

    /// NO_COLOR or TERM=dumb: no escape codes at all.
    static func plain(_ environment: [String: String]) -> Bool {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return true }
        return environment["TERM"] == "dumb"
    }

    /// The width a table on this terminal fits: `$COLUMNS` when set, else the tty's own
    /// (TIOCGWINSZ on `fd`), else 80.
    public static func width(fd: Int32 = 1) -> Int {
        width(columns: ProcessInfo.processInfo.environment["COLUMNS"], tty: ttyColumns(fd))
    }

    static func width(columns: String?, tty: Int?) -> Int {
        if let c = columns.flatMap(Int.init), c > 0 { return c }
        if let t = tty, t > 0 { return t }
        return 80
    }

    private static func ttyColumns(_ fd: Int32) -> Int? {
        var ws = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 else { return nil }
        return Int(ws.ws_col)
    }
}
