import NeedleProtocol
@testable import NeedleServer
import Testing

@Suite struct PeerCredentialsTests {
    private func configuration(users: Set<UInt32> = [], groups: Set<UInt32> = []) -> ServerConfiguration {
        var configuration = ServerConfiguration(socketPath: "/tmp/unused.sock")
        configuration.allowedUsers = users
        configuration.allowedGroups = groups
        return configuration
    }

    @Test(arguments: [
        ([], [], true),
        ([1000], [], true),
        ([1001], [], false),
        ([], [100], true),
        ([], [200], false),
        ([1001], [100], true),
        ([1001], [200], false),
    ] as [(Set<UInt32>, Set<UInt32>, Bool)])
    func isAllowedWhenItsUserOrGroupIsListedOrNoneAre(users: Set<UInt32>, groups: Set<UInt32>, allowed: Bool) {
        let peer = PeerCredentials(pid: 42, uid: 1000, gid: 100)
        #expect(peer.isAllowed(by: configuration(users: users, groups: groups)) == allowed)
    }
}
