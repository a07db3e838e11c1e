"""Browser walk of 执法人员 and 证件: the body's 法制员 registers an officer and records the
year's exam, the legal office issues a certificate, and anyone looks it up on the portal.
Pages are checked with axe on the way."""
from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import clear_session, fill, h1_text, login, open_page, press
from test_accessibility import check_page




def set_date(browser, field_id: str, iso: str) -> None:
    browser.execute_script("arguments[0].value = arguments[1]", browser.find_element(By.ID, field_id), iso)


def test_register_issue_certificate_then_public_lookup(browser):
    login(browser, "legal.amr")
    assert open_page(browser, "/console/officers/new") == 200
    check_page(browser, "登记执法人员")
    fill(browser, "name", "端到端")
    fill(browser, "idNumber", "220102198506150037")
    Select(browser.find_element(By.ID, "employment")).select_by_value("在编")
    set_date(browser, "hiredOn", "2026-02-01")
    press(browser, "登记")
    assert h1_text(browser) == "执法人员：端到端"
    assert "220102198506150037" not in browser.page_source, "the ID number is shown only masked"
    assert "不具备执法资格" in browser.page_source
    officer_url = browser.current_url
    set_date(browser, "takenOn", "2026-06-01")
    fill(browser, "score", "86")
    press(browser, "添加考核记录")
    assert "具备执法资格" in browser.page_source
    check_page(browser, "执法人员详情")

    clear_session(browser)
    login(browser, "supervisor1")
    browser.get(officer_url)
    fill(browser, "number", "JLCC-E2E01")
    press(browser, "核发证件")
    assert "已核发证件 JLCC-E2E01" in browser.page_source
    assert "证件电子档案" in browser.page_source
    check_page(browser, "核发证件后")

    clear_session(browser)
    assert open_page(browser, "/certificates?number=JLCC-E2E01") == 200
    check_page(browser, "证件查询")
    rows = browser.find_elements(By.CSS_SELECTOR, "table tbody tr")
    assert len(rows) == 1
    assert "端到端" in rows[0].text and "有效" in rows[0].text
    assert "220102" not in browser.page_source
