import SVCAuditCore
print("svcaudit \(SVCAudit.version)")
