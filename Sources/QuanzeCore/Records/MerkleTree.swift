import Foundation

/// The RFC 6962 / RFC 9162 Merkle tree hash (MTH) over a list of leaf hashes, with the audit path
/// (inclusion proof, §2.1.3.1) and consistency proof (§2.1.4.1) generators. Leaf hash =
/// H(0x00 ‖ data), interior node = H(0x01 ‖ left ‖ right); a tree of n > 1 leaves splits at k,
/// the largest power of two smaller than n. The empty tree's hash is H("").
public struct MerkleTree: Sendable {
    public let algorithm: RecordHashAlgorithm

    public init(algorithm: RecordHashAlgorithm) { self.algorithm = algorithm }

    public func leafHash(_ data: Data) -> Data {
        var input = Data([0x00])
        input.append(data)
        return algorithm.hash(input)
    }

    public func nodeHash(_ left: Data, _ right: Data) -> Data {
        var input = Data([0x01])
        input.append(left)
        input.append(right)
        return algorithm.hash(input)
    }

    public var emptyRoot: Data { algorithm.hash(Data()) }

    /// MTH of `leaves` (already leaf-hashed).
    public func root(_ leaves: ArraySlice<Data>) -> Data {
        switch leaves.count {
        case 0: return emptyRoot
        case 1: return leaves[leaves.startIndex]
        default:
            let k = Self.split(leaves.count)
            let mid = leaves.startIndex + k
            return nodeHash(root(leaves[leaves.startIndex..<mid]), root(leaves[mid...]))
        }
    }

    public func root(_ leaves: [Data]) -> Data { root(leaves[...]) }

    /// PATH(m, D[n]): the audit path for leaf `index` in the tree of `leaves`.
    public func inclusionProof(index: Int, leaves: ArraySlice<Data>) -> [Data]? {
        guard index >= 0, index < leaves.count else { return nil }
        return path(index, leaves)
    }

    public func inclusionProof(index: Int, leaves: [Data]) -> [Data]? { inclusionProof(index: index, leaves: leaves[...]) }

    /// PROOF(m, D[n]): proves the tree of the first `oldSize` leaves is a prefix of `leaves`.
    public func consistencyProof(oldSize: Int, leaves: ArraySlice<Data>) -> [Data]? {
        guard oldSize >= 0, oldSize <= leaves.count else { return nil }
        if oldSize == 0 || oldSize == leaves.count { return [] }
        return subproof(oldSize, leaves, true)
    }

    public func consistencyProof(oldSize: Int, leaves: [Data]) -> [Data]? { consistencyProof(oldSize: oldSize, leaves: leaves[...]) }

    /// Largest power of two strictly smaller than `n` (n ≥ 2).
    static func split(_ n: Int) -> Int {
        var k = 1
        while k << 1 < n { k <<= 1 }
        return k
    }

    private func path(_ m: Int, _ d: ArraySlice<Data>) -> [Data] {
        guard d.count > 1 else { return [] }
        let k = Self.split(d.count)
        let mid = d.startIndex + k
        if m < k { return path(m, d[d.startIndex..<mid]) + [root(d[mid...])] }
        return path(m - k, d[mid...]) + [root(d[d.startIndex..<mid])]
    }

    private func subproof(_ m: Int, _ d: ArraySlice<Data>, _ complete: Bool) -> [Data] {
        if m == d.count { return complete ? [] : [root(d)] }
        let k = Self.split(d.count)
        let mid = d.startIndex + k
        if m <= k { return subproof(m, d[d.startIndex..<mid], complete) + [root(d[mid...])] }
        return subproof(m - k, d[mid...], false) + [root(d[d.startIndex..<mid])]
    }
}
