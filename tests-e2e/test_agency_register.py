"""Browser walk of the 执法主体 register: the legal office registers a body, confirms it,
announces it, and the body appears on the public portal only after the announcement."""
from __future__ import annotations

import datetime

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import click_and_wait, h1_text, login, open_page, wait

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def uscc(first17: str) -> str:
    """GB 32100-2015 check character: weights 3^(i-1) mod 31, check = 31 - (sum mod 31), 31 -> 0."""
    total = sum(ALPHABET.index(c) * pow(3, i, 31) for i, c in enumerate(first17))
    return first17 + ALPHABET[(31 - total % 31) % 31]


def submit_form_with(browser, field_name: str) -> None:
    field = browser.find_element(By.NAME, field_name)
    form = field.find_element(By.XPATH, "./ancestor::form")
    click_and_wait(browser, form.find_element(By.CSS_SELECTOR, "button[type='submit']"))


def test_register_confirm_announce_then_public(browser):
    name = "长春市人民防空办公室（端到端）"
    login(browser, "supervisor1")
    assert open_page(browser, "/console/agencies/new") == 200
    browser.find_element(By.ID, "name").send_keys(name)
    browser.find_element(By.ID, "uscc").send_keys(uscc("11220100MB3900001"))
    Select(browser.find_element(By.ID, "kind")).select_by_value("statutory_organ")
    browser.find_element(By.ID, "regionCode").send_keys("220100")
    submit_form_with(browser, "uscc")
    assert h1_text(browser) == name
    assert "待确认" in browser.page_source

    # Not on the portal before confirmation and announcement.
    detail = browser.current_url
    open_page(browser, "/agencies")
    assert name not in browser.page_source

    browser.get(detail)
    browser.find_element(By.ID, "confirmationRef").send_keys("长司确〔2026〕99号")
    submit_form_with(browser, "confirmationRef")
    assert "已确认主体资格" in browser.page_source

    browser.find_element(By.ID, "announcementRef").send_keys("长春市人民政府公告〔2026〕第99号")
    today = datetime.date.today().isoformat()
    browser.execute_script("document.getElementById('announcedOn').value = arguments[0]", today)
    submit_form_with(browser, "announcementRef")
    assert "已公告" in browser.page_source

    open_page(browser, "/agencies")
    assert name in browser.page_source
    assert "长春市人民政府公告〔2026〕第99号" in browser.page_source
