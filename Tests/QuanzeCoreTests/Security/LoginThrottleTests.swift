import Foundation
import Testing
@testable import QuanzeCore

@Suite("LoginThrottle")
struct LoginThrottleTests {
    let t0 = Date(timeIntervalSince1970: 1_750_000_000)
    let policy = SecurityPolicy.baseline

    @Test func lockoutSequence() {
        var th = LoginThrottle()
        for i in 1...4 {
            let locked = th.recordFailure(at: t0 + Double(i), policy: policy)
            #expect(!locked)
            #expect(!th.isLocked(at: t0 + Double(i)))
        }
        #expect(th.failedAttempts == 4)
        let fifth = t0 + 10
        let lockedNow = th.recordFailure(at: fifth, policy: policy)
        #expect(lockedNow)
        #expect(th.lockedUntil == fifth + 15 * 60)
        #expect(th.isLocked(at: fifth))
        #expect(th.isLocked(at: fifth + 14 * 60 + 59))
        #expect(th.remainingLockSeconds(at: fifth + 14 * 60 + 59) == 1)
        #expect(!th.isLocked(at: fifth + 15 * 60))
        #expect(th.remainingLockSeconds(at: fifth + 15 * 60) == nil)

        // After expiry the counter restarts.
        let relocked = th.recordFailure(at: fifth + 15 * 60, policy: policy)
        #expect(!relocked)
        #expect(th.failedAttempts == 1)
        #expect(th.lockedUntil == nil)
    }

    @Test func failuresWhileLockedNeitherCountNorExtend() {
        var th = LoginThrottle()
        for i in 0..<5 { th.recordFailure(at: t0 + Double(i), policy: policy) }
        let until = th.lockedUntil
        let again = th.recordFailure(at: t0 + 60, policy: policy)
        #expect(!again)
        #expect(th.lockedUntil == until)
        #expect(th.failedAttempts == 5)
    }

    @Test func successResets() {
        var th = LoginThrottle()
        for i in 0..<4 { th.recordFailure(at: t0 + Double(i), policy: policy) }
        th.recordSuccess()
        #expect(th == LoginThrottle())
        for i in 0..<4 {
            let locked = th.recordFailure(at: t0 + 10 + Double(i), policy: policy)
            #expect(!locked)
        }
    }

    @Test func tighterPolicy() {
        var th = LoginThrottle()
        let strict = SecurityPolicy(lockoutThreshold: 3, lockoutMinutes: 60)
        let results = (0..<3).map { _ in th.recordFailure(at: t0, policy: strict) }
        #expect(results == [false, false, true])
        #expect(th.isLocked(at: t0 + 59 * 60))
        #expect(!th.isLocked(at: t0 + 60 * 60))
    }
}
