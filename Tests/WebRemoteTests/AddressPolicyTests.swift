import Testing
import WebRemote

@Suite struct AddressPolicyTests {
    @Test(arguments: [
        "127.0.0.1", "10.1.2.3", "172.16.0.9", "172.31.255.1", "192.168.1.20", "169.254.3.4", "::1", "fe80::1%eth0",
        "fd12:3456::1", "fc00::5", "::ffff:192.168.1.2",
    ])
    func localAddressesAreAnswered(ip: String) {
        #expect(AddressPolicy.isLocal(ip))
        #expect(AddressPolicy().allows(ip))
    }

    @Test(arguments: ["8.8.8.8", "172.32.0.1", "172.15.0.1", "192.169.0.1", "11.0.0.1", "2001:db8::1", "::ffff:8.8.8.8", "fe00::1", "junk"])
    func publicAddressesAreRefused(ip: String) {
        #expect(!AddressPolicy.isLocal(ip))
        #expect(!AddressPolicy().allows(ip))
        #expect(AddressPolicy(allowPublic: true).allows(ip))
    }
}
