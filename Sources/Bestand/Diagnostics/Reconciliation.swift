/// Count invariants checked on every run and recorded in run.json (`checks`).
///
/// Per input file, rows read = accepted + rejected. For orders, accepted rows = unique order ids +
/// identical repeats + conflicting repeats. Per stage, a customer key belongs to at most one
/// master, and the masters' members add up to the keys. A violation is a defect in bestand, not
/// in the data: the run stops rather than write figures that do not add up.
package enum Reconciliation {
    package struct Result: Sendable, Equatable {
        package var filesReconcile: Bool
        package var ordersReconcile: Bool
        package var membersReconcile: Bool

        package var passed: Bool { filesReconcile && ordersReconcile && membersReconcile }
    }

    package static func evaluate(_ base: CustomerBase) -> Result {
        let dataset = base.dataset
        let files = dataset.files.allSatisfy { $0.rowsRead == $0.rowsAccepted + $0.rowsRejected }
        let orders =
            dataset.orders.acceptedRows == dataset.orders.uniqueOrders + dataset.orders.repeats.identical
            + dataset.orders.repeats.conflicting
        let members = base.members.reduce(0, +) == base.masterOfKey.filter { $0 >= 0 }.count
        return Result(filesReconcile: files, ordersReconcile: orders, membersReconcile: members)
    }

    static func check(_ base: CustomerBase, pipelinePath: String) throws(BestandError) {
        let result = evaluate(base)
        guard result.passed else {
            throw BestandError(
                BestandError.Code("internal", exitCode: 1),
                "counts do not reconcile (files: \(result.filesReconcile), orders: \(result.ordersReconcile), customers: \(result.membersReconcile)) — this is a defect in bestand; please report it with run.json",
                location: SourceLocation(path: pipelinePath))
        }
    }
}
