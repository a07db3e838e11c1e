"""Browser walk of 投诉举报: an anonymous complaint on the portal, followed with its tracking code; the body's
法制员 accepts, verifies, answers and closes it in the console; the complainant reads the answer with the code.
Pages are checked with axe on the way."""
from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import clear_session, click_and_wait, fill, login, open_page
from test_accessibility import check_page


def press(browser, label: str) -> None:
    click_and_wait(browser, browser.find_element(By.XPATH, f"//button[normalize-space()='{label}']"))


def track(browser, code: str) -> str:
    open_page(browser, "/complaints")
    fill(browser, "trackingCode", code)
    click_and_wait(browser, browser.find_element(By.ID, "track-submit"))
    return browser.find_element(By.ID, "tracked-status").text


def test_anonymous_complaint_is_accepted_answered_and_followed(browser):
    clear_session(browser)
    assert open_page(browser, "/complaints") == 200
    check_page(browser, "投诉举报（公示）")
    Select(browser.find_element(By.ID, "agencyId")).select_by_visible_text("长春市市场监督管理局")
    Select(browser.find_element(By.ID, "subjectKind")).select_by_value("agency")
    fill(browser, "content", "某商店出售过期食品，举报后十天无人处理。")
    browser.find_element(By.ID, "anonymous").click()
    click_and_wait(browser, browser.find_element(By.ID, "complaint-submit"))
    number = browser.find_element(By.ID, "complaint-number").text
    code = browser.find_element(By.ID, "tracking-code").text
    assert number.startswith("长春市投诉〔") and len(code) == 24, browser.find_element(By.TAG_NAME, "main").text[:400]
    check_page(browser, "投诉举报回执")

    # The complainant follows it; a wrong code gets the neutral refusal.
    assert track(browser, code) == "已登记"
    open_page(browser, "/complaints")
    fill(browser, "trackingCode", "0000-0000-0000-0000-0000")
    click_and_wait(browser, browser.find_element(By.ID, "track-submit"))
    assert "查询码无效" in browser.page_source

    # The body's 法制员 handles it.
    login(browser, "legal.amr")
    assert open_page(browser, "/console/complaints") == 200
    check_page(browser, "投诉举报")
    browser.get(browser.find_element(By.LINK_TEXT, number).get_attribute("href"))
    assert browser.find_element(By.ID, "complaint-status").text == "已登记"
    check_page(browser, "投诉举报详情")
    press(browser, "受理")
    assert browser.find_element(By.ID, "complaint-status").text == "已受理"
    Select(browser.find_element(By.ID, "finding")).select_by_value("unsubstantiated")
    fill(browser, "findingText", "经现场核查，该商店已下架过期食品。")
    press(browser, "核查")
    assert browser.find_element(By.ID, "complaint-status").text == "已核查"
    fill(browser, "replyText", "经核查，涉事商店已下架并销毁过期食品，执法人员已责令其整改。")
    press(browser, "反馈")
    assert browser.find_element(By.ID, "complaint-status").text == "已反馈"
    press(browser, "办结")
    assert browser.find_element(By.ID, "complaint-status").text == "已办结"

    # The complainant reads the answer.
    clear_session(browser)
    assert track(browser, code) == "已办结"
    assert "已责令其整改" in browser.find_element(By.ID, "tracked-reply").text
    check_page(browser, "投诉举报查询结果")
