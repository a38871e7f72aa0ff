#!/usr/bin/env python3
"""Writes the example evidence packages in this folder (deterministic: run it again, get the same files).

    python3 examples/generate_examples.py            # the four examples, the zip, and national-2012/ (two)

    python3 examples/generate_examples.py --big N F  # a synthetic package of N activities to F (benchmarks)

The 台账 workbook of each package, in workbooks/, is written from it by Java (`sh examples/export_workbooks.sh`,
which runs `civcheck export`); run that after this. The packages follow shared/spec/evidence-package.md. They are written for the project; the first
mirrors the 区委办公室 of shared/seed (its part 一 activities and its part 二 problems).
"""
import datetime as dt
import io
import json
import os
import random
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))


def d(s):
    return dt.date.fromisoformat(s)


def iso(day):
    return day.isoformat()


def weekdays(year, weekday, start="01-01", end="12-31"):
    """Every given weekday (0 = Monday) between two month-days of a year."""
    day, last = d(f"{year}-{start}"), d(f"{year}-{end}")
    while day.weekday() != weekday:
        day += dt.timedelta(days=1)
    while day <= last:
        yield day
        day += dt.timedelta(days=7)


class Package:
    def __init__(self, unit, period, inspection):
        self.doc = {"schemaVersion": 1, "unit": unit, "period": period, "inspectionDate": inspection,
                    "plans": [], "activities": []}
        self.n = 0

    def act(self, type_, title, day, organizer="self", attendance=None, participants=None, kinds=(),
            record_lag=0, record_day=None, **extra):
        self.n += 1
        a = {"id": f"act-{self.n:04d}", "type": type_, "title": title, "date": iso(day), "organizer": organizer}
        if attendance:
            a["attendance"] = attendance
        if participants is not None:
            a["participants"] = participants
        a.update(extra)
        rday = record_day or (day + dt.timedelta(days=record_lag))
        ext = {"photo": "jpg", "attendance-sheet": "jpg", "video": "mp4"}
        a["attachments"] = [{"kind": k, "file": f"taizhang/{a['id']}-{k}.{ext.get(k, 'pdf')}", "date": iso(rday)}
                            for k in kinds]
        self.doc["activities"].append(a)
        return a

    def plan(self, id_, kind, title, day):
        self.doc["plans"].append({"id": id_, "kind": kind, "title": title, "date": day,
                                  "attachments": [{"kind": "document", "file": f"plans/{id_}.pdf", "date": day}]})

    def write(self, name):
        os.makedirs(os.path.dirname(os.path.join(HERE, name)), exist_ok=True)
        with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
            json.dump(self.doc, f, ensure_ascii=False, indent=2)
            f.write("\n")


def share(depts, rates, rnd):
    """Attendance per department: each department's staff times its rate, jittered."""
    out = {}
    for dep in depts:
        r = rates.get(dep["id"], 0.0)
        n = int(round(dep["staff"] * max(0.0, min(1.0, r + rnd.uniform(-0.1, 0.1)))))
        if n:
            out[dep["id"]] = n
    return out


def seed_district_office():
    """The 区委办公室 of the seed report: busy all year, but arranged by the 文明办, narrow, part-time."""
    rnd = random.Random(2025)
    depts = [{"id": "msk", "name": "秘书科", "staff": 10}, {"id": "zhk", "name": "综合科", "staff": 9},
             {"id": "xxk", "name": "信息科", "staff": 7}, {"id": "dcs", "name": "督查室", "staff": 6},
             {"id": "jyk", "name": "机要科", "staff": 8}, {"id": "hqk", "name": "后勤服务中心", "staff": 6}]
    unit = {"id": "qw-office", "name": "××区委办公室", "level": "provincial", "titleSince": 2017, "staff": 46,
            "partyMembers": 38, "departments": depts, "coordinator": {"name": "王××", "dedicated": False}}
    p = Package(unit, {"from": "2025-01-01", "to": "2025-12-31"}, "2026-01-20")
    # No plan in advance: the annual plan came in May; no long-term systems, no responsibility split.
    p.plan("doc-01", "annual-plan", "2025年精神文明创建工作安排", "2025-05-20")
    p.plan("doc-02", "summary", "2025年精神文明创建工作总结", "2026-01-08")
    core = {"msk": 0.8, "zhk": 0.75, "xxk": 0.6, "dcs": 0.2, "jyk": 0.1, "hqk": 0.05}
    # 一是 every Thursday afternoon 集中理论学习; minutes written up at the year's end (加班整理).
    for day in weekdays(2025, 3):
        if day.month == 2 and day.day < 10:
            continue  # Spring Festival
        p.act("theory-study", "周四下午集中理论学习", day, attendance=share(depts, core, rnd),
              kinds=("minutes", "attendance-sheet"), record_day=d("2025-12-20") + dt.timedelta(days=rnd.randint(0, 25)))
    # 二是 三会一课, monthly 主题党日.
    for m in range(1, 13):
        p.act("party-life", f"{m}月主题党日暨重温入党誓词", d(f"2025-{m:02d}-25"), attendance=share(depts, core, rnd),
              kinds=("minutes", "attendance-sheet"), record_day=d("2026-01-05") + dt.timedelta(days=rnd.randint(0, 10)))
    for i, m in enumerate((3, 6, 9, 12)):
        p.act("integrity-education", ["参观廉政教育基地", "观看警示教育片", "典型案例分析研判", "讲家风家训"][i],
              d(f"2025-{m:02d}-12"), attendance=share(depts, core, rnd), kinds=("minutes", "photo"), record_lag=3)
    for m in (4, 10):
        p.act("professional-training", "岗位练兵和普法知识竞赛", d(f"2025-{m:02d}-16"),
              attendance=share(depts, core, rnd), kinds=("photo",), record_lag=2)
    # （二）立德树人: 学习焦裕禄精神、身边好人; 七一、十一 主题活动.
    p.act("model-learning", "学习焦裕禄精神和身边好人先进事迹", d("2025-05-14"), attendance=share(depts, core, rnd),
          kinds=("photo",), record_lag=1)
    p.act("commemoration", "七一缅怀先烈、回顾党史", d("2025-06-30"), attendance=share(depts, core, rnd),
          kinds=("photo", "news"), record_lag=1)
    p.act("commemoration", "国庆重温入党誓词", d("2025-09-29"), attendance=share(depts, core, rnd),
          kinds=("photo",), record_lag=1)
    # （三）应急值守 and a donation arranged from above.
    for m in (1, 2, 7, 8):
        p.act("epidemic-prevention", "24小时值班通联保障", d(f"2025-{m:02d}-05"), participants=12, kinds=("document",))
    p.act("charity-donation", "党员捐款", d("2025-02-12"), organizer="superior", participants=38, amount=4200,
          kinds=("receipt",), record_lag=2)
    # （四）志愿服务: 走访慰问, 微心愿, 文明交通 — as the 文明办 arranged.
    p.act("visits-condolence", "春节走访慰问困难群众", d("2025-01-22"), organizer="superior", participants=8,
          kinds=("photo", "news"), record_lag=1)
    p.act("child-care", "留守困难家庭儿童微心愿认领", d("2025-05-28"), organizer="civilization-office",
          participants=20, amount=2000, kinds=("photo",), record_lag=2)
    for day in ("2025-03-18", "2025-07-15", "2025-11-11"):
        p.act("civilized-traffic", "重点路段文明交通劝导", d(day), organizer="civilization-office",
              attendance=share(depts, {"msk": 0.5, "zhk": 0.5, "xxk": 0.4}, rnd), volunteerHours=40,
              kinds=("photo",), record_lag=1)
    # （五）文明家庭评选 and 家风家训誊抄.
    p.act("family-virtue", "区委办公室“文明家庭”评选表彰", d("2025-05-15"), attendance=share(depts, core, rnd),
          kinds=("document", "photo"), record_lag=5)
    p.act("family-virtue", "家风家训誊抄活动", d("2025-08-20"), attendance=share(depts, core, rnd),
          kinds=("photo",), record_lag=2)
    # （六）清洁家园: every Tuesday and Friday afternoon, as the 文明城市 work requires.
    for wd in (1, 4):
        for day in weekdays(2025, wd, "03-01", "11-30"):
            p.act("city-creation", "清洁家园义务劳动", day, organizer="civilization-office",
                  attendance=share(depts, {"msk": 0.3, "zhk": 0.3, "xxk": 0.2, "dcs": 0.1}, rnd),
                  volunteerHours=round(rnd.uniform(12, 20), 1), kinds=("photo",), record_lag=0)
    # （七）结对帮扶.
    p.act("poverty-alleviation", "春节前夕访贫问苦", d("2025-01-24"), organizer="superior", participants=6,
          kinds=("photo",), record_lag=1)
    p.act("poverty-alleviation", "“送温暖、送政策、送岗位”对口帮扶调研", d("2025-11-05"), organizer="superior",
          participants=5, kinds=("photo", "news"), record_lag=2)
    p.doc["volunteers"] = {"registered": 21}
    p.doc["honors"] = [{"title": "省级文明单位（复查保留）", "level": "provincial", "date": "2025-03-01"}]
    p.doc["surveys"] = [{"kind": "public", "respondents": 200, "satisfied": 184, "date": "2025-12-10"},
                        {"kind": "staff", "respondents": 46, "satisfied": 41, "date": "2025-12-12"}]
    p.write("seed-district-office.json")


def well_run(unit_id, name, incidents=None):
    """A library that plans its year in January and works it month by month, everyone taking part."""
    rnd = random.Random(unit_id)
    depts = [{"id": "bgs", "name": "办公室", "staff": 8}, {"id": "cbb", "name": "采编部", "staff": 12},
             {"id": "ltb", "name": "流通部", "staff": 16}, {"id": "jsb", "name": "技术部", "staff": 6},
             {"id": "tgb", "name": "推广部", "staff": 10}]
    unit = {"id": unit_id, "name": name, "level": "municipal", "titleSince": 2019, "staff": 52, "partyMembers": 30,
            "departments": depts, "coordinator": {"name": "陈××", "dedicated": True}}
    p = Package(unit, {"from": "2025-01-01", "to": "2025-12-31"}, "2026-01-15")
    p.plan("doc-01", "annual-plan", "2025年文明单位创建工作计划", "2025-01-10")
    p.plan("doc-02", "system", "理论学习制度", "2025-01-10")
    p.plan("doc-03", "system", "志愿服务管理办法", "2025-01-10")
    p.plan("doc-04", "system", "创建台账管理制度", "2025-01-15")
    p.plan("doc-05", "responsibility", "2025年创建工作任务分解和责任分工", "2025-01-15")
    everyone = {"bgs": 0.7, "cbb": 0.6, "ltb": 0.55, "jsb": 0.6, "tgb": 0.7}
    study = ("minutes", "attendance-sheet")
    shown = ("photo", "news")
    for m in range(1, 13):
        for day in (8, 22):
            p.act("theory-study", f"{m}月集中理论学习", d(f"2025-{m:02d}-{day:02d}"),
                  attendance=share(depts, everyone, rnd), kinds=study)
        p.act("party-life", f"{m}月主题党日", d(f"2025-{m:02d}-26"), attendance=share(depts, everyone, rnd), kinds=study)
        p.act("volunteer-service", f"“书香满城”{m}月志愿服务进社区", d(f"2025-{m:02d}-15"),
              attendance=share(depts, everyone, rnd), volunteerHours=round(rnd.uniform(75, 95), 1), kinds=shown,
              tags=["featured"] if m % 2 == 0 else [])
    for m in (1, 7):
        p.act("leadership-meeting", "党委会专题研究创建工作", d(f"2025-{m:02d}-12"), participants=7, kinds=study)
    for m in (3, 6, 9, 11):
        p.act("integrity-education", "廉政警示教育", d(f"2025-{m:02d}-18"), attendance=share(depts, everyone, rnd),
              kinds=study)
    creation = [
        ("core-values-promotion", "核心价值观主题展览", "2025-03-10"), ("core-values-promotion", "核心价值观进阅览室", "2025-09-10"),
        ("moral-lecture", "道德讲堂：身边好人", "2025-02-20"), ("moral-lecture", "道德讲堂：孝老爱亲", "2025-05-20"),
        ("model-learning", "学习道德模范事迹", "2025-08-20"), ("moral-lecture", "道德讲堂：诚信", "2025-11-20"),
        ("festival", "我们的节日·元宵猜灯谜", "2025-02-12"), ("festival", "我们的节日·端午诵读", "2025-05-30"),
        ("festival", "我们的节日·中秋", "2025-10-06"), ("commemoration", "七一党史读书会", "2025-07-01"),
        ("civility-selection", "文明科室、文明职工评选", "2025-12-05"), ("family-virtue", "好家风家训分享会", "2025-04-16"),
        ("reading-club", "职工读书月", "2025-04-23"), ("culture-sports", "职工趣味运动会", "2025-10-18"),
        ("frugality", "光盘行动倡议", "2025-06-12"), ("publicity", "创建信息报送（一季度）", "2025-03-28"),
        ("publicity", "创建信息报送（二季度）", "2025-06-27"), ("publicity", "创建信息报送（三季度）", "2025-09-26"),
        ("online-civility", "网络文明宣传周", "2025-11-14"), ("visits-condolence", "春节走访慰问退休职工", "2025-01-20"),
        ("child-care", "关爱留守儿童阅读陪伴", "2025-06-01"), ("poverty-alleviation", "结对村书屋共建", "2025-08-08"),
        ("charity-donation", "慈善一日捐", "2025-07-20"), ("civilized-traffic", "文明交通劝导", "2025-04-08"),
        ("city-creation", "清洁家园", "2025-09-18"),
    ]
    for type_, title, day in creation:
        organizer = "civilization-office" if type_ in ("civilized-traffic", "city-creation", "charity-donation") else "self"
        p.act(type_, title, d(day), organizer=organizer, attendance=share(depts, everyone, rnd), kinds=shown, record_lag=1)
    p.doc["volunteers"] = {"registered": 44}
    p.doc["honors"] = [{"title": "市级文明单位", "level": "municipal", "date": "2025-03-01"}]
    p.doc["surveys"] = [{"kind": "public", "respondents": 300, "satisfied": 287, "date": "2025-12-08"},
                        {"kind": "staff", "respondents": 52, "satisfied": 49, "date": "2025-12-09"}]
    if incidents:
        p.doc["incidents"] = incidents
    return p


def rushed():
    """A unit that did most of its year in the six weeks before the inspection, and wrote it all up then."""
    rnd = random.Random(7)
    depts = [{"id": "zhb", "name": "综合办", "staff": 9}, {"id": "ywk", "name": "业务科", "staff": 14},
             {"id": "cwk", "name": "财务科", "staff": 5}]
    unit = {"id": "hz-tax-branch", "name": "××市税务局××分局", "level": "municipal", "titleSince": 2022, "staff": 28,
            "departments": depts, "coordinator": {"name": "刘××", "dedicated": False}}
    p = Package(unit, {"from": "2025-01-01", "to": "2025-12-31"}, "2026-01-10")
    p.plan("doc-01", "annual-plan", "2025年创建工作计划", "2025-02-20")
    p.plan("doc-02", "system", "创建工作制度汇编", "2025-12-02")
    p.plan("doc-03", "responsibility", "创建工作责任分工", "2025-12-02")
    everyone = {"zhb": 0.7, "ywk": 0.6, "cwk": 0.6}
    for m in (3, 6, 9):
        p.act("theory-study", "集中学习", d(f"2025-{m:02d}-12"), attendance=share(depts, everyone, rnd),
              kinds=("minutes", "attendance-sheet"), record_day=d("2025-12-15"))
        p.act("party-life", "主题党日", d(f"2025-{m:02d}-26"), attendance=share(depts, everyone, rnd),
              kinds=("minutes", "attendance-sheet"), record_day=d("2025-12-16"))
    p.act("volunteer-service", "学雷锋志愿服务", d("2025-03-05"), attendance=share(depts, everyone, rnd),
          volunteerHours=30, kinds=("photo",), record_day=d("2025-12-18"))
    # The rush: from December, everything at once — enough to reach the year's counts (24 studies, 12
    # party meetings, 12 volunteer activities, …), so only the spread over the year gives it away.
    start = d("2025-12-01")
    rush = ["theory-study"] * 21 + ["party-life"] * 9 + ["volunteer-service"] * 9 + ["integrity-education"] * 4 + [
        "core-values-promotion", "core-values-promotion", "moral-lecture", "moral-lecture", "model-learning",
        "model-learning", "festival", "festival", "commemoration", "commemoration", "civility-selection",
        "family-virtue", "reading-club", "culture-sports", "publicity", "publicity", "publicity", "online-civility",
        "visits-condolence", "charity-donation", "child-care", "poverty-alleviation", "leadership-meeting",
        "leadership-meeting", "civilized-traffic", "city-creation", "frugality"]
    names = {"theory-study": "集中学习", "party-life": "组织生活会", "volunteer-service": "志愿服务",
             "integrity-education": "廉政教育"}
    for i, type_ in enumerate(rush):
        day = start + dt.timedelta(days=i % 31)
        kinds = ("minutes", "attendance-sheet") if type_ in ("theory-study", "party-life") else ("photo", "news")
        p.act(type_, names.get(type_, "创建活动"), day, attendance=share(depts, everyone, rnd),
              volunteerHours=40 if type_ == "volunteer-service" else None, kinds=kinds, record_lag=rnd.randint(0, 3))
    for a in p.doc["activities"]:
        if a.get("volunteerHours") is None:
            a.pop("volunteerHours", None)
    p.doc["volunteers"] = {"registered": 18}
    p.doc["surveys"] = [{"kind": "public", "respondents": 120, "satisfied": 110, "date": "2025-12-20"},
                        {"kind": "staff", "respondents": 28, "satisfied": 25, "date": "2025-12-20"}]
    p.write("rushed-before-inspection.json")


def national_hospital():
    """A county hospital checked against the national table (criteria/national-2012): every content
    the ledger can show is there — 学雷锋活动方案, 岗位规范, a document tagged 关爱职工, moral lectures with
    three photos and a sign-in sheet each, 我们的节日 named in the titles — and the unit's own scores,
    notes and photos for the seven contents only an inspector can see (实地考察、问卷调查)."""
    rnd = random.Random("national")
    depts = [{"id": "yzb", "name": "院办", "staff": 10}, {"id": "nk", "name": "内科", "staff": 30},
             {"id": "wk", "name": "外科", "staff": 26}, {"id": "hlb", "name": "护理部", "staff": 34}]
    unit = {"id": "xx-county-hospital", "name": "××县人民医院", "level": "provincial", "titleSince": 2021, "staff": 100,
            "departments": depts, "coordinator": {"name": "周××", "dedicated": True}}
    p = Package(unit, {"from": "2025-01-01", "to": "2025-12-31"}, "2026-01-20")
    p.plan("doc-01", "activity-plan", "2025年学雷锋活动总体方案", "2025-02-10")
    p.plan("doc-02", "system", "医务人员岗位规范", "2025-01-15")
    p.plan("doc-03", "other", "困难职工帮扶办法", "2025-01-15")
    p.doc["plans"][-1]["tags"] = ["关爱职工"]
    p.plan("doc-04", "system", "志愿服务管理制度", "2025-01-15")
    p.plan("doc-05", "system", "职工学习制度", "2025-01-15")
    p.plan("doc-06", "system", "节约能源资源管理制度", "2025-01-15")
    p.plan("doc-07", "other", "患者服务承诺", "2025-01-15")
    rates = {"yzb": 0.6, "nk": 0.4, "wk": 0.35, "hlb": 0.45}
    shown = ("photo", "news")
    for m in range(1, 13):
        p.act("theory-study", f"{m}月集中学习", d(f"2025-{m:02d}-10"), attendance=share(depts, rates, rnd),
              kinds=("minutes", "attendance-sheet"))
        p.act("volunteer-service", f"“健康义诊进乡村”{m}月志愿服务", d(f"2025-{m:02d}-18"),
              attendance=share(depts, rates, rnd), volunteerHours=round(rnd.uniform(60, 90), 1), kinds=shown)
    for m in (2, 5, 8, 11):
        a = p.act("moral-lecture", "道德讲堂：医者仁心", d(f"2025-{m:02d}-20"), attendance=share(depts, rates, rnd),
                  kinds=("photo", "attendance-sheet"))
        a["attachments"] += [{"kind": "photo", "file": f"taizhang/{a['id']}-photo-{i}.jpg", "date": a["date"]}
                             for i in (2, 3)]
        p.act("classic-reading", "经典诵读：《论语》选读", d(f"2025-{m:02d}-25"), attendance=share(depts, rates, rnd),
              kinds=shown)
        p.act("culture-sports", "职工文体活动", d(f"2025-{m:02d}-12"), attendance=share(depts, rates, rnd), kinds=shown)
        p.act("publicity", "创建信息报送", d(f"2025-{m + 1:02d}-28"), kinds=("news",))
        p.act("online-civility", "网络文明传播", d(f"2025-{m:02d}-14"), kinds=shown)
        p.act("poverty-alleviation", "结对村卫生室帮扶", d(f"2025-{m:02d}-08"), kinds=shown)
    for m, title in ((1, "我们的节日·春节慰问"), (2, "我们的节日·元宵猜灯谜"), (4, "我们的节日·清明祭英烈"),
                     (5, "我们的节日·端午诵读"), (10, "我们的节日·中秋联欢"), (10, "我们的节日·重阳敬老义诊")):
        p.act("festival", title, d(f"2025-{m:02d}-{6 + m:02d}"), attendance=share(depts, rates, rnd), kinds=shown)
    for m in (4, 10):
        p.act("etiquette", "医患沟通与文明礼仪培训", d(f"2025-{m:02d}-16"), attendance=share(depts, rates, rnd),
              kinds=shown)
        p.act("frugality", "光盘行动、节约用电倡议", d(f"2025-{m:02d}-22"), kinds=shown)
    p.act("civility-selection", "岗位学雷锋标兵评选", d("2025-12-05"), kinds=shown)
    p.act("model-learning", "学习身边的学雷锋先进典型", d("2025-03-05"), attendance=share(depts, rates, rnd), kinds=shown)
    p.act("charity-donation", "慈善一日捐", d("2025-07-20"), kinds=("receipt",))
    p.doc["volunteers"] = {"registered": 38}
    p.doc["surveys"] = [{"kind": "public", "respondents": 400, "satisfied": 372, "date": "2025-12-10"}]
    p.doc["claims"] = [
        {"indicator": "lecture-venue", "score": 3, "note": "门诊楼五楼设道德讲堂，悬挂标识，墙面展示本院身边好人。",
         "files": ["claims/lecture-venue.jpg"]},
        {"indicator": "reading-room", "score": 2, "note": "职工书屋藏书三千余册，每季度更新，设借阅登记。",
         "files": ["claims/reading-room.jpg"]},
        {"indicator": "courteous-conduct", "score": 3, "note": "窗口岗位推行首问负责和文明用语，全年开展明察暗访四次。",
         "files": ["claims/courtesy-check.pdf"]},
        {"indicator": "frugality-practice", "score": 2, "note": "食堂张贴光盘提示，后勤科每月检查节水节电。",
         "files": ["claims/frugality.jpg"]},
        {"indicator": "culture-venues", "score": 2, "note": "设职工活动室一处，配乒乓球台和健身器材。",
         "files": ["claims/culture-room.jpg"]},
        {"indicator": "tidy-premises", "score": 4, "note": "院区划分卫生责任区，每周检查；门诊楼前绿化带专人养护。",
         "files": ["claims/premises-1.jpg", "claims/premises-2.jpg"]},
        {"indicator": "no-smoking", "score": 2, "note": "全院为无烟医院，各楼层张贴禁烟标识，控烟监督员每日巡查。",
         "files": ["claims/no-smoking.jpg"]},
    ]
    return p


def city_hospital():
    """The county hospital's ledger as a city hospital checked against the city's overlay of the national
    table (criteria/national-city-example), which adds a bonus for honours and a graded deduction with a
    warning: a 市级文明单位 honour (+1) and one record of two staff in a 道德失范 case (−3, 黄牌警告)."""
    p = national_hospital()
    p.doc["unit"].update({"id": "xx-city-hospital", "name": "××市第一人民医院"})
    p.doc["honors"] = [{"title": "市级文明单位", "level": "municipal", "date": "2025-03-01"}]
    p.doc["incidents"] = [{"id": "inc-1", "type": "ethics-scandal", "date": "2025-08-15", "severity": "minor",
                           "role": "staff", "count": 2, "description": "两名职工驾车时车窗抛物，被市民拍摄曝光",
                           "resolved": True}]
    return p


def write_zip(pkg, name):
    """The well-run package as a zip: evidence.json and every file its attachments name."""
    files = [att["file"] for a in pkg.doc["activities"] + pkg.doc["plans"] for att in a.get("attachments", [])]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("evidence.json", (2026, 1, 5, 9, 0, 0)),
                   json.dumps(pkg.doc, ensure_ascii=False, indent=2))
        for f in sorted(set(files)):
            z.writestr(zipfile.ZipInfo(f, (2026, 1, 5, 9, 0, 0)), f"示例台账材料：{f}\n")
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(buf.getvalue())


def big(n, path):
    """A synthetic package of n activities spread over one year, for benchmarks."""
    rnd = random.Random(n)
    base = well_run("bench-unit", "××基准测试单位")
    types = [t for t in ("theory-study", "party-life", "volunteer-service", "festival", "moral-lecture",
                         "city-creation", "publicity", "reading-club", "child-care", "integrity-education")]
    depts = base.doc["unit"]["departments"]
    base.doc["activities"] = []
    base.n = 0
    for i in range(n):
        day = d("2025-01-01") + dt.timedelta(days=rnd.randint(0, 364))
        base.act(rnd.choice(types), "活动", day, organizer=rnd.choice(["self", "self", "civilization-office"]),
                 attendance={dep["id"]: rnd.randint(0, dep["staff"]) for dep in depts},
                 kinds=("minutes", "attendance-sheet", "photo"), record_lag=rnd.randint(0, 40))
    with open(path, "w", encoding="utf-8") as f:
        json.dump(base.doc, f, ensure_ascii=False)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--big":
        big(int(sys.argv[2]), sys.argv[3])
        sys.exit(0)
    seed_district_office()
    ready = well_run("sz-library", "××市图书馆")
    ready.write("well-run-library.json")
    write_zip(ready, "well-run-library.zip")
    well_run("kf-water-bureau", "××市水务局", incidents=[
        {"id": "inc-1", "type": "discipline-violation", "date": "2025-09-03", "severity": "serious",
         "description": "一名副局长因严重违纪被立案审查", "resolved": False}]).write("vetoed-water-bureau.json")
    rushed()
    national_hospital().write("national-2012/county-hospital.json")
    city_hospital().write("national-2012/city-hospital.json")
