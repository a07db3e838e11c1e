#!/usr/bin/env python3
"""Independent reference implementation of quanze-draw-v1 (docs/random-draw.md).

Usage: python3 scripts/random_draw_reference.py plan.json
plan.json is either the public plan JSON (GET /api/v1/public/inspection-plans/:id, key "draw")
or a bare draw input. Prints one line per drawn object: order, object code, inspector keys.
Standard library only.
"""
import hashlib, json, sys

ALGORITHM = "quanze-draw-v1"

class Stream:
    def __init__(self, seed_hex):
        self.seed = bytes.fromhex(seed_hex)
        assert len(self.seed) == 32
        self.counter = 0

    def next64(self):
        block = hashlib.sha256(self.seed + self.counter.to_bytes(8, "big")).digest()
        self.counter += 1
        return int.from_bytes(block[:8], "big")

    def uniform(self, n):
        r = (2**64) % n
        while True:
            x = self.next64()
            if x < 2**64 - r:
                return x % n

def pick(count, items, stream):
    a = list(items)
    for i in range(count):
        j = i + stream.uniform(len(a) - i)
        a[i], a[j] = a[j], a[i]
    return a[:count]

def key(s):
    return s.encode("utf-8")

def draw(inp):
    assert inp["algorithm"] == ALGORITHM
    pool = sorted(inp["objects"], key=key)
    inspectors = sorted(inp["inspectors"], key=key)
    conflicts = {(c["inspector"], c["object"]) for c in inp["conflicts"]}
    k = inp["inspectorsPerObject"]
    stream = Stream(inp["seed"])
    out = []
    for order, obj in enumerate(pick(inp["objectCount"], pool, stream), start=1):
        eligible = [x for x in inspectors if (x, obj) not in conflicts]
        out.append((order, obj, pick(k, eligible, stream)))
    return out

def pool_digest(objects):
    text = "".join(c + "\n" for c in sorted(objects, key=key))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()

if __name__ == "__main__":
    data = json.load(open(sys.argv[1], encoding="utf-8"))
    inp = data.get("draw", data)
    print("pool digest", pool_digest(inp["objects"]))
    for order, obj, chosen in draw(inp):
        print(order, obj, " ".join(chosen))
