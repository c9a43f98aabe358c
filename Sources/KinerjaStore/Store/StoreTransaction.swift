/// The operations inside one write transaction (see `KinerjaStoring.transaction`). Valid
/// only while the transaction's body runs: do not keep it.
public protocol StoreTransaction: StoreOperations {}
