#!/usr/bin/env python3
"""Writes the sample quarter (samples/visits, samples/roster, samples/events.csv,
samples/responses.csv) from the planted facts below and the checklists in ../checklists.

The output is committed; this script is kept so the samples can be changed on purpose and
re-made identically (a fixed random seed, no clock). Every planted fact is described in
samples/README.md — change both together. Run from the repository root:

    python3 samples/generate.py
"""
import csv
import datetime as dt
import glob
import os
import random
import shutil

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES = os.path.join(ROOT, "samples")
D = dt.date.fromisoformat
Q_FROM, Q_TO = D("2026-07-01"), D("2026-09-30")

# ---------------------------------------------------------------- roster
BRANCHES = [
    # id, name, parent, region, from, to
    ("BR0421", "城中支行", "嘉兴分行营业部", "嘉兴分行", "2008-05-01", ""),
    ("BR0422", "中山路分理处", "嘉兴分行营业部", "嘉兴分行", "2011-03-15", ""),
    ("BR0431", "南湖支行营业室", "南湖支行", "嘉兴分行", "2009-09-01", ""),
    ("BR0432", "东栅分理处", "南湖支行", "嘉兴分行", "2014-06-18", ""),
    ("BR0441", "秀洲支行营业室", "秀洲支行", "嘉兴分行", "2010-01-08", ""),
    ("BR0442", "王江泾分理处", "秀洲支行", "嘉兴分行", "2016-11-20", ""),
    ("BR0511", "红旗路支行", "湖州分行营业部", "湖州分行", "2007-04-01", ""),
    ("BR0512", "仁皇山分理处", "湖州分行营业部", "湖州分行", "2013-08-08", ""),
    ("BR0521", "吴兴支行营业室", "吴兴支行", "湖州分行", "2009-12-01", ""),
    ("BR0522", "织里分理处", "吴兴支行", "湖州分行", "2012-05-20", ""),
    ("BR0523", "八里店分理处", "吴兴支行", "湖州分行", "2015-10-10", ""),
    # Planted: a branch opened in the middle of the quarter.
    ("BR0524", "湖东分理处", "吴兴支行", "湖州分行", "2026-08-17", ""),
]
BRANCH = {b[0]: b for b in BRANCHES}
NEW_BRANCH, NEW_BRANCH_OPENS = "BR0524", D("2026-08-17")

# Planted: BR0523 closed for renovation for two weeks (ISO weeks 33 and 34).
WAIVERS = [("BR0523", "2026-08-10", "2026-08-23", "装修停业")]

STAFF = [
    # id, name, role, branch, from, to
    ("E1001", "李娜", "teller", "BR0421", "2015-07-01", ""),
    ("E1002", "张伟", "teller", "BR0421", "2017-03-01", ""),
    ("E1003", "王芳", "teller", "BR0421", "2019-07-15", ""),
    ("E1004", "刘洋", "lobby_manager", "BR0421", "2016-02-01", ""),
    ("E1005", "马建国", "security", "BR0421", "2020-05-01", ""),
    # Planted: 陈静 transfers from BR0422 to BR0432 on 2026-08-04.
    ("E1006", "陈静", "teller", "BR0422", "2018-07-01", "2026-08-03"),
    ("E1006", "陈静", "teller", "BR0432", "2026-08-04", ""),
    ("E1007", "杨帆", "teller", "BR0422", "2019-03-01", ""),
    ("E1008", "赵丽华", "lobby_manager", "BR0422", "2014-09-01", ""),
    ("E1009", "黄志强", "account_manager", "BR0422", "2018-04-16", ""),
    ("E1010", "周婷", "teller", "BR0431", "2016-07-01", ""),
    ("E1011", "吴昊", "teller", "BR0431", "2020-07-01", ""),
    ("E1012", "徐慧敏", "lobby_manager", "BR0431", "2015-05-01", ""),
    ("E1013", "孙磊", "account_manager", "BR0431", "2017-10-09", ""),
    ("E1014", "朱宏伟", "security", "BR0431", "2021-01-04", ""),
    ("E1015", "胡晓燕", "teller", "BR0432", "2018-03-12", ""),
    ("E1016", "郭涛", "teller", "BR0432", "2021-07-01", ""),
    ("E1017", "何雪", "lobby_manager", "BR0432", "2019-06-01", ""),
    ("E1018", "高俊", "security", "BR0432", "2022-03-01", ""),
    ("E1019", "林佳怡", "teller", "BR0441", "2016-07-01", ""),
    ("E1020", "罗斌", "teller", "BR0441", "2018-07-02", ""),
    ("E1021", "郑雅琴", "teller", "BR0441", "2020-08-03", ""),
    ("E1022", "梁晨", "lobby_manager", "BR0441", "2017-11-01", ""),
    ("E1023", "欧阳晓", "account_manager", "BR0441", "2019-02-18", ""),
    # Planted: on the roster all quarter, never inspected.
    ("E1051", "严晓东", "account_manager", "BR0441", "2026-06-15", ""),
    ("E1024", "宋佳", "teller", "BR0442", "2017-07-01", ""),
    ("E1025", "唐明", "teller", "BR0442", "2019-09-02", ""),
    ("E1026", "韩梅", "lobby_manager", "BR0442", "2016-04-01", ""),
    ("E1027", "冯建军", "security", "BR0442", "2020-10-12", ""),
    ("E1028", "沈丽", "teller", "BR0511", "2015-07-01", ""),
    ("E1029", "董浩", "teller", "BR0511", "2018-07-01", ""),
    ("E1030", "蒋雯", "lobby_manager", "BR0511", "2017-05-08", ""),
    ("E1031", "许国平", "account_manager", "BR0511", "2014-03-03", ""),
    ("E1032", "邓刚", "security", "BR0511", "2019-12-01", ""),
    ("E1033", "曹颖", "teller", "BR0512", "2019-07-01", ""),
    ("E1034", "彭飞", "teller", "BR0512", "2020-07-01", ""),
    ("E1035", "曾晓红", "teller", "BR0512", "2016-09-01", ""),
    ("E1036", "潘悦", "lobby_manager", "BR0512", "2018-01-15", ""),
    ("E1037", "田志刚", "account_manager", "BR0512", "2015-06-01", ""),
    ("E1038", "袁媛", "teller", "BR0521", "2017-07-03", ""),
    ("E1039", "蔡俊杰", "teller", "BR0521", "2021-07-01", ""),
    ("E1040", "钟丽萍", "lobby_manager", "BR0521", "2016-03-01", ""),
    ("E1041", "姜涛", "account_manager", "BR0521", "2018-10-08", ""),
    ("E1042", "范卫国", "security", "BR0521", "2020-06-01", ""),
    ("E1043", "陆佳琪", "teller", "BR0522", "2018-07-02", ""),
    ("E1044", "夏雨", "teller", "BR0522", "2020-07-01", ""),
    ("E1045", "汪敏", "lobby_manager", "BR0522", "2015-11-16", ""),
    ("E1046", "方建平", "security", "BR0522", "2019-04-01", ""),
    ("E1047", "姚倩", "teller", "BR0523", "2017-07-03", ""),
    ("E1048", "金鑫", "teller", "BR0523", "2019-07-01", ""),
    ("E1049", "谭慧", "lobby_manager", "BR0523", "2016-06-01", ""),
    ("E1050", "廖俊", "account_manager", "BR0523", "2018-05-02", ""),
    # Staff of the branch opened on 2026-08-17.
    ("E1052", "黎晓婷", "teller", "BR0524", "2026-08-17", ""),
    ("E1053", "施文博", "teller", "BR0524", "2026-08-17", ""),
    ("E1054", "俞佳慧", "lobby_manager", "BR0524", "2026-08-17", ""),
]
NEVER_INSPECTED = {"E1051"}
ONLY_SELF_CHECKED = "E1039"  # observed on two of 祝永康's self-checks and nowhere else

# How carefully each employee works: the chance of failing any one check item.
SLIP = {s[0]: 0.05 for s in STAFF}
SLIP.update({"E1003": 0.012, "E1019": 0.012, "E1043": 0.015, "E1028": 0.015, "E1047": 0.018,
             "E1001": 0.02, "E1022": 0.02, "E1030": 0.02, "E1010": 0.006, "E1037": 0.006, "E1039": 0.01,
             "E1016": 0.07, "E1034": 0.06, "E1048": 0.06, "E1025": 0.055, "E1053": 0.06})

# ---------------------------------------------------------------- inspectors
REGION_INSPECTORS = {
    "嘉兴分行": {"onsite": ["王敏", "周晓燕"], "video": ["周晓燕", "王敏"], "mystery": ["吴婷"], "external": ["李倩"]},
    "湖州分行": {"onsite": ["姚佳", "钱卫东"], "video": ["姚佳"], "mystery": ["陆一鸣", "吴婷"], "external": ["孙浩"]},
}
# How strict an inspector is: multiplies every employee's slip chance. 祝永康 (the lenient
# self-checker of BR0521) and 沈建华 (strict, but too few visits to be flagged) are planted.
STRICTNESS = {"祝永康": 0.33, "沈建华": 2.2, "吴婷": 1.3, "陆一鸣": 1.3}
# 沈建华's four onsite visits, each at a branch other inspectors also visit.
SHEN = {("BR0422", 28), ("BR0441", 29), ("BR0442", 32), ("BR0431", 37)}
# Branch self-checks (自查), method self: inspector -> (branch, ISO weeks).
SELF_CHECKS = {
    "徐国强": ("BR0421", [28, 33, 38]),
    "闵志华": ("BR0511", [30, 36]),
    "戴卫红": ("BR0442", [31, 38]),
    "祝永康": ("BR0521", [27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 40]),
}
ZHU_WITH_E1039 = {29, 35}  # the two self-checks on which E1039 is observed

# Planted cadence gaps (policy: 周查 every ISO week, 月查 onsite every month).
MISSED_WEEKS = {("BR0432", 31), ("BR0442", 33), ("BR0512", 39)}
MISSED_MONTHS = {("BR0521", 7), ("BR0442", 9)}
WEEKS = list(range(27, 41))  # ISO weeks overlapping 2026-Q3
# Where a planted answer needs a visit of a known method in a known week.
ONSITE_WEEK = {("BR0524", 8): 35, ("BR0524", 9): 38, ("BR0422", 7): 29, ("BR0421", 7): 28, ("BR0421", 8): 34, ("BR0512", 9): 38, ("BR0511", 8): 32}
# Onsite visits that also check the records (skill grades, accounts): the new branch's.
RECORDS_CHECKED = {("BR0524", 35), ("BR0524", 38)}
METHOD_IN_WEEK = {("BR0441", 38): "mystery", ("BR0512", 40): "video", ("BR0511", 33): "video"}
# Employees no longer observed after a date (at one branch, or anywhere), so that a planted
# finding stays open or is closed only where the story says.
NOT_SEEN_AFTER = {"E1006": ("BR0422", D("2026-07-17")), "E1034": (None, D("2026-09-18"))}

# ---------------------------------------------------------------- planted answers
# (visit key, staff or None, item) -> answer written verbatim; visit key = (branch, ISO week, method).
FORCED = {
    # E1006's findings at her old branch (closed when she passes them at BR0432).
    (("BR0422", 29, "onsite"), "E1006", "G13"): {"result": "不合格", "note": "业务办结后未致谢道别，客户离柜时低头整理凭证"},
    (("BR0422", 29, "onsite"), "E1006", "U04"): {"result": "不合格", "note": "工装外套未扣，衬衫下摆外露", "fix_by": "2026-07-24"},
    # A repeat finding: 张伟 late twice within 90 days.
    (("BR0421", 28, "onsite"), "E1002", "C08"): {"result": "不合格", "note": "开门营业后约5分钟才到岗", "fix_by": "2026-07-17"},
    (("BR0421", 34, "onsite"), "E1002", "C08"): {"result": "不合格", "note": "再次迟到，9时06分到岗，窗口晚开", "fix_by": "2026-08-28"},
    # A branch repeat: BR0421's ticket machine.
    (("BR0421", 28, "onsite"), None, "E08"): {"result": "不合格", "note": "取号机缺纸，客户无法取号"},
    (("BR0421", 34, "onsite"), None, "E08"): {"result": "不合格", "note": "叫号机故障，大堂人工叫号", "fix_by": "2026-08-31"},
    # Overdue as of 2026-10-01: found 09-15 with fix_by 09-25, never re-inspected without deduction.
    (("BR0512", 38, "onsite"), None, "E13"): {"result": "不合格", "note": "意见簿缺失，监督电话公示牌被宣传架遮挡", "fix_by": "2026-09-25"},
    # Overdue as of 2026-10-01 (a staff item, no response filed): 彭飞 is not observed again.
    (("BR0512", 38, "onsite"), "E1034", "C07"): {"result": "不合格", "note": "印章、凭证随意摆放，离柜未入箱上锁", "fix_by": "2026-09-22"},
    # The only veto breach on a visit: a teller of the new branch on duty without the skill grade.
    (("BR0524", 35, "onsite"), "E1053", "R02"): {"result": "不合格", "note": "新开网点柜员施文博尚未取得初级技能等级证书即独立上岗，已调整为跟班学习"},
    # Two more open findings of 彭飞 that the branch answers in responses.csv.
    (("BR0512", 38, "onsite"), "E1034", "C06"): {"result": "不合格", "note": "办结后未提醒客户，客户遗忘银行卡"},
    (("BR0512", 38, "onsite"), "E1034", "C04"): {"result": "不合格", "note": "操作不熟练，一笔转账办理近20分钟"},
    # Closed late: fix_by 08-14, passed only on the visit of 08-26.
    (("BR0511", 32, "onsite"), None, "E12"): {"result": "不合格", "note": "无障碍坡道堆放纸箱", "fix_by": "2026-08-14"},
    # The note the old checklists had no item for (counter 2026.2 adds C24).
    (("BR0441", 38, "mystery"), "E1023", "C24"): {"result": "不合格", "note": "推介理财产品只讲收益，未提示风险等级"},
    (("BR0441", 38, "mystery"), "E1023", "C22"): "合格",
}
# A planted finding is the only deduction of its subject (employee, or branch for branch items)
# on that item all quarter: every other visit passes it, so each story reads exactly as told.
FORCE_PASS = {(subject or key[0], item) for (key, subject, item) in FORCED}

NOTES = {
    "U01": ["未穿行服外套", "穿着自备衬衫上岗", "行服与便装混穿"],
    "U02": ["未佩戴工号牌", "工号牌放在抽屉里未佩戴"],
    "U03": ["工号牌歪戴", "工号牌挂在衣袋外侧"],
    "U04": ["衣服褶皱明显", "领带松垮，衬衫领口未扣"],
    "U05": ["头发凌乱", "指甲过长"],
    "U06": ["趴在柜台上与客户交谈", "接待时翘腿"],
    "U07": ["坐姿歪斜，倚靠椅背", "站立时倚靠柜台"],
    "U08": ["面露倦容，精神不振", "接待时神情冷淡"],
    "G01": ["与客户用本地方言交流", "接待老年客户时全程说方言"],
    "G02": ["接待过程中未见微笑", "客户致谢时未报以微笑"],
    "G03": ["在大堂整理资料，未迎候进门客户", "客户进门后无人迎候"],
    "G04": ["叫号后未主动打招呼", "客户临柜后未主动问候"],
    "G05": ["全程未使用“您好”“请慢走”", "未使用礼貌用语"],
    "G06": ["对客户说“你自己看”", "语气生硬"],
    "G07": ["称呼客户“喂”", "未恰当称呼客户"],
    "G08": ["对客户说“这个不归我管”", "说“没看我正忙着吗”"],
    "G09": ["“三声”服务未落实", "送别时未出声"],
    "G10": ["客户询问时面无表情，不理不睬", "低头操作，对客户提问不予回应"],
    "G12": ["礼仪动作到位但语言欠亲切", "形到语不到，敷衍客户"],
    "G13": ["办结后未致谢道别", "未告知客户其他服务"],
    "C01": ["客户临柜未起身相迎", "客户到柜前时仍在整理凭证，未起身"],
    "C02": ["未主动询问客户办理何种业务", "询问时未面带微笑"],
    "C03": ["单手接收凭证", "单手接收客户身份证"],
    "C04": ["操作不熟练，一笔转账办理近20分钟", "录入错误返工，客户重新签字"],
    "C05": ["将回单放在柜台上让客户自取", "证件从窗口推出，未递到客户手中"],
    "C06": ["办结后未提醒客户，客户遗忘银行卡", "未提醒客户带齐证件"],
    "C07": ["凭证散乱未归位", "印章、机具随意摆放"],
    "C08": ["开门营业后仍在整理内务", "午间窗口提前关闭"],
    "C18": ["离岗未放置暂停服务牌", "交接班时尾箱交接未双人签字"],
    "C19": ["无客户时低头玩手机", "与同事闲聊，客户等候"],
    "C09": ["代办业务未查验代理人证件", "未核对证件即办理挂失"],
    "C10": ["未听完客户需求即打断", "答复不准确，客户二次询问"],
    "C11": ["客户咨询时让其“去问柜台”", "首问后未跟进，客户来回询问"],
    "C20": ["未复核客户填写的账号即提交", "金额录入有误，未向客户说明即重新办理"],
    "C21": ["未说明回单用途", "未提醒客户保管好存单"],
    "C22": ["客户询问理财产品时只说“差不多”", "介绍产品时含糊其辞"],
    "C24": ["推介理财产品未提示风险", "未请客户做风险评估即推介"],
    "C12": ["未引导客户至对应业务区", "未向客户说明办理步骤"],
    "C26": ["未询问客户办理何种业务", "客户在大堂徘徊无人询问"],
    "C27": ["等候客户站立，未请其就座", "老年客户等候时未予关照"],
    "C13": ["以零钞不足为由拒绝兑换", "让客户自己打电话查询汇款进度"],
    "C15": ["客户情绪激动时处理生硬", "业务能完成但缺乏热情"],
    "C25": ["客户抱怨时急于辩解", "打断客户陈述"],
    "E01": ["门楣标识灯箱两个字不亮", "机构标识有破损"],
    "E02": ["门口台阶有烟头纸屑", "卫生间异味明显"],
    "E03": ["卫生值班记录缺两天", "卫生值班表未更新"],
    "E04": ["开门后仍在拖地", "花草摆放杂乱"],
    "E05": ["柜台业务牌缺失", "暂停服务牌摆放不明显"],
    "E06": ["服务承诺未更新"],
    "E07": ["等候区座椅不足，客户站立等候", "等候区座椅被堆放物品占用"],
    "E08": ["取号机缺纸", "叫号机故障，人工叫号"],
    "E09": ["一台ATM暂停服务未张贴告示"],
    "E10": ["残损币兑换专柜标识缺失", "兑换专柜未开放"],
    "E11": ["饮水机无水", "雨具架缺失"],
    "E12": ["爱心窗口标识缺失", "无障碍坡道堆放杂物"],
    "E13": ["意见簿缺失", "服务监督电话未公示"],
    "E15": ["现金区与非现金区标识不清", "理财区被临时堆放宣传品"],
    "E16": ["未提供预约排队服务", "免填单设备故障，客户手工填单"],
}
BONUS_NOTES = {"G14": ["主动搀扶行动不便的老年客户办理业务", "为听障客户手写沟通办理业务"]}
NO_SELF_SERVICE = {"BR0422"}  # answers na to E09

# ---------------------------------------------------------------- checklists


def load_checklists():
    """Every checklist version: {id: [dict, ...]} with effective dates parsed."""
    out = {}
    for f in sorted(glob.glob(os.path.join(ROOT, "checklists", "*.yaml"))):
        c = yaml.safe_load(open(f, encoding="utf-8"))
        if not isinstance(c, dict) or "items" not in c:
            continue  # roles.yaml and the like
        out.setdefault(c["id"], []).append(c)
    return out


def version_on(versions, day):
    for c in versions:
        f, t = c.get("effective_from"), c.get("effective_to")
        if (f is None or f <= day) and (t is None or day <= t):
            return c
    raise SystemExit(f"no version of {versions[0]['id']} on {day}")


def applies(c, item, role):
    return (c.get("roles") is None or role in c["roles"]) and (item.get("roles") is None or role in item["roles"])


# ---------------------------------------------------------------- the plan


def week_days(week):
    monday = dt.date.fromisocalendar(2026, week, 1)
    return [d for d in (monday + dt.timedelta(i) for i in range(5)) if Q_FROM <= d <= Q_TO]


def active_branch(b, day):
    if b == NEW_BRANCH and day < NEW_BRANCH_OPENS:
        return False
    return not any(w[0] == b and D(w[1]) <= day <= D(w[2]) for w in WAIVERS)


def staff_at(b, day):
    return [s for s in STAFF if s[3] == b and D(s[4]) <= day and (s[5] == "" or day <= D(s[5]))]


def plan(rng):
    """[(branch, week, method, inspector, date, checklists)] for the quarter."""
    visits = []
    for b, *_ in BRANCHES:
        region = BRANCH[b][3]
        weeks = [w for w in WEEKS if (b, w) not in MISSED_WEEKS and any(active_branch(b, d) for d in week_days(w))]
        # One onsite visit a month, in a week wholly inside the month.
        onsite = {}
        for month in (7, 8, 9):
            if (b, month) in MISSED_MONTHS:
                continue
            inside = [w for w in weeks if all(d.month == month for d in week_days(w))
                      and all(active_branch(b, d) for d in week_days(w))]
            if not inside:
                continue  # not open that month
            onsite[ONSITE_WEEK.get((b, month)) or rng.choice(inside)] = month
        cycle = ["video", "mystery", "video", "external"]
        k = rng.randrange(4)
        for w in weeks:
            if w in onsite or (b, w) in SHEN:
                method = "onsite"
            elif (b, w) in METHOD_IN_WEEK:
                method = METHOD_IN_WEEK[(b, w)]
            else:
                method = cycle[k % 4]
                k += 1
            days = [d for d in week_days(w) if active_branch(b, d)]
            if w in onsite:
                days = [d for d in days if d.month == onsite[w]]
            day = rng.choice(days)
            if (b, w) in SHEN:
                who = "沈建华"
            else:
                pool = REGION_INSPECTORS[region][method]
                who = pool[(w + len(b)) % len(pool)]
            lists = ["counter", "greeting", "uniform"] if method == "video" else None
            if (b, w) in RECORDS_CHECKED and method == "onsite":
                lists = ["counter", "environment", "greeting", "records", "uniform"]
            visits.append((b, w, method, who, day, lists))
    for who, (b, weeks) in SELF_CHECKS.items():
        for w in weeks:
            day = rng.choice(week_days(w))
            visits.append((b, w, "self", who, day, None))
    visits.sort(key=lambda v: (v[4], v[0], v[2]))
    return visits


def pick_staff(rng, b, day, method, who, week, seen):
    here = [s for s in staff_at(b, day) if s[0] not in NEVER_INSPECTED]
    if who == "祝永康":
        chosen = [s for s in here if s[0] != ONLY_SELF_CHECKED]
        rng.shuffle(chosen)
        chosen = chosen[:3]
        if week in ZHU_WITH_E1039:
            chosen += [s for s in here if s[0] == ONLY_SELF_CHECKED]
        return sorted(chosen, key=lambda s: s[0])
    here = [s for s in here if s[0] != ONLY_SELF_CHECKED]
    for sid, (where, after) in NOT_SEEN_AFTER.items():
        here = [s for s in here if not (s[0] == sid and (where is None or where == b) and day > after)]
    must = {subject for (k, subject, _i) in FORCED if subject and k == (b, week, method)}
    if method == "video":
        here = [s for s in here if s[2] != "security"]  # the camera watches the counters
    # Least-seen first, so everyone is observed; then a random few more.
    here.sort(key=lambda s: (seen.get(s[0], 0), rng.random()))
    n = min(len(here), rng.choice([2, 3, 3, 4]))
    chosen = [s for s in here if s[0] in must]
    chosen += [s for s in here if s[0] not in must][: max(0, n - len(chosen))]
    if b == "BR0432" and day >= D("2026-08-04") and not any(s[0] == "E1006" for s in chosen):
        chosen = [s for s in here if s[0] == "E1006"] + chosen[: n - 1]  # the transferred teller, watched
    for s in chosen:
        seen[s[0]] = seen.get(s[0], 0) + 1
    return sorted(chosen, key=lambda s: s[0])


def answer(vid, item, slip, key, subject, method):
    iid = item["id"]
    # One random stream per answer: adding an item or a visit changes no other answer.
    rng = random.Random(f"{vid}/{subject}/{iid}")
    forced = FORCED.get((key, subject, iid))
    if forced is not None:
        return forced
    t = item.get("type", "check")
    if method == "mystery" and iid in ("C08", "C18", "E03"):
        return "不适用"
    if iid in ("C25",) and rng.random() < 0.8:
        return "不适用"  # no complaining customer while observed
    if iid in ("C22", "C24") and rng.random() < 0.4:
        return "不适用"  # no product talk while observed
    if t == "check":
        if (subject or key[0], iid) in FORCE_PASS:
            return "合格"
        if rng.random() < slip:
            return {"result": "不合格", "note": rng.choice(NOTES[iid])}
        return "合格"
    if t == "scale":
        p = item["points"]
        fb = item.get("finding_below", p)
        r = rng.random()
        if r < slip * 1.5:
            v = fb - rng.choice([1, 1.5, 2, 3])
            return {"result": num(v), "note": rng.choice(NOTES[iid])}
        if r < 0.35 + slip * 3:
            return num(p - rng.choice([0.5, 1, 1, 1.5]))  # a little short, above the finding line
        return num(p)
    if (subject or key[0], iid) in FORCE_PASS:
        return 0 if t in ("deduct", "bonus") else num(item["points"])
    if t == "deduct":
        if rng.random() < slip * 0.6:
            return {"result": 1, "note": rng.choice(NOTES[iid])}
        return 0
    if t == "bonus":
        if rng.random() < 0.04:
            return {"result": 1, "note": rng.choice(BONUS_NOTES[iid])}
        return 0
    raise ValueError(t)


def num(x):
    return int(x) if x == int(x) else x


def yaml_answer(a):
    if isinstance(a, dict):
        parts = [f"result: {a['result']}", f"note: {a['note']}"]
        if "fix_by" in a:
            parts.append(f"fix_by: {a['fix_by']}")
        return "{" + ", ".join(parts) + "}"
    return str(a)


def main():
    rng = random.Random(20260930)
    lists = load_checklists()
    out_visits = os.path.join(SAMPLES, "visits")
    shutil.rmtree(out_visits, ignore_errors=True)
    seen = {}
    ids = {}
    for (b, week, method, who, day, chosen_lists) in plan(rng):
        key = (b, week, method)
        vid_base = f"{b}-{day:%Y%m%d}"
        ids[vid_base] = ids.get(vid_base, 0) + 1
        vid = f"{vid_base}-{ids[vid_base]:02d}"
        strict = STRICTNESS.get(who, 1.0)
        assessed = {cid: version_on(v, day) for cid, v in lists.items()
                    if (chosen_lists is None and v[0].get("assessed_by_default", True)) or (chosen_lists and cid in chosen_lists)}
        br = BRANCH[b]
        lines = [f"id: {vid}", "branch:", f"  id: {b}", f"  name: {br[1]}", f"  parent: {br[2]}", f"  region: {br[3]}",
                 f"date: {day}", f"inspector: {who}", f"method: {method}"]
        if chosen_lists:
            lines.append(f"checklists: [{', '.join(chosen_lists)}]")
        branch_lists = [c for c in assessed.values() if c["scope"] == "branch"]
        if branch_lists:
            lines.append("results:")
            for c in branch_lists:
                for item in c["items"]:
                    if item["id"] == "E09" and b in NO_SELF_SERVICE:
                        a = "不适用"
                    else:
                        a = answer(vid, item, 0.04 * strict, key, None, method)
                    lines.append(f"  {item['id']}: {yaml_answer(a)}")
        people = pick_staff(random.Random(vid), b, day, method, who, week, seen)
        if people:
            lines.append("staff:")
        for (sid, name, role, *_rest) in people:
            lines += [f"  - id: {sid}", f"    name: {name}", f"    role: {role}", "    results:"]
            for cid in ("uniform", "greeting", "counter", "records"):
                c = assessed.get(cid)
                if c is None or c["scope"] != "staff":
                    continue
                for item in c["items"]:
                    if applies(c, item, role):
                        a = answer(vid, item, SLIP[sid] * strict, key, sid, method)
                        lines.append(f"      {item['id']}: {yaml_answer(a)}")
        folder = os.path.join(out_visits, f"{day:%Y-%m}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, vid + ".yaml"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
    check_responses(out_visits)
    write_roster()
    write_csv(os.path.join(SAMPLES, "events.csv"), ["id", "date", "branch", "staff", "type", "verified", "item", "note"], EVENTS)
    write_csv(os.path.join(SAMPLES, "responses.csv"),
              ["branch", "staff", "item", "date", "measure", "owner", "done", "reviewer"], RESPONSES)


# Complaints and praise kept by the 行政与内控 team (SPEC §1.5). Verified complaints naming the
# veto item R01 disqualify E1010 and E1037; TS2026-0902 was not verified and counts for nothing.
EVENTS = [
    ["TS2026-0731", "2026-07-31", "BR0441", "E1019", "praise", "yes", "", "客户来信表扬耐心为其办理养老金代发业务"],
    ["TS2026-0812", "2026-08-12", "BR0431", "E1010", "complaint", "yes", "R01", "客户投诉办理挂失时态度生硬、推诿，经支行调查核实属实"],
    ["TS2026-0819", "2026-08-19", "BR0522", "", "praise", "yes", "", "客户送锦旗，表扬网点暴雨天为老年客户延时服务"],
    ["TS2026-0826", "2026-08-26", "BR0421", "E1001", "praise", "yes", "", "客户电话表扬帮助找回遗失的存折"],
    ["TS2026-0902", "2026-09-02", "BR0442", "E1025", "complaint", "no", "R01", "客户反映排队时间长、柜员态度冷淡，经调阅录像未发现服务问题，不予认定"],
    ["TS2026-0909", "2026-09-09", "BR0522", "E1043", "praise", "yes", "", "客户在意见簿留言表扬服务热情、办理快捷"],
    ["TS2026-0918", "2026-09-18", "BR0512", "E1037", "complaint", "yes", "R01", "客户投诉理财产品风险提示不到位，经分行消保部核实属实"],
    ["TS2026-0925", "2026-09-25", "BR0421", "E1001", "praise", "yes", "", "客户送表扬信，感谢上门为卧床老人办理社保卡激活"],
    ["TS2026-0928", "2026-09-28", "BR0511", "E1028", "praise", "no", "", "客户口头表扬，未留联系方式，无法核实"],
]

# Branches' written answers to findings (SPEC §2.7 --responses): measure, owner, done, reviewer.
RESPONSES = [
    # Overdue on 2026-10-01 but answered: status 整改已报 (reported), awaiting re-inspection.
    ["BR0512", "", "E13", "2026-09-18", "补放客户意见簿，监督电话公示牌移至入口显眼处", "潘悦", "2026-09-24", "钱卫东"],
    # Open and answered before the as-of date: reported.
    ["BR0512", "E1034", "C06", "2026-09-18", "班前会重申提醒送要求，柜台张贴“请带好随身物品”提示", "曹颖", "2026-09-28", ""],
    # Answered, but the measure is done only after 2026-10-01: stays open until then.
    ["BR0512", "E1034", "C04", "2026-09-18", "安排跟班学习转账业务操作，月底前参加技能复测", "曹颖", "2026-10-15", ""],
    # Answers to findings already closed by a re-inspection (the repeat of 张伟 and of the call machine).
    ["BR0421", "E1002", "C08", "2026-08-21", "网点负责人约谈，纳入考勤考核，每日班前点名", "徐国强", "2026-08-26", "周晓燕"],
    ["BR0421", "", "E08", "2026-08-21", "更换叫号机主板，大堂备用纸卷专人管理", "刘洋", "2026-08-25", "周晓燕"],
]

def check_responses(folder):
    """Every response must name a finding the visits hold (SPEC §2.7: else an error)."""
    found = set()
    for f in glob.glob(os.path.join(folder, "*", "*.yaml")):
        v = yaml.safe_load(open(f, encoding="utf-8"))
        subjects = [("", v.get("results") or {})] + [(s["id"], s.get("results") or {}) for s in v.get("staff") or []]
        for sid, res in subjects:
            for item, a in res.items():
                if isinstance(a, dict):
                    found.add((v["branch"]["id"], sid, item, str(v["date"])))
    for r in RESPONSES:
        if tuple(r[:4]) not in found:
            raise SystemExit(f"response names no finding: {r[:4]}")


def write_roster():
    d = os.path.join(SAMPLES, "roster")
    os.makedirs(d, exist_ok=True)
    write_csv(os.path.join(d, "branches.csv"), ["id", "name", "parent", "region", "from", "to"], [list(b) for b in BRANCHES])
    write_csv(os.path.join(d, "staff.csv"), ["id", "name", "role", "branch", "from", "to"], [list(s) for s in STAFF])
    write_csv(os.path.join(d, "waivers.csv"), ["branch", "from", "to", "reason"], [list(w) for w in WAIVERS])


def write_csv(path, header, rows):
    # Plain UTF-8, LF: the way these files look when kept in git; the readers accept a BOM and CRLF too.
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


if __name__ == "__main__":
    main()
