"""Browser walk of the 执法评议卡 (docs/assessment.md): a party rates its case on the portal with
the demo one-time code, the same code is refused the second time, and the published assessment
results of the bodies are on the portal. Pages are checked with axe on the way."""
from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import clear_session, fill, h1_text, open_page, press
from test_accessibility import check_page

DEMO_CODE = "PJ26-DEMO-AMRA"


def submit_card(browser, code: str, rating: str, comment: str) -> None:
    assert open_page(browser, "/evaluate") == 200
    assert h1_text(browser) == "执法评议卡"
    fill(browser, "code", code)
    Select(browser.find_element(By.ID, "rating")).select_by_value(rating)
    fill(browser, "comment", comment)
    press(browser, "提交评议")


def test_evaluation_card_with_one_time_code(browser):
    clear_session(browser)
    assert open_page(browser, "/evaluate") == 200
    check_page(browser, "执法评议卡")
    submit_card(browser, DEMO_CODE, "4", "告知清楚，态度较好")
    assert "感谢您的评议" in browser.page_source
    submit_card(browser, DEMO_CODE, "1", "再评一次")
    assert "EVALUATION_CODE_USED" in browser.page_source
    assert "感谢您的评议" not in browser.page_source
    submit_card(browser, "ZZZZ-ZZZZ-ZZZZ", "3", "")
    assert "EVALUATION_CODE_UNKNOWN" in browser.page_source


def test_published_assessment_results(browser):
    clear_session(browser)
    assert open_page(browser, "/assessments") == 200
    assert h1_text(browser) == "行政执法评议考核结果"
    assert "长春市市场监督管理局" in browser.page_source
    check_page(browser, "评议考核结果")
