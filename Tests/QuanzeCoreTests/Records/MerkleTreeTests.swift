import Foundation
import QuanzeCore
import Testing

/// Vectors from transparency-dev/merkle: `rfc6962/rfc6962_test.go` (hasher) and
/// `proof/verify_test.go` (`leaves`, `roots`, `inclusionProofs`, `consistencyProofs`; inclusion
/// vectors there use 1-based leaf numbers).
@Suite("RFC 6962 Merkle tree")
struct MerkleTreeTests {
    let tree = MerkleTree(algorithm: .sha256)

    static let leaves: [Data] = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657",
                                 "606162636465666768696a6b6c6d6e6f"].map { Hex.decode($0)! }
    static let roots: [String] = [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ]
    /// (1-based leaf, tree size, audit path)
    static let inclusion: [(Int, Int, [String])] = [
        (1, 1, []),
        (1, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
        (6, 8, ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
        (3, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]),
        (2, 5, ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
    ]
    /// (size1, size2, proof)
    static let consistency: [(Int, Int, [String])] = [
        (1, 1, []),
        (1, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
        (6, 8, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
        (2, 5, ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
        (6, 7, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
    ]

    var leafHashes: [Data] { Self.leaves.map(tree.leafHash) }

    @Test("hasher vectors (rfc6962_test.go)")
    func hasher() {
        #expect(Hex.encode(tree.emptyRoot) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Hex.encode(tree.leafHash(Data())) == "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")
        #expect(Hex.encode(tree.leafHash(Data("L123456".utf8))) == "395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56")
        #expect(Hex.encode(tree.nodeHash(Data("N123".utf8), Data("N456".utf8))) == "aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb")
    }

    @Test("roots of sizes 1…8")
    func roots() {
        for size in 1...8 { #expect(Hex.encode(tree.root(leafHashes.prefix(size))) == Self.roots[size - 1], "size \(size)") }
    }

    @Test("inclusion proofs: generated equal the published ones and verify")
    func inclusionVectors() {
        for (leaf, size, path) in Self.inclusion {
            let proof = tree.inclusionProof(index: leaf - 1, leaves: leafHashes.prefix(size))!
            #expect(proof.map(Hex.encode) == path, "leaf \(leaf) size \(size)")
            #expect(tree.verifyInclusion(index: leaf - 1, treeSize: size, leafHash: leafHashes[leaf - 1], proof: proof,
                                         root: Hex.decode(Self.roots[size - 1])!))
        }
    }

    @Test("consistency proofs: generated equal the published ones and verify")
    func consistencyVectors() {
        for (m, n, path) in Self.consistency {
            let proof = tree.consistencyProof(oldSize: m, leaves: leafHashes.prefix(n))!
            #expect(proof.map(Hex.encode) == path, "\(m)→\(n)")
            #expect(tree.verifyConsistency(oldSize: m, newSize: n, oldRoot: Hex.decode(Self.roots[m - 1])!,
                                           newRoot: Hex.decode(Self.roots[n - 1])!, proof: proof))
        }
    }

    @Test("edge cases from verify_test.go are refused")
    func edges() {
        let some = Hex.decode("abacaba000000000000000000000000000000000000000000060061e00123456")!
        let empty = tree.emptyRoot
        for (index, size) in [(0, 0), (0, 1), (1, 0), (2, 1)] {
            #expect(!tree.verifyInclusion(index: index, treeSize: size, leafHash: some, proof: [], root: empty))
        }
        let h = tree.leafHash(Data("data".utf8))
        #expect(tree.verifyInclusion(index: 0, treeSize: 1, leafHash: h, proof: [], root: h))
        #expect(!tree.verifyInclusion(index: 0, treeSize: 1, leafHash: Data(), proof: [], root: Data()))
        #expect(tree.verifyConsistency(oldSize: 0, newSize: 1, oldRoot: some, newRoot: empty, proof: []))
        #expect(!tree.verifyConsistency(oldSize: 1, newSize: 1, oldRoot: some, newRoot: empty, proof: []))
        #expect(!tree.verifyConsistency(oldSize: 2, newSize: 1, oldRoot: some, newRoot: some, proof: []))
        #expect(!tree.verifyConsistency(oldSize: 1, newSize: 2, oldRoot: some, newRoot: empty, proof: []))
        #expect(!tree.verifyConsistency(oldSize: 1, newSize: 1, oldRoot: empty, newRoot: empty, proof: [empty]))
    }

    /// All sizes up to 64 with SHA-256; SM3 (slower in debug builds) up to 24.
    @Test("property: every generated proof for m ≤ n ≤ 64 verifies, and fails with any hash flipped",
          arguments: [(RecordHashAlgorithm.sha256, 64), (.sm3, 24)])
    func property(_ algorithm: RecordHashAlgorithm, _ maxSize: Int) {
        do {
            let t = MerkleTree(algorithm: algorithm)
            let leaves = (0..<maxSize).map { t.leafHash(Data("leaf \($0)".utf8)) }
            let roots = (0...maxSize).map { t.root(leaves.prefix($0)) }
            for n in 1...maxSize {
                for m in 0..<n {
                    let proof = t.inclusionProof(index: m, leaves: leaves.prefix(n))!
                    #expect(t.verifyInclusion(index: m, treeSize: n, leafHash: leaves[m], proof: proof, root: roots[n]))
                    for k in proof.indices {
                        var bad = proof
                        bad[k][0] ^= 0x08
                        #expect(!t.verifyInclusion(index: m, treeSize: n, leafHash: leaves[m], proof: bad, root: roots[n]))
                    }
                    #expect(!t.verifyInclusion(index: m, treeSize: n, leafHash: leaves[(m + 1) % maxSize], proof: proof, root: roots[n]))
                }
                for m in 1...n {
                    let proof = t.consistencyProof(oldSize: m, leaves: leaves.prefix(n))!
                    #expect(t.verifyConsistency(oldSize: m, newSize: n, oldRoot: roots[m], newRoot: roots[n], proof: proof), "\(m)→\(n)")
                    for k in proof.indices {
                        var bad = proof
                        bad[k][0] ^= 0x10
                        #expect(!t.verifyConsistency(oldSize: m, newSize: n, oldRoot: roots[m], newRoot: roots[n], proof: bad))
                    }
                    if m < n {
                        var otherOld = roots[m]
                        otherOld[0] ^= 1
                        #expect(!t.verifyConsistency(oldSize: m, newSize: n, oldRoot: otherOld, newRoot: roots[n], proof: proof))
                    }
                }
            }
        }
    }
}
