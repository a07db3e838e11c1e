"""Browser walk of 双随机一公开: the body's 法制员 draws the demo draft plan and publishes it; anyone
re-runs the draw on the portal from its published seed and sees that it matches.
Pages are checked with axe on the way.

Written without a run on the helper's machine (no selenium there): the lead's e2e run is its first."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import clear_session, click_and_wait, fill, login, open_page, set_value
from test_accessibility import check_page


def press(browser, label: str) -> None:
    click_and_wait(browser, browser.find_element(By.XPATH, f"//button[normalize-space()='{label}']"))


def follow(browser, text: str) -> None:
    browser.get(browser.find_element(By.PARTIAL_LINK_TEXT, text).get_attribute("href"))


def test_published_plan_redraws_from_its_seed(browser):
    assert open_page(browser, "/inspections") == 200
    check_page(browser, "双随机抽查公示")
    follow(browser, "第三季度食品经营者双随机抽查")
    check_page(browser, "抽查计划公示")
    seed = browser.find_element(By.CSS_SELECTOR, "code.seed").text
    assert len(seed) == 64
    press(browser, "重新抽取验证")
    assert "验证一致" in browser.find_element(By.ID, "redraw-result").text
    check_page(browser, "重新抽取验证")


def test_legal_officer_draws_publishes_and_the_public_reruns(browser):
    login(browser, "legal.amr")
    assert open_page(browser, "/console/inspection-plans") == 200
    check_page(browser, "双随机抽查计划")
    follow(browser, "第一季度食品经营者双随机抽查")
    assert "可抽取的执法人员" in browser.page_source
    check_page(browser, "抽查计划（草拟）")
    press(browser, "随机抽取")
    assert "已随机抽取" in browser.page_source
    seed = browser.find_element(By.CSS_SELECTOR, "code.seed").text
    press(browser, "公布抽取结果")
    assert "抽取结果已公布" in browser.page_source
    check_page(browser, "抽查计划（已公布）")
    public = browser.find_element(By.LINK_TEXT, "公示页面").get_attribute("href")


    # A result is recorded as a 行政检查 case of the drawn inspectors.
    Select(browser.find_element(By.ID, "kind")).select_by_value("no_problem")
    fill(browser, "summary", "现场检查未发现问题")
    set_value(browser, "inspectedOn", datetime.now(timezone(timedelta(hours=8))).date().isoformat())   # the server counts days in 北京时间
    press(browser, "登记")
    assert "检查结果已登记，并已作为行政检查案件立案" in browser.page_source, browser.find_element(By.TAG_NAME, "main").text[:400]
    follow(browser, "查看案件")
    assert "双随机抽查" in browser.page_source and "实施检查" in browser.page_source
    check_page(browser, "检查案件")

    clear_session(browser)
    browser.get(public)
    assert seed in browser.page_source
    press(browser, "重新抽取验证")
    assert "验证一致" in browser.find_element(By.ID, "redraw-result").text
