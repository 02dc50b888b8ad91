import NeedleCorpus
import Testing

@Suite struct StatedQuantityTests {
    @Test(arguments: [
        ("Wait six months.", "6 month"),
        ("Wait at least 6 months or more.", "6 month"),
        ("It takes six to twelve months.", "6-12 month"),
        ("A four- to eight-month course.", "4-8 month"),
        ("Allow 24 to 48 hours.", "24-48 hour"),
        ("One or two sessions.", "1-2 session"),
        ("For 1–2 weeks.", "1-2 week"),
        ("For a week.", "1 week"),
        ("For several months.", "several month"),
        ("For a few days.", "few day"),
        ("Strengths of 2% or 0.05%.", "2 %|0.05 %"),
        ("Use SPF 30 or higher.", "30 spf"),
        ("A couple of days.", "2 day"),
        ("Larger than about 6 mm.", "6 mm"),
    ])
    func readsQuantities(text: String, expected: String) {
        let found = StatedQuantity.all(in: text).map(Self.render).joined(separator: "|")
        #expect(found == expected)
    }

    @Test(arguments: ["Apply it once.", "Use a course of antibiotics.", "On day three.", "Two or more sessions.", "nan days, inf weeks"])
    func findsNoQuantityWithoutANumberBeforeAUnit(text: String) {
        #expect(StatedQuantity.all(in: text).isEmpty)
    }

    @Test func wordsAndDigitsAreTheSameQuantity() {
        #expect(StatedQuantity("three to four months") == StatedQuantity("3 to 4 months"))
        #expect(StatedQuantity("six months") != StatedQuantity("six to twelve months"))
        #expect(StatedQuantity("six months") != StatedQuantity("several months"))
        #expect(StatedQuantity("six months") != StatedQuantity("six weeks"))
        #expect(StatedQuantity("4 percent") == StatedQuantity("4%"))
    }

    @Test func textWithNoneOrSeveralQuantitiesIsNotOne() {
        #expect(StatedQuantity("soon") == nil)
        #expect(StatedQuantity("two days and three weeks") == nil)
    }

    private static func render(_ quantity: StatedQuantity) -> String {
        func number(_ value: Double) -> String {
            value == value.rounded() ? String(Int(value)) : String(value)
        }
        let amount = quantity.vague ?? (quantity.low.map(number) ?? "") + (quantity.high.map { "-" + number($0) } ?? "")
        return amount + " " + quantity.unit
    }
}
