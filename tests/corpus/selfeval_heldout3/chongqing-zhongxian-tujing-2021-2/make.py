"""Builds document.xlsx: the 重庆 中央、市级专项转移支付绩效目标自评表 of a 忠县 township as an Excel sheet.

Stands for the form 忠县涂井乡人民政府 published for 2021 (see ../chongqing-zhongxian-tujing-2021 for the page
text): 专项(项目)名称 / 负责人及电话, 市级 and 县级主管部门, 项目资金 with 全年预算数(A) / 全年执行数(B) /
执行率(B/A) and amounts written with 万元 inside the cells, 年初设定目标 / 全年实际完成情况, then 一级 / 二级 /
三级 / 年度指标值 / 全年完成值 / 未完成原因和改进措施 with NO 分值 or 得分 column. Project and figures are our own.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout3/chongqing-zhongxian-tujing-2021-2/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

GOAL = "实施涂井河沿线人居环境整治,清理河岸垃圾,新建垃圾收集点,改善移民安置区环境。"
DONE = "完成河岸清理8.5km,新建垃圾收集点10个;受汛期影响,绿化补植完成80%。"


def layout() -> list[list[C | str]]:
    return [
        [C("专项(项目)名称", 2), C("忠县涂井乡移民安置区人居环境整治项目", 2), "负责人及电话", C("刘小红 13635391111", 2)],
        [C("市级主管部门", 2), C("重庆市水利局", 5)],
        [C("县级主管部门", 2), C("忠县水利局", 2), "实施单位", C("忠县涂井乡人民政府", 2)],
        [C("项目资金(万元)", 2, 4), "", "全年预算数(A)", "全年执行数(B)", C("执行率(B/A)", 2)],
        ["年度资金总额:", "64.00万元", "59.52万元", C("93%", 2)],
        ["其中:中央、市级补助", "64.00万元", "59.52万元", C("93%", 2)],
        ["县级资金", "", "", C("", 2)],
        [C("年度总体目标", 2), C("年初设定目标", 2), C("全年实际完成情况", 3)],
        [C("", 2), C(GOAL, 2), C(DONE, 3)],
        [C("绩效指标", rs=9), "一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "未完成原因和改进措施"],
        [C("产出指标", rs=5), "数量指标", "指标1:清理河岸垃圾长度", "8.5km", "8.5km", ""],
        ["数量指标", "指标2:新建垃圾收集点", "10个", "10个", ""],
        ["质量指标", "指标1:绿化补植成活率", "≥90%", "80%", "汛期冲毁部分苗木,次年春季补植"],
        ["时效指标", "项目完成时间", "2021年", "2021年", ""],
        ["成本指标", "人居环境整治", "64万元", "59.52万元", ""],
        [C("效益指标", rs=2), "社会效益指标", "人居环境整治", "改善移民安置区环境", "改善移民安置区环境", ""],
        ["可持续影响指标", "垃圾收集点使用年限", "≥10年", "≥10年", ""],
        ["满意度指标", "服务对象满意度指标", "受益移民满意度", "≥90%", "≥90%", ""],
    ]


if __name__ == "__main__":
    write_xlsx(layout(), HERE / "document.xlsx", title=("中央、市级专项转移支付绩效目标自评表", "(2021年度)"))
