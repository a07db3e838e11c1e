import Fluent
import Foundation
import QuanzeCore
import SQLKit

/// Merkle proofs over the stored leaf hashes. Proofs are computed from the leaves in the database
/// (O(n) per request); the published checkpoints make them checkable by anyone.
extension RecordLog {
    struct InclusionProof: Sendable {
        var index: Int64
        var treeSize: Int64
        var leafHash: Data
        var path: [Data]
        var root: Data
    }

    /// The leaf hashes of the first `size` entries, in index order.
    static func leafHashes(size: Int64, on db: any Database) async throws -> [Data] {
        guard size > 0 else { return [] }
        let rows = try await RecordEntry.query(on: db).filter(\.$leafIndex < size).sort(\.$leafIndex)
            .field(\.$leafIndex).field(\.$leafHash).all()
        guard rows.count == Int(size), rows.enumerated().allSatisfy({ Int64($0.offset) == $0.element.leafIndex }),
              case let leaves = rows.compactMap({ Hex.decode($0.leafHash) }), leaves.count == rows.count else {
            throw RecordLogError.damagedLog
        }
        return leaves
    }

    static func inclusionProof(index: Int64, treeSize: Int64, algorithm: RecordHashAlgorithm, on db: any Database) async throws -> InclusionProof {
        let leaves = try await leafHashes(size: treeSize, on: db)
        let tree = MerkleTree(algorithm: algorithm)
        guard let path = tree.inclusionProof(index: Int(index), leaves: leaves) else { throw RecordLogError.proofOutOfRange }
        return InclusionProof(index: index, treeSize: treeSize, leafHash: leaves[Int(index)], path: path, root: tree.root(leaves))
    }

    static func consistencyProof(from: Int64, to: Int64, algorithm: RecordHashAlgorithm, on db: any Database) async throws -> (proof: [Data], oldRoot: Data, newRoot: Data) {
        let leaves = try await leafHashes(size: to, on: db)
        let tree = MerkleTree(algorithm: algorithm)
        guard let proof = tree.consistencyProof(oldSize: Int(from), leaves: leaves) else { throw RecordLogError.proofOutOfRange }
        return (proof, tree.root(leaves.prefix(Int(from))), tree.root(leaves))
    }

    /// The proof that entry `index` is in the latest published checkpoint that covers it (nil when no
    /// checkpoint covers it yet): what a published decision shows.
    static func publishedInclusion(index: Int64, algorithm: RecordHashAlgorithm, on db: any Database) async throws -> (proof: InclusionProof, checkpoint: RecordCheckpoint)? {
        guard let checkpoint = try await latestCheckpoint(on: db), checkpoint.treeSize > index else { return nil }
        let proof = try await inclusionProof(index: index, treeSize: checkpoint.treeSize,
                                             algorithm: RecordHashAlgorithm(rawValue: checkpoint.algorithm) ?? algorithm, on: db)
        return (proof, checkpoint)
    }
}
