"""axe-core accessibility checks (selenium-axe-python 2.2.0 bundles axe-core 4.9.1).

Fails on any violation of impact "serious" or "critical"; moderate and minor ones
are printed (run pytest with -s to see them) but do not fail.
"""

from __future__ import annotations

import json

import pytest
from selenium_axe_python import Axe  # import name of the PyPI package selenium-axe-python

from conftest import (
    BASE_URL,
    DEMO_USERS,
    clear_session,
    h1_text,
    login,
    main_nav_links,
    open_page,
    path_of,
)

FAIL_IMPACTS = ("serious", "critical")

# axe options: every rule axe ships with (WCAG 2.0/2.1/2.2 A+AA and best practices).
AXE_OPTIONS = {"resultTypes": ["violations"]}

PUBLIC_PAGES = ["/", "/agencies", "/console/login", "/decisions"]

# (path, expected <h1> or None, users to try in order: the first one that may see the page is used)
CONSOLE_PAGES = [
    ("/console", "工作台", ["supervisor1"]),
    ("/console/account", "我的账号", ["supervisor1"]),
    ("/console/users", "用户管理", ["sysadmin"]),
    ("/console/audit", "安全审计", ["auditadmin"]),
    ("/console/profiles", "规则配置", ["supervisor1", "sysadmin", "legal.amr", "reviewer1", "secadmin"]),
    ("/console/profiles/national", None, ["supervisor1", "sysadmin", "legal.amr", "reviewer1", "secadmin"]),
    ("/console/calendar", "工作日历", ["supervisor1", "sysadmin", "legal.amr", "officer.amr1", "secadmin"]),
    # the 403 page itself must be accessible too
    ("/console/users", "无权访问", ["supervisor1"]),
]


def run_axe(driver) -> list[dict]:
    axe = Axe(driver)
    axe.inject()
    # Axe.run() pastes a Python repr into JavaScript; pass options as a real
    # argument instead so any JSON value works.
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, arguments[0]).then(r => done(r.violations), e => done({axeError: String(e)}));",
        AXE_OPTIONS,
    )
    if isinstance(result, dict) and "axeError" in result:
        raise AssertionError(f"axe failed to run: {result['axeError']}")
    return result


def format_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- [{v.get('impact')}] {v['id']}: {v.get('help')} ({v.get('helpUrl')})")
        for node in v.get("nodes", [])[:10]:
            target = " ".join(json.dumps(t, ensure_ascii=False) for t in node.get("target", []))
            lines.append(f"    target {target}: {node.get('failureSummary', '').strip().replace(chr(10), ' ')}"[:400])
        if len(v.get("nodes", [])) > 10:
            lines.append(f"    ... and {len(v['nodes']) - 10} more nodes")
    return "\n".join(lines)


def check_page(driver, label: str) -> None:
    violations = run_axe(driver)
    bad = [v for v in violations if v.get("impact") in FAIL_IMPACTS]
    other = [v for v in violations if v.get("impact") not in FAIL_IMPACTS]
    if other:
        print(f"\n{label}: {len(other)} moderate/minor axe findings (not failing):\n{format_violations(other)}")
    if bad:
        pytest.fail(
            f"{label} ({driver.current_url}): {len(bad)} serious/critical accessibility violations:\n"
            + format_violations(bad),
            pytrace=False,
        )


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_page_accessibility(driver, path):
    clear_session(driver)
    status = open_page(driver, path)
    assert status == 200, f"{path}: HTTP {status}"
    check_page(driver, path)


@pytest.mark.parametrize(
    "path,expected_h1,users",
    CONSOLE_PAGES,
    ids=[p + ("(403 page)" if h == "无权访问" else "") for p, h, _ in CONSOLE_PAGES],
)
def test_console_page_accessibility(driver, path, expected_h1, users):
    tried = []
    for user in users:
        login(driver, user)
        status = open_page(driver, path)
        tried.append(f"{user}: HTTP {status} h1={h1_text(driver)!r}")
        forbidden_wanted = expected_h1 == "无权访问"
        if (status == 403) == forbidden_wanted:
            break
    else:
        pytest.fail(f"{path}: none of the users could open it as expected: {tried}")
    if expected_h1 is not None:
        assert h1_text(driver) == expected_h1, f"{path}: {tried[-1]}"
    else:
        assert status == 200 and h1_text(driver), f"{path}: {tried[-1]}"
    check_page(driver, f"{path} as {user}")


# Every page any demo user reaches from the 主导航 nav, each checked once (by the first
# user whose nav links to it), so pages added later are covered without editing this file.
_NAV_PAGES_CHECKED: set[str] = set()


@pytest.mark.parametrize("user", DEMO_USERS)
def test_nav_pages_accessibility(driver, user):
    login(driver, user)
    hrefs = []
    for _, href in main_nav_links(driver):
        path = path_of(href)
        if href.startswith(BASE_URL) and path not in _NAV_PAGES_CHECKED and path not in hrefs:
            hrefs.append(path)
    problems = []
    for path in hrefs:
        _NAV_PAGES_CHECKED.add(path)
        status = open_page(driver, path)
        if status != 200:
            problems.append(f"{path}: HTTP {status} (linked from {user}'s nav)")
            continue
        try:
            check_page(driver, f"{path} as {user}")
        except pytest.fail.Exception as exc:
            problems.append(str(exc))
    if problems:
        pytest.fail("\n\n".join(problems), pytrace=False)
