"""Browser walk of 责任追究 intake and investigation (issue 6 items 2, 3): the 法制办 supervisor enters a
media report by hand, files it (立案), is refused an investigator who handled the case's body, appoints two
others and records an interview; a second item is declined with its reason; the handler of the demo matter
reads it and submits a statement (陈述申辩). Pages are checked with axe on the way."""
from __future__ import annotations

import hashlib
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import click_and_wait, fill, login, open_page
from test_accessibility import check_page


def demo_uuid(key: str) -> str:
    """DemoIDs.uuid: sha256 of "quanze-demo:<key>", version and variant bits set."""
    b = bytearray(bytes.fromhex(hashlib.sha256(f"quanze-demo:{key}".encode()).hexdigest()[:32]))
    b[6] = (b[6] & 0x0F) | 0x50
    b[8] = (b[8] & 0x3F) | 0x80
    return str(uuid.UUID(bytes=bytes(b))).upper()


def press(browser, label: str) -> None:
    click_and_wait(browser, browser.find_element(By.XPATH, f"//button[normalize-space()='{label}']"))


def enter_item(browser, summary: str) -> None:
    assert open_page(browser, "/console/liability-intake") == 200
    Select(browser.find_element(By.ID, "sourceKind")).select_by_value("media")
    Select(browser.find_element(By.ID, "agencyId")).select_by_visible_text("长春市市场监督管理局")
    fill(browser, "summary", summary)
    fill(browser, "sourceDetail", "长春晚报 读者热线")
    click_and_wait(browser, browser.find_element(By.ID, "enter-submit"))
    assert browser.find_element(By.ID, "intake-status").text == "待处理", browser.find_element(By.TAG_NAME, "main").text[:400]


def test_intake_filed_investigated_and_defended(browser):
    login(browser, "supervisor1")
    assert open_page(browser, "/console/liability-intake") == 200
    check_page(browser, "责任追究线索")
    assert "媒体报道" in browser.page_source

    # A media report entered by hand: the legal office pursues; the city's profile sets no intake period.
    enter_item(browser, "媒体报道：市场监管执法人员检查时态度粗暴")
    assert "长春市司法局" in browser.page_source
    assert "未规定" in browser.find_element(By.ID, "intake-deadline").text
    check_page(browser, "责任追究线索详情")
    press(browser, "立案")
    assert browser.find_element(By.ID, "matter-status").text == "调查中"
    assert "未规定" in browser.find_element(By.ID, "investigators-minimum").text
    check_page(browser, "责任追究案件")

    # An investigator from the examined body is refused (回避), two others are appointed.
    Select(browser.find_element(By.ID, "investigatorUserId")).select_by_visible_text(
        next(o.text for o in Select(browser.find_element(By.ID, "investigatorUserId")).options if "legal.amr" in o.text))
    press(browser, "指定")
    assert "应当回避" in browser.page_source
    for account in ["supervisor2", "reviewer1"]:
        select = Select(browser.find_element(By.ID, "investigatorUserId"))
        select.select_by_visible_text(next(o.text for o in select.options if f"（{account}）" in o.text))
        press(browser, "指定")
        assert "已指定调查人员" in browser.page_source
    Select(browser.find_element(By.ID, "kind")).select_by_value("interview")
    fill(browser, "title", "询问被反映人员")
    fill(browser, "content", "被反映人员称当时系正常执法，已提供执法记录仪视频。")
    press(browser, "记入全过程记录")
    assert "询问被反映人员" in browser.page_source

    # A second item declined with its reason.
    enter_item(browser, "媒体报道：某执法人员上班时间外出")
    fill(browser, "reason", "经核实，当事人系经批准外出执行检查任务")
    press(browser, "不予立案")
    assert browser.find_element(By.ID, "intake-status").text == "不予立案"
    assert "经批准外出执行检查任务" in browser.find_element(By.ID, "decline-reason").text

    # The demo matter's handler reads it and states and defends; the investigation log is not shown to them.
    login(browser, "officer.amr1")
    matter = demo_uuid("liability-matter:amr:1")
    assert open_page(browser, f"/console/liability-matters/{matter}") == 200
    assert "调查记录" not in browser.page_source
    fill(browser, "text", "检查笔录未签字是因为当事人拒签，已在笔录中注明。")
    press(browser, "提交")
    assert "陈述申辩已提交" in browser.page_source
    check_page(browser, "责任追究案件（被调查人员）")
