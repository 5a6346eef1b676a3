/// 星级 (SPEC §2.6): for an eligible entry, the highest level whose threshold is at or below
/// its ranking score; none below every level, and none at all for an ineligible entry.
extension Policy {
    public func stars(for score: Double?, eligible: Bool) -> Int? {
        guard eligible, let score else { return nil }
        return stars.filter { $0.value <= score }.map(\.key).max()
    }
}
