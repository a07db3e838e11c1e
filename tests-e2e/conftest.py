"""Shared fixtures and helpers for the Quanze end-to-end tests.

The server under test is given by QUANZE_URL (default http://127.0.0.1:18080) and
must run with --demo (demo accounts, password ``Quanze#2026``).
Chromium and chromedriver come from Debian's packages (/usr/bin/chromium,
/usr/bin/chromedriver); Selenium never downloads a driver here.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

BASE_URL = os.environ.get("QUANZE_URL", "http://127.0.0.1:18080").rstrip("/")
DEMO_PASSWORD = "Quanze#2026"
CHROMIUM = os.environ.get("QUANZE_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("QUANZE_CHROMEDRIVER", "/usr/bin/chromedriver")
ARTIFACTS = Path(os.environ.get("QUANZE_E2E_ARTIFACTS", "/tmp/quanze-e2e-artifacts"))
WAIT_SECS = float(os.environ.get("QUANZE_E2E_WAIT", "15"))

DEMO_USERS = (
    "sysadmin",      # 系统管理员
    "secadmin",      # 安全管理员
    "auditadmin",    # 审计管理员
    "supervisor1",   # 监督员, 市司法局
    "reviewer1",     # 评查员
    "legal.amr",     # 法制员, 市市场监督管理局
    "officer.amr1",  # 执法人员, 市市场监督管理局
)


# --------------------------------------------------------------------------- fixtures

@pytest.fixture(scope="session")
def base_url() -> str:
    return BASE_URL


def make_driver() -> webdriver.Chrome:
    opts = Options()
    opts.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--lang=zh-CN",
        "--window-size=1280,900",
        "--disable-gpu",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-extensions",
        "--password-store=basic",
    ):
        opts.add_argument(flag)
    opts.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh"})
    drv = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    drv.set_page_load_timeout(30)
    drv.set_script_timeout(60)
    return drv


@pytest.fixture(scope="module")
def driver():
    """One headless Chromium per test module."""
    drv = make_driver()
    try:
        yield drv
    finally:
        drv.quit()


@pytest.fixture
def browser(driver):
    """The module's driver with cookies cleared: each test starts logged out."""
    clear_session(driver)
    return driver


# Save a screenshot and the page source of a failing browser test.
@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    if rep.when != "call" or not rep.failed:
        return
    drv = item.funcargs.get("browser") or item.funcargs.get("driver")
    if drv is None:
        return
    try:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", item.nodeid)[-150:]
        drv.save_screenshot(str(ARTIFACTS / f"{stem}.png"))
        (ARTIFACTS / f"{stem}.html").write_text(drv.page_source, encoding="utf-8")
        rep.sections.append(("browser", f"url: {drv.current_url}\nscreenshot: {ARTIFACTS / stem}.png"))
    except Exception as exc:  # pragma: no cover - best effort only
        rep.sections.append(("browser", f"could not save artifacts: {exc}"))


# --------------------------------------------------------------------------- helpers

def url(path: str) -> str:
    return urljoin(BASE_URL + "/", path.lstrip("/"))


def path_of(u: str) -> str:
    return urlsplit(u).path or "/"


def clear_session(driver) -> None:
    """Forget all cookies and storage (works whatever page is open)."""
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    driver.execute_cdp_cmd("Storage.clearDataForOrigin", {"origin": BASE_URL, "storageTypes": "all"})


def wait(driver, timeout: float = WAIT_SECS) -> WebDriverWait:
    return WebDriverWait(driver, timeout)


def page_status(driver) -> int | None:
    """HTTP status of the document now shown (Navigation Timing responseStatus)."""
    return driver.execute_script(
        "const n = performance.getEntriesByType('navigation')[0];"
        "return n && n.responseStatus ? n.responseStatus : null;"
    )


def h1_text(driver) -> str:
    els = driver.find_elements(By.TAG_NAME, "h1")
    return els[0].text.strip() if els else ""


def open_page(driver, path: str):
    """Navigate and wait for the document to be complete; returns the HTTP status."""
    driver.get(url(path))
    wait(driver).until(lambda d: d.execute_script("return document.readyState") == "complete")
    return page_status(driver)


def login_form_fill(driver, user: str, password: str) -> None:
    form = wait(driver).until(
        EC.presence_of_element_located((By.CSS_SELECTOR, "form[action='/console/login']"))
    )
    username = form.find_element(By.ID, "username")
    pw = form.find_element(By.ID, "password")
    username.clear()
    username.send_keys(user)
    pw.clear()
    pw.send_keys(password)
    form.find_element(By.CSS_SELECTOR, "button[type='submit']").click()


def login(driver, user: str, password: str = DEMO_PASSWORD) -> None:
    """Log in through the console login form; ends on /console (工作台)."""
    clear_session(driver)
    open_page(driver, "/console/login")
    login_form_fill(driver, user, password)
    try:
        wait(driver).until(
            lambda d: path_of(d.current_url) == "/console"
            or d.find_elements(By.CSS_SELECTOR, "[role='alert']")
        )
    except TimeoutException:
        raise AssertionError(f"login as {user}: no redirect to /console (now at {driver.current_url})")
    if path_of(driver.current_url) != "/console":
        alerts = " / ".join(e.text for e in driver.find_elements(By.CSS_SELECTOR, "[role='alert']"))
        raise AssertionError(f"login as {user} failed: {alerts!r} at {driver.current_url}")
    wait(driver).until(lambda d: h1_text(d) != "")


def logout(driver) -> None:
    form = driver.find_element(By.CSS_SELECTOR, "form[action='/console/logout']")
    form.find_element(By.CSS_SELECTOR, "button[type='submit'], button:not([type])").click()
    # contract: logging out lands on the login page
    wait(driver).until(lambda d: path_of(d.current_url) == "/console/login"
                       and d.find_elements(By.CSS_SELECTOR, "form[action='/console/login'] #username"))


def main_nav_links(driver) -> list[tuple[str, str]]:
    """(text, absolute href) of the links in <nav aria-label="主导航">."""
    nav = driver.find_element(By.CSS_SELECTOR, "nav[aria-label='主导航']")
    out = []
    for a in nav.find_elements(By.CSS_SELECTOR, "a[href]"):
        out.append((a.text.strip() or (a.get_attribute("aria-label") or ""), a.get_attribute("href")))
    return out



def click_and_wait(driver, button) -> None:
    """Click a submit button and wait until the next page has replaced this one.

    While the page navigates, chromium may answer a query about the old element either with a
    stale-element error or with a generic "Node ... does not belong to the document" error; both
    mean the old page is gone.
    """
    from selenium.common.exceptions import WebDriverException

    button.click()

    def old_page_gone(_driver) -> bool:
        try:
            button.is_enabled()
            return False
        except WebDriverException:
            return True

    wait(driver).until(old_page_gone)
    wait(driver).until(lambda d: d.execute_script("return document.readyState") == "complete")


def press(driver, label: str) -> None:
    """Click the button with this visible label and wait for the next page."""
    click_and_wait(driver, driver.find_element(By.XPATH, f"//button[normalize-space()='{label}']"))


def fill(driver, field_id: str, value: str) -> None:
    el = driver.find_element(By.ID, field_id)
    el.clear()
    el.send_keys(value)


def set_value(driver, field_id: str, value: str) -> None:
    """Set a field by script (date inputs take no typed ISO text in every locale)."""
    driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.ID, field_id), value)
