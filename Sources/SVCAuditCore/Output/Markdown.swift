public enum Markdown {
    /// Escapes inline text so names and notes never turn into emphasis, links, HTML or
    /// table cells: `\ * _ [ ] < > | `` ` get a backslash, and so does a leading `#`.
    public static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            if "\\*_[]<>|`".contains(c) { out.append("\\") }
            out.append(c)
        }
        if out.hasPrefix("#") { out = "\\" + out }
        return out
    }
}
