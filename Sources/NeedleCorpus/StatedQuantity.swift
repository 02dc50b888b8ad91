/// A number an article states with its unit: "six months", "one to three days", "4%",
/// "SPF 30", "6 mm", "several weeks".
///
/// Two statements of a fact agree when their quantities are equal: the same number or
/// range, the same unit. Qualifiers around the number ("about", "at least", "or more")
/// are not part of the quantity, so "at least six months" states six months; a vague
/// amount ("several months", "a few days") is its own value and differs from any number.
///
/// ```swift
/// StatedQuantity.all(in: "Wait six to twelve months after it.")  // [6–12 month]
/// StatedQuantity("six months") == StatedQuantity("at least 6 months")  // true
/// ```
public struct StatedQuantity: Sendable, Hashable, CustomStringConvertible {
    /// What a unit measures: only quantities of one dimension are compared.
    public enum Dimension: String, Sendable, Hashable {
        case time, count, percent, spf, length
    }

    /// The lower (or only) number; `nil` for a vague amount.
    public var low: Double?
    /// The upper number of a range.
    public var high: Double?
    /// The vague word ("several", "few") when there is no number.
    public var vague: String?
    /// The unit, singular: "day", "month", "session", "%", "spf".
    public var unit: String
    /// The words as the text gives them ("six to twelve months"); not part of equality.
    public var text: String

    public var dimension: Dimension { Self.units[unit] ?? .count }

    public var description: String { text }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.low == rhs.low && lhs.high == rhs.high && lhs.vague == rhs.vague && lhs.unit == rhs.unit
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(low)
        hasher.combine(high)
        hasher.combine(vague)
        hasher.combine(unit)
    }

    /// The single quantity `text` states, or `nil` when it states none or several.
    public init?(_ text: String) {
        let found = Self.all(in: text)
        guard found.count == 1 else { return nil }
        self = found[0]
    }

    init(low: Double?, high: Double?, vague: String?, unit: String, text: String) {
        self.low = low
        self.high = high
        self.vague = vague
        self.unit = unit
        self.text = text
    }

    /// Every quantity stated in `text`, in order.
    public static func all(in text: String) -> [StatedQuantity] {
        var scanner = QuantityScanner(tokens: tokens(of: text))
        return scanner.scan()
    }

    /// Singular units and what they measure; a plural is the singular plus "s".
    static let units: [String: Dimension] = [
        "minute": .time, "hour": .time, "day": .time, "night": .time, "week": .time, "month": .time, "year": .time,
        "session": .count, "treatment": .count, "visit": .count, "course": .count, "application": .count,
        "%": .percent, "spf": .spf, "mm": .length, "cm": .length,
    ]

    static let numberWords: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15, "sixteen": 16, "eighteen": 18,
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "ninety": 90, "couple": 2,
        "a": 1, "an": 1, "single": 1,
    ]

    static let vagueWords: Set<String> = ["few", "several", "many", "some"]

    /// Lowercased words, numbers (with decimals) and the marks `%` and `-` (any dash).
    static func tokens(of text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        func flush() {
            if !current.isEmpty { tokens.append(current) }
            current = ""
        }
        let characters = Array(text.lowercased())
        for (index, character) in characters.enumerated() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if character == ".", current.last?.isNumber == true,
                      index + 1 < characters.count, characters[index + 1].isNumber {
                current.append(character)
            } else {
                flush()
                if character == "%" { tokens.append("%") }
                if "-–—".contains(character) { tokens.append("-") }
            }
        }
        flush()
        return tokens
    }
}

/// Reads quantities from tokens: `number [- | to | or | and number] [-] unit`,
/// `vague unit` and `spf number`.
private struct QuantityScanner {
    var tokens: [String]
    var position = 0

    mutating func scan() -> [StatedQuantity] {
        var found: [StatedQuantity] = []
        while position < tokens.count {
            let start = position
            if let quantity = quantity() {
                found.append(quantity)
            } else {
                position = start + 1
            }
        }
        return found
    }

    private mutating func quantity() -> StatedQuantity? {
        let start = position
        if tokens[start] == "spf", let value = number(at: start + 1), !isArticle(start + 1) {
            position = start + 2
            return StatedQuantity(low: value, high: nil, vague: nil, unit: "spf", text: text(from: start))
        }
        if StatedQuantity.vagueWords.contains(tokens[start]), let unit = unit(at: start + 1) {
            position = start + 2
            return StatedQuantity(low: nil, high: nil, vague: tokens[start], unit: unit, text: text(from: start))
        }
        guard let low = number(at: start) else { return nil }
        var cursor = start + 1
        if tokens[start] == "couple", token(at: cursor) == "of" { cursor += 1 }
        var high: Double?
        if !isArticle(start), let (upper, next) = rangeEnd(at: cursor) {
            high = upper
            cursor = next
        }
        if token(at: cursor) == "-" { cursor += 1 }
        guard let unit = unit(at: cursor) else { return nil }
        // "a week" is one week, but "a session" or "a course" is rarely a count anyone states.
        if isArticle(start), StatedQuantity.units[unit] != .time { return nil }
        position = cursor + 1
        return StatedQuantity(low: low, high: high, vague: nil, unit: unit, text: text(from: start))
    }

    /// The upper number of a range that continues at `cursor` ("to twelve", "- 2",
    /// "- to eight", "or two") and the index after it.
    private func rangeEnd(at cursor: Int) -> (Double, Int)? {
        var index = cursor
        if token(at: index) == "-" { index += 1 }
        if let word = token(at: index), ["to", "or", "and"].contains(word) { index += 1 }
        guard index > cursor, !isArticle(index), let upper = number(at: index) else { return nil }
        return (upper, index + 1)
    }

    private func token(at index: Int) -> String? {
        index < tokens.count ? tokens[index] : nil
    }

    private func isArticle(_ index: Int) -> Bool {
        token(at: index) == "a" || token(at: index) == "an"
    }

    private func number(at index: Int) -> Double? {
        guard let token = token(at: index) else { return nil }
        // Digits only: Double("nan") and Double("inf") parse, and words are looked up instead.
        if token.first?.isNumber == true { return Double(token) }
        return StatedQuantity.numberWords[token]
    }

    private func unit(at index: Int) -> String? {
        guard let token = token(at: index) else { return nil }
        if token == "percent" { return "%" }
        if StatedQuantity.units[token] != nil { return token }
        if token.hasSuffix("s"), StatedQuantity.units[String(token.dropLast())] != nil { return String(token.dropLast()) }
        return nil
    }

    private func text(from start: Int) -> String {
        tokens[start..<position].joined(separator: " ").replacingOccurrences(of: " %", with: "%")
    }
}
