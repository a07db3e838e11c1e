"""Browser walk of the issue-5 gaps: a body's 法制员 issues a one-time evaluation code from a case page
(shown once) and the party spends it on the portal; the portal lists the 案卷评查 results; the 案卷评查
plan page shows each file's stratum and assigned reviewers. Pages are checked with axe on the way."""
from __future__ import annotations

import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import clear_session, fill, h1_text, login, open_page, press
from test_accessibility import check_page


def first_case_path(browser) -> str:
    assert open_page(browser, "/console/cases") == 200
    for a in browser.find_elements(By.CSS_SELECTOR, "main a[href]"):
        href = a.get_attribute("href") or ""
        m = re.search(r"/console/cases/[0-9A-Fa-f-]{36}$", href)
        if m:
            return m.group(0)
    raise AssertionError("no case link on /console/cases")


def test_issue_evaluation_code_in_console_and_spend_it(browser):
    login(browser, "legal.amr")
    path = first_case_path(browser)
    assert open_page(browser, path) == 200
    assert "执法评议码" in browser.page_source
    press(browser, "发放一次性评议码")
    code = browser.find_element(By.ID, "issued-evaluation-code").text.strip()
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", code), code
    assert "未使用" in browser.page_source
    check_page(browser, "案件页（评议码）")
    clear_session(browser)
    assert open_page(browser, "/evaluate") == 200
    fill(browser, "code", code)
    Select(browser.find_element(By.ID, "rating")).select_by_value("5")
    press(browser, "提交评议")
    assert "感谢您的评议" in browser.page_source


def test_file_review_results_on_the_portal(browser):
    clear_session(browser)
    assert open_page(browser, "/file-reviews") == 200
    assert h1_text(browser) == "行政处罚案卷评查结果"
    assert "长春市市场监督管理局" in browser.page_source
    assert "孙卷宗" not in browser.page_source
    check_page(browser, "案卷评查结果")


def test_review_plan_shows_strata_and_reviewers(browser):
    login(browser, "supervisor1")
    assert open_page(browser, "/console/file-review") == 200
    link = browser.find_element(By.XPATH, "//main//table//a[contains(@href, '/console/file-review/')]")
    assert open_page(browser, "/console/file-review/" + link.get_attribute("href").rsplit("/", 1)[1]) == 200
    src = browser.page_source
    assert "抽取层" in src and "分配评查员" in src and "抽样分层" in src
    check_page(browser, "评查方案（分层）")
