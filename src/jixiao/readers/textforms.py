"""Text forms → rows of cells: the stages that run on published text before the grid reader.

Published tables reach us as text in many forms: tab-separated (the seed, spreadsheets), flattened
HTML with ``|`` between the cells of a row, flattened HTML with one cell per line each ending in
`` |`` (and lines of bare ``|``/``||`` for merged or empty cells), one cell per line with blank lines
between (and a lone space for an empty cell), and text with the cells of a row separated by runs of
spaces. `detect_layout` decides which from the text; `text_rows` cuts it into `Row`s.

Before cutting, each line is normalised (`normalise_line`): Traditional characters of mirror sites
(``績效目標(biāo)``, the pinyin in brackets dropped) become simplified, ``<image>`` tags and site
furniture lines (``扫一扫在手机打开当前页``) are dropped. Values keep their symbols (``>=``, ``＝``):
the value grammar reads them and ``raw`` must stay as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.model import SourceRef
from jixiao.readers.cells import Row


class Layout:
    TABS = "tabs"  # cells between tabs, one row per line
    PIPES = "pipes"  # cells between |, one row per line
    CELL_PIPES = "cell_pipes"  # one cell per line, each ending in " |"; bare | lines are empty cells
    SPACES = "spaces"  # cells separated by runs of two or more spaces
    WORDS = "words"  # cells separated by single spaces (HTML rows flattened to a line)
    LINES = "lines"  # one cell per line


_MARKDOWN_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
_PIPES_ONLY = re.compile(r"^\s*(?:\|\s*)+$")
_SPACE_RUN = re.compile(r"(?:[ \u00a0]{2,}|\u3000+)")
_IMAGE_TAG = re.compile(r"<\s*(?:image|img)\b[^>]{0,300}>", re.IGNORECASE)
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])\((?:[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*)\)")
# Site furniture around a published table: never a cell of it.
_FURNITURE = re.compile(
    r"^\s*(?:扫一扫|扫描二维码|【?打印本页|【?关闭窗口|分享到|相关解读|全部留言|上一篇|下一篇|网站地图|"
    r"版权所有|主办单位|ICP备|网站标识码|<image>|内容保障|网站纠错|政府网站标识码)|ICP备\d|公网安备"
)

# Traditional → simplified, the characters of budget tables (one character each way).
_TRADITIONAL = (
    "項目績預實單門類務數質時產經濟態對滿體總級標稱與發續響環設計劃週萬額資費補據達區縣範庫"
    "這個為們說會來過還點進現應從開關動種機業長東車書學問電與無見頁葉號張條處專農廠醫療衛護險"
    "養圍園導選擇運輸調查報紀錄證規則構織網絡監評價審核準備辦幹練識讓議論認訂購買賣價錢銀"
    "擔當舊繼縮減檢測驗收據結餘額確穩縱舉辦營維雜鄉鎮財廳廣韶樂貧災戶員協會處級職隊聯絡優勢"
    "歲殘疾兒童婦愛讀寫練習綜驗範圍積極參與興獎勵齊將滅療鏈歷際戰幣幫氣熱燈灣島區劃歸壞廢飲"
    "複雜蘇淨潔環節約齡職頭碼屬顯傳統創藝術軟體硬務鐵線鋼礦測繪輕寬廠庫運鄰領導騎騰壓燒層墳"
)
_SIMPLIFIED = (
    "项目绩预实单门类务数质时产经济态对满体总级标称与发续响环设计划周万额资费补据达区县范库"
    "这个为们说会来过还点进现应从开关动种机业长东车书学问电与无见页叶号张条处专农厂医疗卫护险"
    "养围园导选择运输调查报纪录证规则构织网络监评价审核准备办干练识让议论认订购买卖价钱银"
    "担当旧继缩减检测验收据结余额确稳纵举办营维杂乡镇财厅广韶乐贫灾户员协会处级职队联络优势"
    "岁残疾儿童妇爱读写练习综验范围积极参与兴奖励齐将灭疗链历际战币帮气热灯湾岛区划归坏废饮"
    "复杂苏净洁环节约龄职头码属显传统创艺术软体硬务铁线钢矿测绘轻宽厂库运邻领导骑腾压烧层坟"
)
_TO_SIMPLIFIED = str.maketrans(_TRADITIONAL, _SIMPLIFIED)
_TRADITIONAL_HINT = frozenset("項績標實數產經濟質時滿單體總級萬額資區縣財廳學專")


def normalise_line(line: str, traditional: bool) -> str:
    """One line made readable: Traditional → simplified (pinyin dropped), ``<image>`` tags removed."""
    if "<" in line:
        line = _IMAGE_TAG.sub("", line)
    if traditional:
        line = _PINYIN.sub("", line).translate(_TO_SIMPLIFIED)
    return line


def is_traditional(text: str) -> bool:
    """True when the text is written in Traditional characters (a mirror site or a Hong Kong source)."""
    sample = text[:20000]
    return sum(1 for c in sample if c in _TRADITIONAL_HINT) >= 5


def is_furniture(line: str) -> bool:
    """A line of the web page around the table (扫一扫, 打印本页, ICP…), never part of it."""
    return bool(_FURNITURE.search(line.strip()))


def detect_layout(lines: list[str]) -> str:
    """The text form, decided by how most non-empty lines look (never by one line)."""
    filled = [line for line in lines if line.strip()]
    if not filled:
        return Layout.LINES
    tabs = sum("\t" in line for line in filled)
    if tabs * 5 >= len(filled):
        return Layout.TABS
    piped = [line.strip() for line in filled if "|" in line]
    if len(piped) * 5 >= len(filled):
        cell_per_line = sum(1 for line in piped if sum(1 for c in line.split("|") if c.strip()) <= 1)
        if cell_per_line * 3 >= len(piped) * 2:
            return Layout.CELL_PIPES
        return Layout.PIPES
    spaced = sum(1 for line in filled if len(_SPACE_RUN.split(line.strip())) >= 3)
    if spaced * 4 >= len(filled):
        return Layout.SPACES
    worded = sum(1 for line in filled if len(split_words(line)) >= 3 and _CJK.search(line))
    if worded * 4 >= len(filled) and worded >= 5:
        return Layout.WORDS
    return Layout.LINES


_CJK = re.compile(r"[\u4e00-\u9fff]")
_OPENERS = {"(": ")", "（": "）", "[": "]", "【": "】", "《": "》"}
_CLOSERS = frozenset(_OPENERS.values())


def split_words(line: str) -> list[str]:
    """A line cut at spaces, except inside brackets: ``数量( ≥**个 ) >=2个`` → two cells."""
    words: list[str] = []
    depth = 0
    for word in line.split():
        if depth > 0 and words:
            words[-1] += " " + word
        else:
            words.append(word)
        depth += sum(1 for c in word if c in _OPENERS) - sum(1 for c in word if c in _CLOSERS)
        depth = max(depth, 0)
    return words


def text_rows(text: str, file: str | None = None) -> Iterator[Row]:
    """Cut text into rows of cells, with each row's line number.

    In the one-cell-per-line forms a lone ``|`` line, or a line holding only a space between blank
    lines, stands for an empty cell; it is kept (``blank=True``) so the grid reader can tell a missing
    value from a value that moved.
    """
    lines = text.splitlines()
    layout = detect_layout(lines)
    traditional = is_traditional(text)
    for number, raw_line in enumerate(lines, start=1):
        line = normalise_line(raw_line, traditional)
        source = SourceRef(file, number)
        if layout == Layout.TABS:
            yield Row(tuple(line.split("\t")), source)
            continue
        if is_furniture(line):
            continue
        if layout == Layout.PIPES:
            stripped = line.strip()
            if _MARKDOWN_RULE.match(stripped):
                continue
            if stripped.startswith("|"):
                stripped = stripped[1:]
            if stripped.endswith("|"):
                stripped = stripped[:-1]
            yield Row(tuple(stripped.split("|")), source)
        elif layout == Layout.CELL_PIPES:
            stripped = line.strip()
            if not stripped:
                continue
            if _PIPES_ONLY.match(stripped):
                yield Row(("",), source, columns_known=False, blank=True)
                continue
            for cell in stripped.strip("|").split("|"):
                if cell.strip():
                    yield Row((cell.strip(),), source, columns_known=False)
        elif layout in (Layout.SPACES, Layout.WORDS):
            stripped = line.strip()
            if stripped:
                cells = _SPACE_RUN.split(stripped) if layout == Layout.SPACES else split_words(stripped)
                # the cells of a row, in order, but not under their header's columns (merged cells left out)
                yield Row(tuple(cells), source, aligned=False)
        else:
            if line and not line.strip():
                yield Row(("",), source, columns_known=False, blank=True)
            elif line.strip() in ("|", "||"):
                yield Row(("",), source, columns_known=False, blank=True)
            else:
                yield Row((line,), source, columns_known=False)
