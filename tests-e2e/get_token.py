#!/usr/bin/env python3
"""Print an API bearer token for a demo user: get_token.py USER [BASE_URL].

POST {BASE_URL}/api/v1/auth/token {"username": USER, "password": "Quanze#2026"} -> 201 {"token": ...}
"""

import json
import os
import sys
import urllib.error
import urllib.request

PASSWORD = os.environ.get("QUANZE_DEMO_PASSWORD", "Quanze#2026")


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    user = sys.argv[1]
    base = (sys.argv[2] if len(sys.argv) > 2 else os.environ.get("QUANZE_URL", "http://127.0.0.1:18080")).rstrip("/")
    req = urllib.request.Request(
        base + "/api/v1/auth/token",
        data=json.dumps({"username": user, "password": PASSWORD}).encode(),
        headers={"Content-Type": "application/json", "Accept": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(req, timeout=20) as resp:
            status, body = resp.status, resp.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        status, body = exc.code, exc.read().decode("utf-8", "replace")
    except OSError as exc:
        print(f"get_token: cannot reach {base}: {exc}", file=sys.stderr)
        return 1
    if status != 201:
        print(f"get_token: POST /api/v1/auth/token as {user} gave HTTP {status}: {body[:500]}", file=sys.stderr)
        return 1
    try:
        token = json.loads(body)["token"]
    except (ValueError, KeyError, TypeError):
        print(f"get_token: no 'token' in the 201 answer: {body[:500]}", file=sys.stderr)
        return 1
    print(token)
    return 0


if __name__ == "__main__":
    sys.exit(main())
