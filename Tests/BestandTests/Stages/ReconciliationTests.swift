import Testing

@testable import Bestand

@Suite struct ReconciliationTests {
    @Test func aRealRunReconcilesAndATamperedOneDoesNot() throws {
        let analysis = try analyze(
            orders: "1,A,2025-01-01,10.00,\n1,A,2025-01-01,10.00,\n2,B,2025-01-02,5.00,\n", interactions: "C,2025-01-01,Anfrage\n")
        var base = analysis.profiles.base
        #expect(Reconciliation.evaluate(base).passed)
        base.dataset.orders.repeats.identical += 1
        #expect(!Reconciliation.evaluate(base).ordersReconcile)
        base = analysis.profiles.base
        base.dataset.files[0].rowsRejected += 1
        #expect(!Reconciliation.evaluate(base).filesReconcile)
        base = analysis.profiles.base
        base.members[0] += 1
        #expect(!Reconciliation.evaluate(base).membersReconcile)
    }
}
