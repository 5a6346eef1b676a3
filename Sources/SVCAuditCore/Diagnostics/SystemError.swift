#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An errno in both languages: the common ones said in Chinese, the rest as the C library says them.
public enum SystemError {
    public static func phrase(_ err: Int32) -> DiagnosticArg {
        let en = String(cString: strerror(err))
        let zh: String
        switch err {
        case ENOENT: zh = "不存在"
        case EACCES, EPERM: zh = "没有读取权限"
        case EISDIR: zh = "这是文件夹"
        case ENOTDIR: zh = "路径中有一段不是文件夹"
        case ELOOP: zh = "符号链接成环"
        case EIO: zh = "读写出错（磁盘故障？）"
        case ENOMEM: zh = "内存不足"
        case EMFILE, ENFILE: zh = "打开的文件过多"
        case ENAMETOOLONG: zh = "文件名太长"
        default: zh = en
        }
        return .phrase(zh, en)
    }
}
