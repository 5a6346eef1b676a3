/// A chart of the document model, drawn as inline SVG in HTML (`SVGChart`).
///
/// The chart says what it shows: a title, an axis title with its unit, the category axis
/// title, and the pass mark as a drawn line where one applies. How the value axis is chosen
/// is part of the model (`Axis`), so every chart of a kind reads the same way.
public struct Chart: Sendable {
    public enum Kind: Sendable {
        /// Horizontal bars, one per label (branches by mean score, items by deductions).
        case bars(labels: [String], values: [Double?])
        /// Vertical bars of counts, one per bin, touching (a distribution).
        case histogram(labels: [String], counts: [Int])
        /// One line per series over the x labels (months, visit dates); nil breaks the line.
        case line(x: [String], series: [Series])
        /// Horizontal bars from zero to a signed value (an inspector's offset from the
        /// others): labels carry their sign, the axis is symmetric about zero.
        case diverging(labels: [String], values: [Double?])
        /// A grid of marks, a row per label and a column per slot (a coverage calendar: each
        /// branch, each day or week). `legend` names what each tone means.
        case grid(rows: [String], columns: [String], cells: [[Mark]], legend: [(Tone, String)])
    }

    /// One cell of a grid: its tone (good: met, bad: missed, muted: not required) and tooltip.
    public struct Mark: Sendable {
        public var tone: Tone
        public var tip: String
        public init(_ tone: Tone, _ tip: String) { self.tone = tone; self.tip = tip }
    }

    public struct Series: Sendable {
        public var name: String
        public var values: [Double?]
        public init(_ name: String, _ values: [Double?]) { self.name = name; self.values = values }
    }

    /// How the value axis is chosen.
    public enum Axis: Sendable, Equatable {
        /// From zero (counts, deductions): a bar's length is its value.
        case fromZero
        /// Around the data, so real differences show: the range covers the values (and the
        /// pass mark), spans at least `minSpan` so a 2-point wobble is not drawn as a cliff,
        /// and stays inside `limits` (0–100 for scores, when the values allow). When it
        /// does not start at zero the chart states its baseline.
        case fit(minSpan: Double, limits: ClosedRange<Double>?)
        /// Symmetric about zero (offsets).
        case symmetric(minSpan: Double)
    }

    public var title: String
    public var kind: Kind
    /// The value axis title with its unit: 平均得分（分）, 扣分次数（次）.
    public var valueTitle: String
    /// The category axis title: 网点, 月份.
    public var categoryTitle: String
    public var axis: Axis
    /// A reference line: the pass mark (达标线 85 分).
    public var passMark: (value: Double, label: String)?
    /// Shown after values on the bars (e.g. "%"); empty for plain numbers.
    public var valueSuffix: String

    public init(title: String, kind: Kind, valueTitle: String, categoryTitle: String, axis: Axis,
                passMark: (value: Double, label: String)? = nil, valueSuffix: String = "") {
        self.title = title
        self.kind = kind
        self.valueTitle = valueTitle
        self.categoryTitle = categoryTitle
        self.axis = axis
        self.passMark = passMark
        self.valueSuffix = valueSuffix
    }

    /// The axis a score chart uses: at least 10 points wide, within 0–100 when it can be.
    public static let scoreAxis = Axis.fit(minSpan: 10, limits: 0...100)
    /// Rates in percent: at least 10 points wide, within 0–100.
    public static let rateAxis = Axis.fit(minSpan: 10, limits: 0...100)
}
