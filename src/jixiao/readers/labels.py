"""The labels of a 项目绩效目标表, recognised by meaning whatever the layout.

A label is matched after normalisation (spaces dropped, full-width brackets made ASCII, any year
written as ``YYYY``), so ``2025年预算金额（元）`` and ``2024 年预算金额(元)`` are the same label.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache

from jixiao.readers.chinese_years import arabic_years
from jixiao.readers.roles import HEADER_KEYS


class Label(StrEnum):
    """The head fields a label cell can name: title, 项目名称, 项目类型, 主管部门, 实施周期, amounts…"""

    TITLE = "title"
    NAME = "name"
    TYPE = "type"
    LEVEL = "level"
    DEPARTMENT = "department"
    UNIT = "unit"
    FINANCE = "finance"  # 区级财政部门: the finance bureau over the money, not the table's department
    FILER = "filer"  # 填报单位, 申报单位: who filled the form in; the 实施单位 where none is named
    PERIOD = "period"
    PERIOD_START = "period_start"
    PERIOD_END = "period_end"
    BUDGET = "budget"
    GOALS = "goals"
    PERIOD_GOAL = "period_goal"
    ANNUAL_GOAL = "annual_goal"
    INDICATORS = "indicators"  # the header cell 绩效指标 that opens the indicator block
    HEADER = "header"  # the other header cells: 一级指标 … 年度指标值
    FUNDS = "funds"  # a generic amount (资金总额, 项目金额): the budget unless a year's amount is given too
    TOTAL_FUNDS = "total_funds"  # a multi-year amount (中期资金总额, 项目总投资)
    FUNDS_SECTION = "funds_section"  # 项目资金(万元): no value of its own, may carry the unit
    SUB_FUNDS = "sub_funds"  # 其中:财政拨款, 其他资金, 上年结转: parts of an amount, never the budget
    OTHER_FORM = "other_form"  # the title of a 自评表 or 监控表: not a target table
    SECTION = "section"  # a form's tall side cell (项目基本情况, 绩效目标情况): no value, rows go on after it
    YEAR = "year"  # 预算年度 | 2021: the budget year as labelled (`head_facts`)
    ORIGINAL_BUDGET = "original_budget"  # 年初预算数 of a 调整表: noted, never the budget (`head_facts`)


_YEAR = re.compile(r"(?:19|20|21)\d{2}")
SECTION_NAME = "项目名称(取自章节标题)"  # the label `readers.sections` writes: a name taken from a heading
SPLIT_NAME = "项目名称(连写单元格按列序拆分)"  # the label `readers.listrun` writes: cells cut by the form
# Name labels written by a stage: the inference each stands for, listed in the table's ``source``.
NAME_INFERENCES = {
    SECTION_NAME: "项目名称取自章节标题",
    SPLIT_NAME: "原文单元格连在一起，按列表表头的固定列序拆分（各项目金额之和与单位合计相符）",
}

_LABELS: dict[str, Label] = {
    "项目绩效目标表": Label.TITLE,
    "项目支出绩效目标表": Label.TITLE,
    "YYYY年项目绩效目标表": Label.TITLE,
    "YYYY年度项目绩效目标表": Label.TITLE,
    "项目绩效目标申报表": Label.TITLE,
    "项目支出绩效目标申报表": Label.TITLE,
    "项目名称": Label.NAME,
    "项目支出名称": Label.NAME,
    "项目名称(全称)": Label.NAME,
    SECTION_NAME: Label.NAME,  # written by `readers.sections`: the name is an inference
    SPLIT_NAME: Label.NAME,  # written by `readers.listrun`: the cells were cut by the form's columns
    "专项名称": Label.NAME,
    "专项资金名称": Label.NAME,
    "项目(专项)名称": Label.NAME,
    "专项(项目)名称": Label.NAME,
    "二级项目名称": Label.NAME,
    "资金名称": Label.NAME,  # a transfer's 区域绩效目标表: the fund is the table's subject
    "转移支付名称": Label.NAME,
    "专项(一般)转移支付名称": Label.NAME,  # 中央财政…转移支付区域绩效目标表
    "专项转移支付名称": Label.NAME,
    "一般转移支付名称": Label.NAME,
    "预算部门": Label.DEPARTMENT,
    "项目主管部门": Label.DEPARTMENT,
    "主管部门及编码": Label.DEPARTMENT,
    "主管部门(单位)": Label.DEPARTMENT,
    "主管部门(单位)名称": Label.DEPARTMENT,
    "部门(单位)名称": Label.DEPARTMENT,
    "主管单位": Label.DEPARTMENT,
    "主管部门名称": Label.DEPARTMENT,
    "部门名称": Label.DEPARTMENT,  # a 部门整体支出绩效目标表's subject: the table is named by it
    "执行单位": Label.UNIT,
    "项目执行单位": Label.UNIT,
    "承担单位": Label.UNIT,
    "实施单位(部门)": Label.UNIT,
    "实施主体": Label.UNIT,
    "具体实施单位": Label.UNIT,
    "项目实施期": Label.PERIOD,
    "项目支出实施期": Label.PERIOD,
    "项目起止时间": Label.PERIOD,
    "实施期": Label.PERIOD,
    "项目期": Label.PERIOD,
    "实施期限": Label.PERIOD,  # 实施期限 | 2023年1月—2023年12月
    "项目期限": Label.PERIOD,
    "项目实施期限": Label.PERIOD,
    "年度资金申请总额": Label.BUDGET,
    "当年年度预算": Label.BUDGET,
    "当年预算": Label.BUDGET,
    "项目当年预算": Label.BUDGET,
    "本年预算": Label.BUDGET,
    "年度预算金额": Label.BUDGET,
    "年度预算资金总额": Label.BUDGET,
    "年度预算资金": Label.BUDGET,
    "项目总预算": Label.TOTAL_FUNDS,
    "中期预算资金总额": Label.TOTAL_FUNDS,
    "实施期预算资金总额": Label.TOTAL_FUNDS,
    "业务主管部门": Label.DEPARTMENT,
    "主管预算部门": Label.DEPARTMENT,  # 抗疫特别国债项目绩效目标表: the 主管部门 under a rarer word order
    "省级业务主管部门": Label.DEPARTMENT,
    "年度资金总额": Label.BUDGET,
    "本年度申请市财政预算资金": Label.BUDGET,
    "年度资金总额及构成": Label.BUDGET,
    "年度资金申请总额及构成": Label.BUDGET,
    "当年资金总额": Label.BUDGET,
    "本年资金总额": Label.BUDGET,
    "年度本级预算金额": Label.BUDGET,
    "年初安排金额": Label.BUDGET,
    "年度金额": Label.BUDGET,
    "年度预算": Label.BUDGET,
    "年度预算总额": Label.BUDGET,  # 项目资金(万元) over 年度预算总额 / 其中:上级补助 / 县级配套
    "YYYY年预算": Label.BUDGET,
    "YYYY年资金": Label.BUDGET,
    "年度资金": Label.BUDGET,  # 广东: 项目资金(万元) | 年度资金 | 1265.30 | 其中:财政资金 | …
    "本年度预算金额": Label.BUDGET,
    "年度预算数": Label.BUDGET,
    "调整后预算数": Label.BUDGET,  # a 绩效目标调整表: the amount in force; 年初预算数 is the one before
    "调整后预算金额": Label.BUDGET,
    "年初预算数": Label.ORIGINAL_BUDGET,
    "年初预算金额": Label.ORIGINAL_BUDGET,
    "预算年度": Label.YEAR,
    "预算数": Label.BUDGET,
    "预算申报数": Label.BUDGET,
    "预算资金": Label.BUDGET,
    "一、预算资金": Label.BUDGET,
    "项目金额": Label.FUNDS,
    "项目预算金额": Label.FUNDS,  # 项目预算金额(万元) | 87.6: the unit inside the label
    "资金额度": Label.FUNDS,  # 区域绩效目标表: 主管部门 省残联 资金额度 3150 万
    "资金金额": Label.FUNDS,  # a 专项资金 table's 资金金额(万元) | 1300 under 专项资金名称
    "项目申报金额": Label.FUNDS,
    "资金总额": Label.FUNDS,
    "项目资金总额": Label.FUNDS,
    "项目总金额": Label.FUNDS,  # 项目总金额(元) | 1,250,000.00 | 其中:区级配套(元) | …
    "预算金额": Label.FUNDS,
    "下达中央预算内投资": Label.FUNDS,
    "中期资金总额": Label.TOTAL_FUNDS,
    "中期市财政预算": Label.TOTAL_FUNDS,
    "实施期资金总额": Label.TOTAL_FUNDS,
    "项目总投资": Label.TOTAL_FUNDS,
    "总投资": Label.TOTAL_FUNDS,
    "项目资金": Label.FUNDS_SECTION,
    "项目预算资金": Label.FUNDS_SECTION,
    "项目预算": Label.FUNDS_SECTION,  # 项目预算(万元) over 合计48.60其中:财政拨款48.60 (上海 申报表)
    "下达地方或单位": Label.UNIT,
    "省级主管部门": Label.DEPARTMENT,
    "市级主管部门": Label.DEPARTMENT,
    "区级主管部门": Label.DEPARTMENT,  # the most local level named wins (see head.LOCAL_LEVELS)
    "县级主管部门": Label.DEPARTMENT,
    "区县主管部门": Label.DEPARTMENT,
    "中央主管部门": Label.DEPARTMENT,  # below any other level's (see head_parts.yields)
    "地方主管部门": Label.DEPARTMENT,  # a transfer's table: the local department beside the central one
    "市级财政部门": Label.FINANCE,
    "区级财政部门": Label.FINANCE,
    "县级财政部门": Label.FINANCE,
    "省级财政部门": Label.FINANCE,
    "区县财政部门": Label.FINANCE,
    "资金情况": Label.FUNDS_SECTION,
    "专项资金情况": Label.FUNDS_SECTION,
    "年度预算申请": Label.FUNDS_SECTION,  # 部门整体 (预算14表): 资金总额 and its parts follow
    "总体资金情况": Label.FUNDS_SECTION,
    "项目资金申请": Label.FUNDS_SECTION,
    "资金投入": Label.FUNDS_SECTION,
    "其中:财政拨款": Label.SUB_FUNDS,
    "其中:本年财政拨款": Label.SUB_FUNDS,
    "其中:当年财政拨款": Label.SUB_FUNDS,
    "其中:当年财政资金": Label.SUB_FUNDS,
    "财政拨款": Label.SUB_FUNDS,
    "区级财政拨款": Label.SUB_FUNDS,  # 评审申报表: 合计 | 1、区级财政拨款 | 2、其他资金
    "县级财政拨款": Label.SUB_FUNDS,
    "市级财政拨款": Label.SUB_FUNDS,
    "本级财政拨款": Label.SUB_FUNDS,
    "其他资金": Label.SUB_FUNDS,
    "当年其他资金": Label.SUB_FUNDS,
    "上年结转资金": Label.SUB_FUNDS,
    "上年结转": Label.SUB_FUNDS,
    "该项目支出上级资金": Label.SUB_FUNDS,
    "财政拨款小计": Label.SUB_FUNDS,
    "自有资金小计": Label.SUB_FUNDS,
    "自有资金": Label.SUB_FUNDS,
    "其他收入": Label.SUB_FUNDS,
    "其中:上级补助": Label.SUB_FUNDS,  # a county's project: the grant from above and its own share
    "上级补助": Label.SUB_FUNDS,
    "上级补助资金": Label.SUB_FUNDS,
    "县级配套": Label.SUB_FUNDS,
    "县级配套资金": Label.SUB_FUNDS,
    "本级配套": Label.SUB_FUNDS,
    "本级配套资金": Label.SUB_FUNDS,
    "财政资金": Label.SUB_FUNDS,  # 预算金额(万元) over 合计 / 财政资金 / 其他资金
    "其中:财政资金": Label.SUB_FUNDS,
    "区级配套": Label.SUB_FUNDS,
    "其中:区级配套": Label.SUB_FUNDS,  # 项目总金额(元) | 1,250,000.00 | 其中:区级配套 | 250,000.00
    "区级配套资金": Label.SUB_FUNDS,
    "市级配套": Label.SUB_FUNDS,
    "市级配套资金": Label.SUB_FUNDS,
    "实施期绩效目标": Label.PERIOD_GOAL,
    "中期目标": Label.PERIOD_GOAL,
    "长期目标": Label.PERIOD_GOAL,
    "本年度绩效目标": Label.ANNUAL_GOAL,
    "当年绩效目标": Label.ANNUAL_GOAL,
    "年度总体目标": Label.ANNUAL_GOAL,  # 转移支付区域绩效目标表, 部门整体支出绩效目标表
    "年度总体绩效目标": Label.ANNUAL_GOAL,
    "本年度绩效指标": Label.INDICATORS,
    "长期绩效指标": Label.INDICATORS,
    "中期绩效指标": Label.INDICATORS,
    "中长期绩效指标": Label.INDICATORS,
    "实施周期绩效指标": Label.INDICATORS,
    "年度绩效指标": Label.INDICATORS,
    "专项年度绩效指标": Label.INDICATORS,  # 湖南 专项资金预算绩效目标申报表
    "绩效项目指标表": Label.INDICATORS,
    "项目基本情况": Label.SECTION,
    "专项基本情况": Label.SECTION,  # 湖南 专项资金预算绩效目标申报表
    "项目基本信息": Label.SECTION,
    "基本情况": Label.SECTION,
    "基本信息": Label.SECTION,
    "项目资金情况": Label.SECTION,
    "绩效目标情况": Label.SECTION,
    "项目信息": Label.SECTION,
    "项目类型": Label.TYPE,
    "项目类别": Label.TYPE,
    "项目等级": Label.LEVEL,
    "项目级次": Label.LEVEL,
    "主管部门": Label.DEPARTMENT,
    "主管部门及代码": Label.DEPARTMENT,
    "用款单位": Label.UNIT,
    "资金使用单位": Label.UNIT,
    "单位信息": Label.UNIT,  # 单位信息: 324001-某局机关 (a 四川 form's head, code and name)
    "填报单位": Label.FILER,  # 填报单位(盖章):南县疾病预防控制中心
    "填报单位(盖章)": Label.FILER,
    "申报单位": Label.FILER,
    "申报单位(盖章)": Label.FILER,
    "申报单位名称": Label.FILER,
    "编制单位": Label.FILER,
    "编制单位(盖章)": Label.FILER,
    "申报单位名称(盖章)": Label.FILER,
    "项目申报单位": Label.FILER,
    "主管部门(单位)名称及部门预算编码": Label.DEPARTMENT,
    "主管部门(单位)名称及预算编码": Label.DEPARTMENT,
    "主管部门名称及编码": Label.DEPARTMENT,
    "主管部门名称及代码": Label.DEPARTMENT,
    "预算部门及编码": Label.DEPARTMENT,
    "预算部门名称": Label.DEPARTMENT,
    "本年度申请资金": Label.BUDGET,
    "本年度预计投入": Label.BUDGET,  # 湖南 专项: 本年度预计投入(万元) | 财政资金(万元) | 其他
    "当年预算金额": Label.BUDGET,
    "实施单位": Label.UNIT,
    "项目实施单位": Label.UNIT,
    "预算单位": Label.UNIT,
    "项目单位": Label.UNIT,
    "实施周期": Label.PERIOD,
    "项目实施周期": Label.PERIOD,
    "起始年度": Label.PERIOD_START,
    "开始年度": Label.PERIOD_START,
    "项目开始年度": Label.PERIOD_START,  # 预算管理一体化 申报表: 项目开始年度 | 2023 | 项目期限 | 1年
    "到期年度": Label.PERIOD_END,
    "结束年度": Label.PERIOD_END,
    "开始时间": Label.PERIOD_START,  # 上海 申报表: 开始时间2019/1/1结束时间2019/12/31
    "结束时间": Label.PERIOD_END,
    "项目开始日期": Label.PERIOD_START,
    "项目完成日期": Label.PERIOD_END,
    "YYYY年预算金额(元)": Label.BUDGET,
    "YYYY年预算金额(万元)": Label.BUDGET,
    "YYYY年度预算金额(元)": Label.BUDGET,
    "YYYY年度预算金额(万元)": Label.BUDGET,
    "预算金额(元)": Label.BUDGET,
    "预算金额(万元)": Label.BUDGET,
    "年度预算金额(元)": Label.BUDGET,
    "年度预算金额(万元)": Label.BUDGET,
    "总体绩效目标": Label.GOALS,
    "绩效目标": Label.GOALS,
    "整体绩效目标": Label.GOALS,
    "部门整体支出绩效目标": Label.GOALS,
    "部门整体绩效目标": Label.TITLE,  # 一体化 system: the heading over 部门编码 / 部门名称 / 年度绩效目标
    "年度部门整体支出绩效目标": Label.GOALS,
    "部门整体支出年度绩效指标": Label.INDICATORS,
    "实施周期总目标": Label.PERIOD_GOAL,
    "实施周期目标": Label.PERIOD_GOAL,
    "中长期目标": Label.PERIOD_GOAL,
    "总体目标": Label.PERIOD_GOAL,
    "YYYY年度目标": Label.ANNUAL_GOAL,
    "YYYY年目标": Label.ANNUAL_GOAL,
    "年度目标": Label.ANNUAL_GOAL,
    "年度绩效目标": Label.ANNUAL_GOAL,
    "绩效指标": Label.INDICATORS,
    "一级指标": Label.HEADER,
    "二级指标": Label.HEADER,
    "三级指标": Label.HEADER,
    "实施周期指标值": Label.HEADER,
    "年度指标值": Label.HEADER,
    "指标值": Label.HEADER,
    "指标性质": Label.HEADER,
    "度量单位": Label.HEADER,
    "计量单位": Label.HEADER,
    "权重": Label.HEADER,
    "分值": Label.HEADER,
}
_LABELS.update({key: Label.HEADER for key in HEADER_KEYS if key not in _LABELS})
# The same amount labels written with their unit: 资金总额(万元), 年度资金总额(元).
for _key, _label in list(_LABELS.items()):
    if _label in (Label.BUDGET, Label.FUNDS, Label.TOTAL_FUNDS, Label.FUNDS_SECTION):
        for _unit in ("(元)", "(万元)"):
            _LABELS.setdefault(_key + _unit, _label)
_PREFIXES = frozenset(key[:i] for key in _LABELS for i in range(1, len(key)))
# Full-width digits and point (``２０２２年度``, ``４５．８０``) as ASCII, for keys, years and amounts only:
# a value's text is kept as written.
FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")
_BRACKETS = (
    str.maketrans(
        {"（": "(", "）": ")", "：": ":", "\u3000": None, " ": None, "\t": None, "\n": None, "\r": None}
    )
    | FULL_WIDTH_DIGITS
)


@lru_cache(maxsize=16384)  # called on the same few thousand cells again and again
def label_key(text: str) -> str:
    """A cell's text as a label key: no spaces, ASCII brackets, years as YYYY, no trailing colon, no
    leading ``*`` (a template's mark on a required field: ``*指标值``, ``*年度总体绩效目标``)."""
    key = text.translate(_BRACKETS).rstrip(":：")
    if key[:1] in "*＊":
        key = key.lstrip("*＊")
    if len(key) > 24:
        return key
    return _YEAR.sub("YYYY", key, count=1)


# A self-evaluation or monitoring form's title (绩效自评表, 绩效目标执行监控表): another command reads it.
_OTHER_FORM = re.compile(r"(?:自评|自我评价|绩效监控|监控情况|执行监控|运行监控)[^表]{0,8}表")
# A title: ``2023年项目支出绩效目标申报表``, ``项目支出绩效目标表(2022年度)``,
# ``绩效目标申报表(基础设施建设类)``.
_TITLE = re.compile(
    r"^[^:|]{0,30}?(?:绩效目标|支出目标)(?:评审申报|申报|批复|公开|审批|审核|调整)?表(?:[(（][^)）]{0,14}[)）]?|公开)?$"
)


# How a title ends: ``…表``, ``…(2022年度)``, ``…(基础设施建设类)``, ``…表(一级项目)``, ``…表公开``.
_TITLE_END = re.compile(r"(?:表|年度|类|级项目)[)）]*$|表[(（][^)）]{1,14}[)）]$|表公开$")


# A heading that names its project: ``困难残疾人生活补贴项目项目绩效目标`` (several projects on one page,
# each under its own heading, no 项目名称 label). The subject must read as a project's name.
_NAMED_TITLE = re.compile(r"^(.{6,40}?)(?:项目)?绩效目标$")  # a form's title (…表) has its 项目名称
_NAME_ENDINGS = ("项目", "工程")
# A 绩效评价指标表 that sets 目标值 and 分值 for one project (an xlsx attachment of a county bureau):
# ``2019年度某县学前教育幼儿资助项目绩效评价指标表``; the subject is the project, the year the budget's.
# The county before the project is the publisher's (``…年度宁晋县学前教育幼儿资助项目…``), not the name's.
_SCORED_TARGETS_TITLE = re.compile(
    r"^(?:(?:19|20)\d{2}年度?)?(?:[\u4e00-\u9fff]{2,3}[县市区旗](?=.{4}))?(.{4,40}?项目)绩效评价指标表$"
)
_NOT_A_NAME = (
    "中长期",
    "长期",
    "年度",
    "总体",
    "整体",
    "部门",
    "YYYY",
    "重大政策",
    "重点项目",
    "、",
    ":",
    "：",
)


# (一)财政拨款小计, 一、…, 1、区级财政拨款: a part numbered in its cell
_ENUMERATED = re.compile(r"^(?:\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|[1-9]、)")


WHOLE_DEPARTMENT = "部门整体"  # 部门整体支出绩效目标表 (预算14表): a department's whole spending, no project


# ``某中心2023年度整体绩效目标表``, ``单位整体支出绩效目标表``: the same table under a unit's own title.
_WHOLE_UNIT = re.compile(r"(?:年度?|单位[)）]?)整体(?:支出)?绩效目标")  # 部门(单位)整体支出绩效目标批复表 too


def is_whole_department_title(text: str) -> bool:
    """A title of a 部门整体支出绩效目标(申报)表 (or a unit's 年度整体绩效目标表): the table is named by
    its 部门名称 / 预算部门."""
    if "整体" not in text:  # both forms below hold it: one search in C for the many cells without
        return False
    if WHOLE_DEPARTMENT not in text and (len(text) > 60 or not _WHOLE_UNIT.search(text)):
        return False
    return label_of(text) is Label.TITLE


@lru_cache(maxsize=1024)
def title_subject(text: str) -> str | None:
    """The project name a heading ``某某项目项目绩效目标`` carries, or None."""
    key = label_key(text)
    scored = _SCORED_TARGETS_TITLE.match(text.translate(_BRACKETS))
    if scored is not None:
        return scored.group(1)
    match = _NAMED_TITLE.match(key)
    if match is None:
        return None
    subject = match.group(1)
    if not subject.endswith(_NAME_ENDINGS) or any(word in subject for word in _NOT_A_NAME):
        return None
    return subject


@lru_cache(maxsize=8192)
def label_of(text: str) -> Label | None:
    """The label a cell is, or None."""
    if len(text) > 44:
        return None
    key = label_key(text)
    label = _LABELS.get(key)
    if label is None and "表" in key and _OTHER_FORM.search(key):
        return Label.OTHER_FORM
    if (
        label is None
        and len(key) <= 44
        and ("目标" in key and _TITLE_END.search(key))
        and _TITLE.match(key.replace("YYYY", "2000"))
    ):
        return Label.TITLE
    if label is None and key.endswith("绩效目标") and title_subject(key) is not None:
        return Label.TITLE
    if label is None and key.endswith("绩效评价指标表") and title_subject(text) is not None:
        return Label.TITLE
    if label is None and key[:1] in "(（一二三四五123456789" and _ENUMERATED.match(key):  # a numbered part
        part = _LABELS.get(_ENUMERATED.sub("", key))
        return part if part is Label.SUB_FUNDS else None
    if label is None and key.endswith(")") and "(" in key:  # 指标值(包含数字及文字描述): a header's remark
        head = key[: key.index("(")]
        if _LABELS.get(head) is Label.HEADER:
            return Label.HEADER
        if key[len(head) + 1 : len(head) + 2] == "如" and _LABELS.get(head) is Label.PERIOD:
            return Label.PERIOD  # 项目起止时间(如20190101): a label with its example
    return label


@lru_cache(maxsize=8192)
def is_label_prefix(text: str) -> bool:
    """True when the text is the first part of a label wrapped over several lines (``2025年预算金``)."""
    return len(text) < 24 and label_key(text) in _PREFIXES


@lru_cache(maxsize=4096)  # a year in a label, a title, a field: the texts repeat
def year_in(text: str) -> int | None:
    """The first four-digit year (19xx/20xx) in the text, or None."""
    match = _YEAR.search(arabic_years(text.translate(FULL_WIDTH_DIGITS)))  # ２０２３ / 二〇二三年
    return int(match.group()) if match else None


HEADER_ROLES = frozenset(
    ("绩效指标", "一级指标", "二级指标", "三级指标", "实施周期指标值", "年度指标值", "指标值", "指标性质",
     "度量单位", "计量单位", "权重", "分值")
)  # fmt: skip
# Where a label carries the amount's unit: 预算金额(万元), 项目资金(万元), 单位:万元.
_WAN = re.compile(r"万元|\(万\)|单位[:：]?万")


def unit_in(text: str) -> str | None:
    """万元 or 元 where a label or a header line names the unit of amounts, else None."""
    if _WAN.search(text):
        return "万元"
    if "(元)" in text or "（元）" in text or re.search(r"单位[:：]\s*元", text):
        return "元"
    return None
