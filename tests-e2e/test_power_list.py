"""Browser walk of the 权责清单: the body's 法制员 drafts a power with a flow and submits it,
the legal office approves and publishes it, and the public sees it with its flowchart.
The console and public pages are checked with axe on the way."""
from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import clear_session, click_and_wait, h1_text, login, open_page, wait
from test_accessibility import check_page

AMR = "7934774E-1B8C-5A35-B6FC-FAA76283A9BA"   # 长春市市场监督管理局 (deterministic demo ID)


def press(browser, label: str) -> None:
    click_and_wait(browser, browser.find_element(By.XPATH, f"//button[normalize-space()='{label}']"))


def test_draft_submit_publish_then_public_with_flowchart(browser):
    name = "城市道路两侧经营秩序检查（端到端）"
    login(browser, "legal.amr")
    assert open_page(browser, f"/console/agencies/{AMR}/power-items/new") == 200
    check_page(browser, "草拟职权事项")
    browser.find_element(By.ID, "code").send_keys("E2E-001")
    browser.find_element(By.ID, "name").send_keys(name)
    Select(browser.find_element(By.ID, "category")).select_by_value("inspection")
    basis = Select(browser.find_element(By.ID, "basis"))
    basis.select_by_visible_text("《中华人民共和国行政处罚法》第四十二条")
    browser.find_element(By.ID, "flow").send_keys("制定检查计划|承办人|5|工作日|\n现场检查|执法人员（两人）|1|日|\n处理决定|批准人||日|")
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='保存草拟']"))
    assert h1_text(browser) == name
    item_url = browser.current_url
    check_page(browser, "职权事项")
    press(browser, "送审")
    assert "已送审" in browser.page_source

    clear_session(browser)
    login(browser, "supervisor1")
    browser.get(item_url)
    press(browser, "审核通过")
    press(browser, "公布")
    assert "已公布" in browser.page_source

    clear_session(browser)
    assert open_page(browser, f"/agencies/{AMR}") == 200
    assert name in browser.page_source
    check_page(browser, "公示：执法主体")
    img = browser.find_element(By.CSS_SELECTOR, f"img[alt^='{name}流程图']")
    wait(browser).until(lambda d: d.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", img))
