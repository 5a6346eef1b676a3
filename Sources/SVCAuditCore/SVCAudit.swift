/// Namespace for product-wide constants.
public enum SVCAudit {
    public static let version = "0.1.0"
}
