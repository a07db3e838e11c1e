"""Browser walk of a 责任追究 matter from its findings to a final decision and its consequence (issue 6):
the 法制办 supervisor opens the demo matter (opened on a case whose decision was reversed on 复议), records the
findings and sees the proposal with its sources, records that the 协办 officer waived the 陈述申辩 after being
told, decides 取消执法资格 with the reason for departing from the proposal, serves it, records the officer's
申诉 and upholds the decision (维持). The decision is then final, its consequence is applied (the officer's
certificate 核销, the qualification withdrawn), and the officer is refused on a new case.

The two demo jurisdictions' profiles (changchun → jilin → national) have no 暂扣 sanction and no appeal
window: their certificate sanction is 取消执法资格, and a decision becomes final through the appeal decision."""
from __future__ import annotations

import datetime
import hashlib
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import click_and_wait, login, open_page
from test_accessibility import check_page


def demo_uuid(key: str) -> str:
    b = bytearray(bytes.fromhex(hashlib.sha256(f"quanze-demo:{key}".encode()).hexdigest()[:32]))
    b[6] = (b[6] & 0x0F) | 0x50
    b[8] = (b[8] & 0x3F) | 0x80
    return str(uuid.UUID(bytes=bytes(b)))


MATTER = demo_uuid("liability-matter:amr:1")
PAGE = f"/console/liability-matters/{MATTER}"
# The server dates its steps by the real clock (China Standard Time).
TODAY = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date().isoformat()


def form(browser, action_suffix: str):
    return browser.find_element(By.CSS_SELECTOR, f"form[action$='{action_suffix}']")


def field(scope, name: str):
    return scope.find_element(By.CSS_SELECTOR, f"[name='{name}']")


def set_value(browser, element, value: str) -> None:
    browser.execute_script("arguments[0].value = arguments[1];", element, value)


def submit(browser, scope) -> None:
    click_and_wait(browser, scope.find_element(By.CSS_SELECTOR, "button[type='submit'], button:not([type])"))


def main_text(browser) -> str:
    return browser.find_element(By.TAG_NAME, "main").text


def test_matter_decided_served_appealed_upheld_and_the_officer_refused(browser):
    login(browser, "supervisor1")
    assert open_page(browser, PAGE) == 200
    assert "调查中" in main_text(browser)

    # Findings: the fault from the profile's catalog; the proposal appears with its sources.
    f = form(browser, "/findings")
    Select(field(f, "faultSituation")).select_by_index(0)
    submit(browser, f)
    text = main_text(browser)
    assert "第 1 次认定" in text and "处理建议" in text, text[:600]
    check_page(browser, "责任追究案件：认定与处理建议")

    # Only the 协办 officer (陈长青) is decided on; the others get no decision now.
    persons = {o.text: o.get_attribute("value") for o in Select(field(form(browser, "/hearing-waivers"), "personId")).options}
    assistant = next(v for k, v in persons.items() if k == "陈长青").lower()

    # Deciding before the officer was heard is refused (HEARING_REQUIRED).
    def decide():
        d = form(browser, "/decision")
        field(d, "facts").send_keys("复议机关以认定事实不清为由撤销原处罚决定；协办人员未按规定调查取证。")
        field(d, "reasons").send_keys("协办人员调查取证严重失职，情节较重。")
        for select in d.find_elements(By.CSS_SELECTOR, "select[name^='include_']"):
            Select(select).select_by_value("on" if select.get_attribute("name") == f"include_{assistant}" else "")
        share = Select(field(d, f"share_{assistant}"))
        share.select_by_visible_text(next(o.text for o in share.options if "相应" in o.text or "次要" in o.text))
        sanctions = field(d, f"sanctions_{assistant}")
        sanctions.clear()
        sanctions.send_keys("revoke_enforcement_qualification")
        field(d, f"reason_{assistant}").send_keys("本配置未规定情节与处理的对应，由追究机关依失职程度决定")
        submit(browser, d)

    decide()
    assert "陈述申辩" in main_text(browser), main_text(browser)[:600]
    assert open_page(browser, PAGE) == 200

    # The officer was told and waived the defence.
    w = form(browser, "/hearing-waivers")
    Select(field(w, "personId")).select_by_visible_text("陈长青")
    set_value(browser, field(w, "recordedOn"), TODAY)
    field(w, "note").send_keys("已书面告知陈述申辩权利，本人明确放弃")
    submit(browser, w)
    assert open_page(browser, PAGE) == 200

    decide()
    text = main_text(browser)
    assert "取消行政执法资格" in text or "取消执法资格" in text, text[:800]
    assert "未送达" in text
    check_page(browser, "责任追究案件：已作出决定")

    # The decision document names the appeal rights.
    assert open_page(browser, f"{PAGE}/document") == 200
    assert "申诉" in browser.find_element(By.ID, "appeal-rights").text
    assert open_page(browser, PAGE) == 200

    # Service, then the officer's 申诉 recorded by the pursuer, then 维持.
    s = form(browser, "/service")
    set_value(browser, field(s, "servedOn"), TODAY)
    submit(browser, s)
    assert "已送达" in main_text(browser) or TODAY in main_text(browser)
    assert open_page(browser, PAGE) == 200
    a = form(browser, "/appeal")
    set_value(browser, field(a, "lodgedOn"), TODAY)
    field(a, "grounds").send_keys("认为处理过重，申请复核")
    submit(browser, a)
    assert open_page(browser, PAGE) == 200
    ad = form(browser, "/appeal-decision")
    outcome = Select(field(ad, "outcome"))
    outcome.select_by_visible_text(next(o.text for o in outcome.options if "维持" in o.text))
    field(ad, "reason").send_keys("原决定事实清楚，处理适当")
    submit(browser, ad)
    text = main_text(browser)
    assert "维持" in text, text[:800]
    assert "已生效" in text or "生效" in text, text[:800]

    # The officer page shows the consequence in force.
    login(browser, "officer.amr1")
    assert open_page(browser, "/console/cases/new") == 200
    power = Select(browser.find_element(By.ID, "powerItemId"))
    power.select_by_value(next(o.get_attribute("value") for o in power.options if "XZCF-001" in o.text))
    Select(browser.find_element(By.ID, "procedure")).select_by_value("penalty_ordinary")
    browser.find_element(By.ID, "title").send_keys("责任追究后立案")
    browser.find_element(By.ID, "facts").send_keys("检查发现当事人未取得食品经营许可从事经营。")
    Select(browser.find_element(By.ID, "partyKind")).select_by_value("organization")
    browser.find_element(By.ID, "partyName").send_keys("长春某食品有限公司")
    browser.find_element(By.ID, "partyIdentifier").send_keys("91220101MA0Y3XKQ1X")
    Select(browser.find_element(By.ID, "lead")).select_by_value(demo_uuid("officer:amr:0").upper())
    assist = Select(browser.find_element(By.ID, "assist"))
    assist.select_by_visible_text(next(o.text for o in assist.options if "陈长青" in o.text))
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='立案']"))
    refusal = browser.find_element(By.CSS_SELECTOR, "main .alert.error").text
    print("refused:", refusal)
    assert "陈长青" in refusal and ("执法资格" in refusal or "核销" in refusal), refusal
    assert "立案" in browser.find_element(By.TAG_NAME, "h1").text
