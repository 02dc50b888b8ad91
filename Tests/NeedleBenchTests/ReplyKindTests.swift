import NeedleBench
import Testing

@Suite struct ReplyKindTests {
    @Test(arguments: [
        (#"{"hits":[],"id":1,"ok":true,"total":0}"#, ReplyKind.ok),
        (#"{"error":{"code":"unknown_op","message":"no op ask"},"id":2,"ok":false}"#, .unsupported),
        (#"{"error":{"code":"bad_request","message":"q"},"id":3,"ok":false}"#, .failed),
        ("not json", .failed),
        ("", .failed),
    ])
    func aReplyIsReadFromItsOkAndErrorCode(line: String, kind: ReplyKind) {
        #expect(ReplyKind(Array(line.utf8)[...]) == kind)
    }

    @Test func onlyTheLineGivenIsRead() {
        let bytes = Array(#"{"id":1,"ok":false}{"id":2,"ok":true}"#.utf8)
        #expect(ReplyKind(bytes[0..<19]) == .failed)
        #expect(ReplyKind(bytes[19...]) == .ok)
    }
}
