"""Walk the console as real users do, in a real (headless) browser."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from conftest import (
    BASE_URL,
    DEMO_PASSWORD,
    h1_text,
    login,
    login_form_fill,
    logout,
    main_nav_links,
    open_page,
    page_status,
    path_of,
    wait,
)

ERROR_MARKERS = ("错误", "出错", "异常", "不存在", "无法完成", "Internal Server Error", "Error")


def assert_good_page(driver, what: str) -> str:
    status = page_status(driver)
    assert status is not None and status < 400, f"{what}: HTTP {status} at {driver.current_url}"
    h1 = h1_text(driver)
    assert h1, f"{what}: page has no <h1> ({driver.current_url})"
    assert not any(m in h1 for m in ERROR_MARKERS), f"{what}: error page, h1={h1!r}"
    assert h1 != "无权访问", f"{what}: linked from the nav but forbidden ({driver.current_url})"
    return h1


def test_login_page_form(browser):
    open_page(browser, "/console/login")
    form = browser.find_element(By.CSS_SELECTOR, "form[action='/console/login']")
    assert (form.get_attribute("method") or "").lower() == "post"
    assert form.find_element(By.ID, "username").get_attribute("name") == "username"
    assert form.find_element(By.ID, "password").get_attribute("name") == "password"
    assert form.find_element(By.ID, "password").get_attribute("type") == "password"
    csrf = form.find_element(By.CSS_SELECTOR, "input[type='hidden'][name='_csrf']")
    assert csrf.get_attribute("value"), "the _csrf hidden input is empty"
    button = form.find_element(By.CSS_SELECTOR, "button[type='submit']")
    assert button.text.strip() == "登录"


def test_wrong_password_shows_alert(browser):
    # reviewer1, not supervisor1: a failed login must never count towards
    # locking out the account the other tests use most.
    open_page(browser, "/console/login")
    login_form_fill(browser, "reviewer1", DEMO_PASSWORD + "-wrong")
    alert = wait(browser).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[role='alert']"))[0]
    assert "用户名或密码错误" in alert.text
    assert path_of(browser.current_url) == "/console/login"
    # still the login form, ready for another try
    assert browser.find_element(By.ID, "username")


def test_supervisor_walks_every_nav_link_then_logs_out(browser):
    login(browser, "supervisor1")
    assert path_of(browser.current_url) == "/console"
    assert h1_text(browser) == "工作台"

    links = main_nav_links(browser)
    assert links, "主导航 has no links"
    seen, walked = set(), []
    for text, href in links:
        if not href or not href.startswith(BASE_URL) or href in seen:
            continue
        seen.add(href)
        browser.get(href)
        wait(browser).until(lambda d: d.execute_script("return document.readyState") == "complete")
        walked.append((text, path_of(href), assert_good_page(browser, f"nav link {text!r}")))
    assert walked, f"no same-origin links in 主导航: {links}"
    print("walked:", walked)

    open_page(browser, "/console/account")
    assert assert_good_page(browser, "/console/account") == "我的账号"
    for name in ("currentPassword", "newPassword", "confirmPassword"):
        field = browser.find_element(By.CSS_SELECTOR, f"form input[name='{name}']")
        assert field.get_attribute("type") == "password", f"{name} should be a password field"

    logout(browser)
    assert path_of(browser.current_url) == "/console/login"
    assert browser.find_element(By.ID, "username")
    open_page(browser, "/console")
    assert path_of(browser.current_url) == "/console/login", "after logout /console must redirect to login"


def test_login_with_keyboard_only(browser):
    open_page(browser, "/console/login")
    actions = ActionChains(browser)

    def active_id() -> str:
        return browser.execute_script("return document.activeElement && document.activeElement.id") or ""

    for _ in range(30):  # Tab through skip links, header links ... up to the username field
        if active_id() == "username":
            break
        actions.send_keys(Keys.TAB).perform()
    assert active_id() == "username", "Tab never reached the username field"
    actions.send_keys("supervisor1").perform()
    for _ in range(5):
        actions.send_keys(Keys.TAB).perform()
        if active_id() == "password":
            break
    assert active_id() == "password", "Tab from username did not reach the password field"
    actions.send_keys(DEMO_PASSWORD).perform()
    actions.send_keys(Keys.ENTER).perform()
    wait(browser).until(lambda d: path_of(d.current_url) == "/console")
    wait(browser).until(lambda d: h1_text(d) == "工作台")


def nav_texts_and_paths(driver):
    links = main_nav_links(driver)
    return [t for t, _ in links], [path_of(h) for _, h in links]


def test_sysadmin_sees_user_management(browser):
    login(browser, "sysadmin")
    texts, paths = nav_texts_and_paths(browser)
    assert any("用户管理" in t for t in texts), f"用户管理 missing from sysadmin's nav: {texts}"
    assert "/console/users" in paths
    open_page(browser, "/console/users")
    assert page_status(browser) == 200
    assert h1_text(browser) == "用户管理"


def test_supervisor_does_not_see_user_management(browser):
    login(browser, "supervisor1")
    texts, paths = nav_texts_and_paths(browser)
    assert not any("用户管理" in t for t in texts), f"supervisor1's nav shows 用户管理: {texts}"
    assert "/console/users" not in paths
    open_page(browser, "/console/users")
    assert page_status(browser) == 403
    assert h1_text(browser) == "无权访问"


def test_auditadmin_filters_audit_by_outcome(browser):
    login(browser, "auditadmin")
    assert open_page(browser, "/console/audit") == 200
    assert h1_text(browser) == "安全审计"
    field = browser.find_element(By.CSS_SELECTOR, "form [name='outcome']")
    form = field.find_element(By.XPATH, "./ancestor::form")
    assert (form.get_attribute("method") or "get").lower() == "get"
    for name in ("actor", "action", "from", "to"):
        assert form.find_elements(By.CSS_SELECTOR, f"[name='{name}']"), f"audit filter lacks field {name!r}"

    if field.tag_name.lower() == "select":
        select = Select(field)
        values = [o.get_attribute("value") for o in select.options if o.get_attribute("value")]
        assert values, "the outcome <select> has no non-empty option"
        # prefer a failure outcome: the wrong-password test has produced one
        preferred = [v for v in values if any(k in v.lower() for k in ("fail", "deny", "denied", "error"))]
        chosen = (preferred or values)[0]
        select.select_by_value(chosen)
    else:
        chosen = "failure"
        field.clear()
        field.send_keys(chosen)
    buttons = form.find_elements(By.CSS_SELECTOR, "button[type='submit'], button:not([type]), input[type='submit']")
    (buttons[0].click() if buttons else form.submit())
    wait(browser).until(lambda d: "outcome=" in d.current_url)
    wait(browser).until(lambda d: d.execute_script("return document.readyState") == "complete")
    assert parse_qs(urlsplit(browser.current_url).query).get("outcome") == [chosen]
    assert page_status(browser) == 200
    assert h1_text(browser) == "安全审计"


@pytest.mark.parametrize("user", ["supervisor1"])
def test_forbidden_audit_page(browser, user):
    login(browser, user)
    assert open_page(browser, "/console/audit") == 403
    assert h1_text(browser) == "无权访问"
