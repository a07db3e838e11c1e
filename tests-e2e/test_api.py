"""Small HTTP checks of the JSON API and health endpoints (the deep API testing is schemathesis)."""

from __future__ import annotations

import requests

from conftest import DEMO_PASSWORD, url

TIMEOUT = 15


def test_health_and_ready():
    assert requests.get(url("/healthz"), timeout=TIMEOUT).status_code == 200
    assert requests.get(url("/readyz"), timeout=TIMEOUT).status_code == 200


def test_openapi_document():
    r = requests.get(url("/api/v1/openapi.json"), timeout=TIMEOUT)
    assert r.status_code == 200
    doc = r.json()
    assert str(doc.get("openapi", "")).startswith("3.1"), doc.get("openapi")
    assert "/api/v1/auth/token" in doc.get("paths", {}), sorted(doc.get("paths", {}))[:20]


def test_token_for_demo_user():
    r = requests.post(url("/api/v1/auth/token"),
                      json={"username": "supervisor1", "password": DEMO_PASSWORD}, timeout=TIMEOUT)
    assert r.status_code == 201, r.text
    token = r.json().get("token")
    assert isinstance(token, str) and token


def test_wrong_password_is_a_json_error():
    # officer.amr1 (not supervisor1/sysadmin, which the API fuzzing logs in as)
    r = requests.post(url("/api/v1/auth/token"),
                      json={"username": "officer.amr1", "password": DEMO_PASSWORD + "-wrong"}, timeout=TIMEOUT)
    assert 400 <= r.status_code < 500, (r.status_code, r.text)
    assert_error_envelope(r)


def test_unknown_api_path_is_a_json_error():
    r = requests.get(url("/api/v1/no-such-thing"), timeout=TIMEOUT)
    assert r.status_code == 404, (r.status_code, r.text)
    assert_error_envelope(r)


def assert_error_envelope(r: requests.Response) -> None:
    assert "json" in r.headers.get("content-type", ""), r.headers.get("content-type")
    err = r.json().get("error")
    assert isinstance(err, dict), r.text
    assert isinstance(err.get("code"), str) and err["code"], r.text
    assert isinstance(err.get("message"), str) and err["message"], r.text
