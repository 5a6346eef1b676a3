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
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return true
    }
}
