"""Browser walk of 执法办案: an officer files a case (back-dated, so its 90-day limit has passed),
sees it red on the to-do board, takes it through 告知 to 法制审核; the 法制员 reviews it; another
officer approves the decision (文号); the handler serves it and closes it. Pages are checked with axe."""
from __future__ import annotations

import hashlib

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import clear_session, fill, h1_text, login, open_page, path_of, press, set_value
from test_accessibility import check_page

TITLE = "端到端无证经营案"


def demo_uuid(key: str) -> str:
    """`DemoIDs.uuid` of the server: SHA-256 of "quanze-demo:<key>", shaped as a version-5 UUID."""
    b = bytearray(bytes.fromhex(hashlib.sha256(f"quanze-demo:{key}".encode()).hexdigest()[:32]))
    b[6] = (b[6] & 0x0F) | 0x50
    b[8] = (b[8] & 0x3F) | 0x80
    h = b.hex().upper()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"





def select_text(browser, field_id: str, contains: str) -> None:
    select = Select(browser.find_element(By.ID, field_id))
    for option in select.options:
        if contains in option.text:
            select.select_by_value(option.get_attribute("value"))
            return
    raise AssertionError(f"no option containing {contains} in #{field_id}")


def advance(browser, stage_label: str) -> None:
    press(browser, f"进入“{stage_label}”环节")
    assert f"已进入“{stage_label}”环节" in browser.page_source, browser.find_element(By.TAG_NAME, "main").text[:400]


def test_file_review_decide_serve_and_see_the_warning(browser):
    login(browser, "officer.amr1")
    assert open_page(browser, "/console/cases/new") == 200
    check_page(browser, "立案")
    select_text(browser, "powerItemId", "XZCF-001")
    Select(browser.find_element(By.ID, "procedure")).select_by_value("penalty_ordinary")
    fill(browser, "title", TITLE)
    fill(browser, "facts", "日常检查发现当事人未取得食品经营许可从事食品销售。")
    set_value(browser, "filedOn", "2026-08-01")
    Select(browser.find_element(By.ID, "partyKind")).select_by_value("organization")
    fill(browser, "partyName", "长春端到端食品有限公司")
    fill(browser, "partyIdentifier", "91220101MA0Y3XKQ1X")
    Select(browser.find_element(By.ID, "lead")).select_by_value(demo_uuid("officer:amr:0"))
    # First an assistant who holds no post with this power: refused with the rule, nothing saved.
    Select(browser.find_element(By.ID, "assist")).select_by_value(demo_uuid("officer:amr:5"))
    press(browser, "立案")
    assert "不在承担本职权的执法岗位上" in browser.page_source
    assert h1_text(browser) == "立案"
    # Officer 2 holds 案件承办岗 (the post of XZCF-001) in the demo.
    Select(browser.find_element(By.ID, "assist")).select_by_value(demo_uuid("officer:amr:2"))
    browser.find_element(By.ID, "major-complex").click()
    press(browser, "立案")
    assert TITLE in h1_text(browser)
    assert "行政处罚法 第六十条" in browser.page_source and "已超期" in browser.page_source
    case_url = browser.current_url
    check_page(browser, "案件详情")

    assert open_page(browser, "/console/case-warnings?mine=1") == 200
    assert TITLE in browser.page_source and "已超期" in browser.page_source
    check_page(browser, "我的待办")

    browser.get(case_url)
    advance(browser, "调查取证")
    advance(browser, "审查")
    browser.find_element(By.ID, "kind-warning").click()
    advance(browser, "告知（陈述申辩）")
    advance(browser, "法制审核")

    clear_session(browser)
    login(browser, "legal.amr")
    browser.get(case_url)
    fill(browser, "opinion", "事实清楚，证据确凿，程序合法，同意给予警告。")
    press(browser, "提交审核意见")
    assert "已提交法制审核意见" in browser.page_source

    clear_session(browser)
    login(browser, "officer.amr2")
    browser.get(case_url)
    fill(browser, "basis", "《中华人民共和国食品安全法》第一百二十二条")
    fill(browser, "content", "给予警告")
    fill(browser, "performance", "自收到本决定书之日起执行")
    press(browser, "批准并作出决定")
    assert "已作出决定，文号 长春市市场监督管理局决字〔" in browser.page_source
    check_page(browser, "作出决定后")
    open_page(browser, path_of(case_url) + "/documents/decision")
    assert "行政执法决定书" in browser.page_source and "长春端到端食品有限公司" in browser.page_source

    clear_session(browser)
    login(browser, "officer.amr1")
    browser.get(case_url)
    advance(browser, "送达")
    advance(browser, "结案归档")
    assert "已于" in browser.page_source   # limits met
