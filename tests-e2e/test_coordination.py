"""Browser walk of 执法协调 and 典型案例通报 (issue 6 items 9, 10): the 法制员 of 通州区市场监督管理局 raises a
hand-off dispute with 城管执法局, files the 协调意见 (通州区关于行政执法协调工作的若干规定 第九条: 3 工作日, shown with its
source); the 通州 法制办 supervisor sees it in the list; a 长春 supervisor composes a typical case naming a person, the
system anonymizes it, and the portal shows only the published, anonymized text. Pages are checked with axe."""
from __future__ import annotations

import datetime

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import click_and_wait, fill, login, open_page
from test_accessibility import check_page


# The server dates the dispute by the real clock (China Standard Time); coordination ends that day.
TODAY = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date().isoformat()


def test_coordination_and_typical_case(browser):
    login(browser, "legal.tzamr")
    assert open_page(browser, "/console/coordination") == 200
    check_page(browser, "执法协调")
    Select(browser.find_element(By.ID, "kind")).select_by_value("handoff")
    fill(browser, "subject", "浏览器测试：无证经营线索移送")
    fill(browser, "description", "市场监管局发现的无证经营线索如何移送城管执法局，两部门意见不一。")
    box = browser.find_element(By.XPATH, "//label[contains(normalize-space(), '城市管理综合行政执法局')]/preceding-sibling::input")
    box.click()
    click_and_wait(browser, browser.find_element(By.ID, "raise-submit"))
    assert browser.find_element(By.ID, "coordination-status").text == "自行协调中", browser.find_element(By.TAG_NAME, "main").text[:400]
    check_page(browser, "执法协调详情")

    # The date input takes the ISO value by script.
    browser.execute_script("arguments[0].value = arguments[1]", browser.find_element(By.ID, "endedOn"), TODAY)
    fill(browser, "opinion", "经协调：市场监管局发现的无证经营线索当日移送城管执法局。")
    click_and_wait(browser, browser.find_element(By.ID, "opinion-submit"))
    assert browser.find_element(By.ID, "coordination-status").text == "执行中", browser.find_element(By.TAG_NAME, "main").text[:400]
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "第九条" in main and "协调意见报区政府法制办备案" in main
    assert "报送区政府法制办备案" in browser.find_element(By.ID, "coordination-timeline").text

    login(browser, "supervisor.tz")
    assert open_page(browser, "/console/coordination") == 200
    assert "浏览器测试：无证经营线索移送" in browser.page_source
    assert "节日市场联合检查" in browser.page_source

    # 典型案例: a name given for anonymization becomes 王某 and the phone is masked.
    login(browser, "supervisor1")
    assert open_page(browser, "/console/typical-cases") == 200
    check_page(browser, "典型案例")
    fill(browser, "title", "浏览器测试：王小明超期作出处罚决定")
    fill(browser, "body", "王小明（电话 13812345678）在办理案件中超过法定期限作出处罚决定。")
    fill(browser, "ruleCited", "行政处罚法 第六十条")
    fill(browser, "handling", "对王小明给予批评教育。")
    fill(browser, "personNames", "王小明")
    click_and_wait(browser, browser.find_element(By.ID, "compose-submit"))
    assert "草稿" in browser.find_element(By.ID, "typical-status").text, browser.find_element(By.TAG_NAME, "main").text[:400]
    assert "王某" in browser.page_source and "王小明" not in browser.find_element(By.ID, "body").get_attribute("value")
    click_and_wait(browser, browser.find_element(By.ID, "publish-submit"))
    assert "已发布" in browser.find_element(By.ID, "typical-status").text

    browser.delete_all_cookies()
    assert open_page(browser, "/typical-cases") == 200
    check_page(browser, "典型案例通报")
    link = browser.find_element(By.PARTIAL_LINK_TEXT, "浏览器测试：王某超期作出处罚决定")
    click_and_wait(browser, link)
    text = browser.find_element(By.TAG_NAME, "main").text
    assert "王某" in text and "王小明" not in text and "13812345678" not in text
    # The demo draft is not on the portal.
    assert open_page(browser, "/typical-cases") == 200
    assert "某局执法人员超期作出处罚决定" not in browser.page_source
