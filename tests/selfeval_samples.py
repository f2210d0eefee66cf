"""Published self-evaluations of our own for the storage, web and browser tests (issue 12).

``SAMPLE`` is the seed table's project (购买社工岗位服务经费, 东莞市妇女联合会, 2025) published as a
central 10号 附件1 自评表 whose printed total (100) is not the sum of its own scores (99.67): an
arithmetic finding (JX-A01); 咨询服务数 1500 of ≥1200 (1.25×) gives no reason (JX-A25, on
its row). ``AGREES`` is another unit's table whose numbers add up.
"""

from __future__ import annotations

SAMPLE = """附件1
项目支出绩效自评表
（2025年度）
项目名称\t购买社工岗位服务经费
主管部门\t东莞市妇女联合会\t实施单位\t东莞市妇女联合会
项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分
\t年度资金总额\t248.07\t248.07\t240.00\t10\t96.75%\t9.67
\t其中：当年财政拨款\t248.07\t248.07\t240.00\t—\t—\t—
\t上年结转资金\t0.00\t0.00\t0.00\t—\t—\t—
\t其他资金\t0.00\t0.00\t0.00\t—\t—\t—
绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施
\t产出指标\t数量指标\t咨询服务数\t≥1200个\t1500个\t20\t20\t
\t\t\t个案服务指标数\t≥110个\t110个\t20\t20\t
\t\t\t社区活动数\t≥50场\t50场\t10\t10\t
\t\t质量指标\t社工证持有率\t100%\t100%\t10\t10\t
\t效益指标\t社会效益指标\t项目成效\t良好\t良好\t20\t20\t
\t满意度指标\t服务对象满意度指标\t用人单位满意度\t≥85%\t90%\t10\t10\t
总分\t\t\t\t\t\t100\t100\t
自评等级\t优
"""

AGREES = """附件1
项目支出绩效自评表
（2025年度）
项目名称\t妇女儿童维权热线运行经费
主管部门\t某市妇女联合会\t实施单位\t某市妇女儿童服务中心
项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分
\t年度资金总额\t20.00\t20.00\t20.00\t10\t100.00%\t10
\t其中：当年财政拨款\t20.00\t20.00\t20.00\t—\t—\t—
绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施
\t产出指标\t数量指标\t热线接听量\t≥3000次\t2700次\t30\t27\t来电较上年减少
\t\t时效指标\t按时办结率\t≥95%\t96%\t20\t20\t
\t效益指标\t社会效益指标\t求助事项办结率\t≥90%\t92%\t30\t30\t
\t满意度指标\t服务对象满意度指标\t来电群众满意度\t≥90%\t93%\t10\t10\t
总分\t\t\t\t\t\t100\t97\t
自评等级\t优
"""
